import { catalogChecks } from './catalog-checks.js';
import type { FileCheck } from './check.js';
import { referenceChecks } from './reference-checks.js';

/** Every named per-file check, by the name rules use in `check.name`. */
export const fileChecks: ReadonlyMap<string, FileCheck<never>> = new Map(
  [...catalogChecks, ...referenceChecks].map((check) => [check.name, check]),
);
