import { dirname, join, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { knownVersions, resolveVersion } from '../catalog/catalog.js';
import { rulesById } from '../engine/ruleset.js';
import { reasonOf } from '../input.js';
import { oneLine } from '../output.js';
import type { Profile, RuleSetting } from './severity.js';
import validateConfig from './generated/validate-config.cjs';

/** The settings a config file and each of its overrides may hold (klint.schema.json). */
export interface ConfigOptions {
  kafkaVersion?: string;
  profile?: Profile;
  /** The cluster's size when the repository holds one template rather than a file per node. */
  brokers?: number;
  rules?: Record<string, RuleSetting>;
}

export interface ConfigOverride extends ConfigOptions {
  /** Globs relative to the config file's folder; one without a slash matches the file name anywhere. */
  files: string | string[];
}

export interface KlintConfig extends ConfigOptions {
  ignore?: string[];
  overrides?: ConfigOverride[];
}

export interface LoadedConfig {
  /** The file the settings came from (a .klintrc.json or a package.json). */
  path: string;
  /** Globs are relative to this folder: the config file's own. */
  dir: string;
  config: KlintConfig;
}

/** A config file klint cannot use; the CLI exits 2 with its message: one line, naming the file. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly path: string, problem: string) {
    super(oneLine(`${path}: ${problem}`));
  }
}

/** The file access the loader needs, passed in so that reading stays with the caller. */
export interface ConfigFiles {
  exists(path: string): boolean;
  /** Throws for what cannot be read as text (a folder, a named pipe, no permission). */
  read(path: string): string;
}

/** The file's text; a failure to read it is a ConfigError naming it as `shown`. */
function readText(files: ConfigFiles, path: string, shown: string): string {
  try {
    return files.read(path);
  } catch (error) {
    throw new ConfigError(shown, reasonOf(error));
  }
}

export const RC_FILE = '.klintrc.json';

/**
 * The nearest config upward from `startDir`: in each folder a .klintrc.json, else a
 * package.json with a "klint" key (one without it is passed over).
 */
export function findConfig(startDir: string, files: ConfigFiles): LoadedConfig | undefined {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const rc = join(dir, RC_FILE);
    if (files.exists(rc)) return parseConfig(rc, readText(files, rc, rc));
    const pkg = join(dir, 'package.json');
    if (files.exists(pkg)) {
      const found = parseConfig(pkg, readText(files, pkg, pkg));
      if (found) return found;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** `--config PATH`: that file, which must be a readable file; a package.json must have a "klint" key. */
export function readConfig(path: string, files: ConfigFiles, cwd = process.cwd()): LoadedConfig {
  const absolute = resolve(cwd, path);
  const loaded = parseConfig(absolute, readText(files, absolute, path));
  if (!loaded) throw new ConfigError(path, 'has no "klint" key');
  return loaded;
}

/** Parses and validates one config file; a package.json without a "klint" key gives undefined. */
export function parseConfig(path: string, text: string): LoadedConfig | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, `not valid JSON: ${(error as Error).message}`);
  }
  const inPackageJson = path.endsWith('package.json');
  if (inPackageJson) {
    if (typeof json !== 'object' || json === null || !('klint' in json)) return undefined;
    json = (json as { klint: unknown }).klint;
  }
  const where = inPackageJson ? 'klint' : '';
  if (!validateConfig(json)) throw new ConfigError(path, describeErrors(json, validateConfig.errors ?? [], where));
  const config = json as KlintConfig;
  const problems = semanticProblems(config, where);
  if (problems.length > 0) throw new ConfigError(path, problems.join('; '));
  return { path, dir: dirname(path), config };
}

type SchemaError = NonNullable<typeof validateConfig.errors>[number];

const SETTINGS = ['$schema', 'kafkaVersion', 'profile', 'brokers', 'rules', 'ignore', 'overrides', 'files'];

/** ajv's errors as one line a person can act on: where, what is there, what is allowed. */
function describeErrors(json: unknown, errors: readonly SchemaError[], base: string): string {
  const lines = errors.map((error) => {
    const at = pathOf(error.instancePath, base);
    const value = valueAt(json, error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const name = String(error.params.additionalProperty);
      const near = closest(name, SETTINGS);
      const hint = distance(name, near) <= 3 ? ` (did you mean ${near}?)` : '';
      return `${at ? `${at}: ` : ''}unknown setting "${name}"${hint}`;
    }
    const shown = JSON.stringify(value);
    if (error.keyword === 'enum') {
      return `${at} is ${shown}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    }
    return `${at || 'the settings'} ${shown === undefined ? '' : `(${shown}) `}${error.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)].join('; ');
}

/** Rule ids and versions, which the schema cannot know. */
function semanticProblems(config: KlintConfig, base: string): string[] {
  const problems: string[] = [];
  const scopes: [string, ConfigOptions][] = [[base, config],
    ...(config.overrides ?? []).map((o, i): [string, ConfigOptions] => [pathOf(`/overrides/${i}`, base), o])];
  for (const [at, options] of scopes) {
    const prefix = at ? `${at}.` : '';
    if (options.kafkaVersion !== undefined && !resolveVersion(options.kafkaVersion)) {
      problems.push(`${prefix}kafkaVersion "${options.kafkaVersion}" is not a Kafka version klint knows (${knownVersions().join(', ')})`);
    }
    for (const id of Object.keys(options.rules ?? {})) {
      if (rulesById.has(id)) continue;
      const near = closest(id, [...rulesById.keys()]);
      const hint = distance(id, near) <= 3 ? ` (did you mean ${near}?)` : '';
      problems.push(`${prefix}rules: "${id}" is not a klint rule${hint}`);
    }
  }
  return problems;
}

/** `/overrides/0/rules/x` → `overrides[0].rules.x`, under `base` for a package.json's "klint" key. */
function pathOf(instancePath: string, base: string): string {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = base;
  for (const segment of segments) path += /^\d+$/.test(segment) ? `[${segment}]` : `${path ? '.' : ''}${segment}`;
  return path;
}

function valueAt(json: unknown, instancePath: string): unknown {
  let value = json;
  for (const segment of instancePath.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}
