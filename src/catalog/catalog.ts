import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export type KeyType = 'string' | 'int' | 'long' | 'short' | 'double' | 'boolean' | 'list' | 'class' | 'password';

/** What one Kafka release's generated configuration reference says of a broker key. */
export interface KeyFact {
  type: KeyType;
  /** The default as Kafka parses it; null when the key has none. */
  default: string | null;
  required?: boolean;
  min?: number;
  max?: number;
  alsoAllowed?: number[];
  enum?: string[];
  caseInsensitive?: boolean;
  /** The enum lists MetadataVersion strings; Kafka also accepts their release prefixes. */
  versionEnum?: boolean;
  validValues?: string;
  deprecated?: boolean;
  updateMode: 'read-only' | 'per-broker' | 'cluster-wide';
  importance: 'high' | 'medium' | 'low';
}

export interface Catalog {
  kafkaVersion: string;
  keys: Record<string, KeyFact>;
}

/** [since, until) ranges of catalogue versions in which a key exists; until null = still there. */
export type KeyHistory = Record<string, [string, string | null][]>;

const catalogDir = join(packageRoot, 'rules', 'catalog');
let catalogVersions: string[] | undefined;
let history: KeyHistory | undefined;
const loaded = new Map<string, Catalog>();

/** Kafka minor versions the catalogue knows, oldest first: one broker-X.Y.json each. */
export function knownVersions(): string[] {
  // The folder listing, not versions.json: its key history is large and only unknown keys need it.
  catalogVersions ??= readdirSync(catalogDir).flatMap((name) => /^broker-(\d+\.\d+)\.json$/.exec(name)?.[1] ?? []).sort(compareVersions);
  return catalogVersions;
}

export function keyHistory(): KeyHistory {
  history ??= byKey((JSON.parse(readFileSync(join(catalogDir, 'versions.json'), 'utf8')) as { history: KeyHistory }).history);
  return history;
}

/** `3.9.1` and `3.9` both resolve to the `3.9` line; anything else known is undefined. */
export function resolveVersion(requested: string): string | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(requested.trim());
  if (!match) return undefined;
  const minor = `${Number(match[1])}.${Number(match[2])}`;
  return knownVersions().includes(minor) ? minor : undefined;
}

export function newestVersion(): string {
  const versions = knownVersions();
  return versions[versions.length - 1] as string;
}

/** Loads one version's key table; a run reads only the versions its files need. */
export function loadCatalog(version: string): Catalog {
  let catalog = loaded.get(version);
  if (!catalog) {
    const parsed = JSON.parse(readFileSync(join(catalogDir, `broker-${version}.json`), 'utf8')) as Catalog;
    catalog = { ...parsed, keys: byKey(parsed.keys) };
    loaded.set(version, catalog);
  }
  return catalog;
}

/**
 * A table looked up by the keys a file sets, without Object.prototype behind it: a file setting
 * `constructor` or `toString` must find no catalogue entry, not an inherited function.
 */
function byKey<T>(table: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, table);
}

const parsedVersions = new Map<string, readonly [number, number]>();

/** Versions are compared for every rule of every file: each string is split once. */
function parseVersion(version: string): readonly [number, number] {
  let parsed = parsedVersions.get(version);
  if (!parsed) {
    const [major = 0, minor = 0] = version.split('.').map(Number);
    parsed = [major, minor];
    parsedVersions.set(version, parsed);
  }
  return parsed;
}

/** Negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const [am, an] = parseVersion(a);
  const [bm, bn] = parseVersion(b);
  return am - bm || an - bn;
}

/** Whether `version` lies in [since, until). */
export function versionInRange(version: string, since?: string | null, until?: string | null): boolean {
  return (!since || compareVersions(version, since) >= 0) && (!until || compareVersions(version, until) < 0);
}
