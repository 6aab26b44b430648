import { catalogChecks } from './catalog-checks.js';
import type { FileCheck } from './check.js';
import { referenceChecks } from './reference-checks.js';
import { listenerChecks } from './listener-checks.js';
import { modeChecks } from './mode-checks.js';
import { securityChecks } from './security-checks.js';
import { shapeChecks } from './shape-checks.js';
import { storageChecks } from './storage-checks.js';

/** Every named per-file check, by the name rules use in `check.name`. */
export const fileChecks: ReadonlyMap<string, FileCheck<never>> = new Map(
  [...catalogChecks, ...referenceChecks, ...listenerChecks, ...modeChecks, ...securityChecks, ...shapeChecks, ...storageChecks].map((check) => [check.name, check]),
);
