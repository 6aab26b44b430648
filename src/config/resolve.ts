import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ConfigOptions, LoadedConfig } from './file.js';

export interface FileSettings {
  /** The file matches an `ignore` glob: it is not linted at all. */
  ignored: boolean;
  /** The config file's settings for this file, its matching overrides applied in order. */
  options: ConfigOptions;
}

/** Returns the settings for a file path (relative to `cwd`); globs are compiled once. */
export function configResolver(loaded: LoadedConfig, cwd: string): (file: string) => FileSettings {
  const { kafkaVersion, profile, brokers, rules } = loaded.config;
  const base: ConfigOptions = withoutUndefined({ kafkaVersion, profile, brokers, rules });
  const ignored = matcher(loaded.config.ignore ?? []);
  const overrides = (loaded.config.overrides ?? []).map(({ files, ...options }) => ({
    matches: matcher(typeof files === 'string' ? [files] : files),
    options,
  }));
  return (file) => {
    // Standard input and lintText's unnamed text have no path for globs to match.
    const path = file === '-' || file.startsWith('<') ? undefined : relativeTo(loaded.dir, resolve(cwd, file));
    if (path === undefined) return { ignored: false, options: base };
    const options = overrides.filter((o) => o.matches(path))
      .reduce<ConfigOptions>((acc, o) => mergeOptions(acc, o.options), base);
    return { ignored: ignored(path), options };
  };
}

/** `higher` over `lower`, per setting; rule maps are merged id by id. */
export function mergeOptions<T extends ConfigOptions>(lower: ConfigOptions, higher: T): T {
  const merged = { ...lower, ...withoutUndefined(higher) } as T;
  if (lower.rules || higher.rules) merged.rules = { ...lower.rules, ...higher.rules };
  return merged;
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A glob without a slash matches the file name at any depth, as in .gitignore; others match the
 * path. (picomatch's own `basename` option would also apply to globs with a slash, so the two
 * kinds are compiled apart.) `dot`: config folders such as .kafka/ are matched too.
 */
function matcher(globs: string[]): (path: string) => boolean {
  const byName = globs.filter((g) => !g.includes('/'));
  const byPath = globs.filter((g) => g.includes('/'));
  const name = byName.length > 0 ? picomatch(byName, { dot: true }) : undefined;
  const full = byPath.length > 0 ? picomatch(byPath, { dot: true }) : undefined;
  return (path) => Boolean(full?.(path) || name?.(path.slice(path.lastIndexOf('/') + 1)));
}

/** The path below `dir` with forward slashes, or undefined when the file lies outside it. */
function relativeTo(dir: string, file: string): string | undefined {
  const path = relative(dir, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}
