import { fileURLToPath } from 'node:url';

/**
 * The package root. This module sits one folder below it both as source (src/paths.ts)
 * and inside the bundles (dist/*.js), so one relative step finds it in either case.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
