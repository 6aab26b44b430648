import { catalogChecks } from './catalog-checks.js';
import type { FileCheck } from './check.js';

/** Every named per-file check, by the name rules use in `check.name`. */
export const fileChecks: ReadonlyMap<string, FileCheck<never>> = new Map(
  [...catalogChecks].map((check) => [check.name, check]),
);
