import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The folder the report's paths are relative to, and the repository root CI tools count from. */
export interface SourceRoot {
  cwd: string;
  root: string;
}

/**
 * A report path as CI tools want it: relative to the repository root, with forward slashes.
 * A file outside the repository keeps its absolute path; `<stdin>` and `<text>` stay as they are.
 */
export function pathFromRoot(file: string, where: SourceRoot | undefined): string {
  if (!where || file.startsWith('<')) return file.split(sep).join('/');
  const absolute = resolve(where.cwd, file);
  const path = relative(where.root, absolute);
  return (path.startsWith('..') || isAbsolute(path) ? absolute : path).split(sep).join('/');
}
