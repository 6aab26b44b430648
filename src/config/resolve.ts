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

// `dot`: configs live in folders such as .kafka/; `basename`: `dev-*.properties` matches at any depth, as in .gitignore.
const matcher = (globs: string[]) => (globs.length === 0 ? () => false : picomatch(globs, { dot: true, basename: true }));

/** The path below `dir` with forward slashes, or undefined when the file lies outside it. */
function relativeTo(dir: string, file: string): string | undefined {
  const path = relative(dir, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}
