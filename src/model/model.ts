import { loadCatalog, newestVersion, type Catalog } from '../catalog/catalog.js';
import type { ParsedProperties } from '../parse/properties.js';
import { convertValue, typedDefault, validateValue, type ConfigValue, type ValueProblem } from './convert.js';
import { decodeStructures } from './decode.js';
import { detectMode, type Mode } from './mode.js';
import { deriveStartupFacts } from './startup-facts.js';

/**
 * Where the Kafka version a file is linted against came from: given, assumed because the file
 * runs in ZooKeeper mode or migrates a cluster from it, or the newest release.
 */
export type VersionOrigin = 'given' | 'zookeeper-mode' | 'zookeeper-migration' | 'newest';

/**
 * A ZooKeeper-mode file cannot run on 4.x, and neither can a KRaft node taking part in the
 * ZooKeeper-to-KRaft migration (removed with ZooKeeper in 4.0): without a version, both are read
 * as the last 3.x, the bridge release.
 */
export const ZOOKEEPER_DEFAULT_VERSION = '3.9';

export interface KeyProblem<P> {
  key: string;
  problem: P;
}

/** One file's configuration as Kafka would see it; every rule reads this, never the text. */
export interface FileModel {
  file: string;
  kafkaVersion: string;
  versionOrigin: VersionOrigin;
  mode: Mode;
  parsed: ParsedProperties;
  catalog: Catalog;
  /** Every key set in the file with the string Kafka reads (last duplicate wins). */
  values: Map<string, string>;
  /** Catalogue keys set in the file, typed as ConfigDef types them; failed conversions are absent. */
  typed: Record<string, ConfigValue>;
  /** `typed` plus the catalogue default of every key the file leaves out. */
  effective: Record<string, ConfigValue>;
  conversionErrors: KeyProblem<{ expected: string }>[];
  invalidValues: KeyProblem<ValueProblem>[];
  /**
   * What JSON Schema rules validate: the effective config, plus `$mode`, `$set` (the keys the
   * file sets, each `true`), `$decoded` (structures parsed out of listeners, voters, …) and
   * `$derived` (values Kafka computes from several keys: effective protocol map, advertised set, …).
   */
  document: Record<string, unknown>;
}

export interface ModelOptions {
  /** A catalogue version (already resolved); absent = chosen from the file's mode. */
  kafkaVersion?: string;
}

export function buildModel(file: string, parsed: ParsedProperties, options: ModelOptions = {}): FileModel {
  const values = new Map<string, string>();
  const set: Record<string, true> = Object.create(null);
  for (const [key, entry] of parsed.entries) {
    values.set(key, entry.value);
    set[key] = true;
  }
  const mode = detectMode(values);
  const versionOrigin: VersionOrigin = options.kafkaVersion ? 'given'
    : mode === 'zookeeper' ? 'zookeeper-mode' : migratesFromZooKeeper(values) ? 'zookeeper-migration' : 'newest';
  const kafkaVersion = options.kafkaVersion
    ?? (versionOrigin === 'newest' ? newestVersion() : ZOOKEEPER_DEFAULT_VERSION);
  const catalog = loadCatalog(kafkaVersion);

  const typed: Record<string, ConfigValue> = {};
  const conversionErrors: FileModel['conversionErrors'] = [];
  const invalidValues: FileModel['invalidValues'] = [];
  for (const [key, raw] of values) {
    const fact = catalog.keys[key];
    if (!fact) continue;
    const converted = convertValue(raw, fact.type);
    if (!converted.ok) {
      conversionErrors.push({ key, problem: { expected: converted.expected } });
      continue;
    }
    typed[key] = converted.value;
    const problem = validateValue(converted.value, fact);
    if (problem) invalidValues.push({ key, problem });
  }
  applyIdSynonyms(typed, catalog);

  // The file's values over the version's defaults, which stay shared on the prototype: copying a
  // few hundred defaults into every file's model was most of the cost of linting many files.
  // Rules read keys by name (compiled validators included), so nothing enumerates these objects.
  // The document is not built on `effective`: a per-file object made a prototype costs V8 a map
  // change for each file and leaves every validator's property lookups megamorphic.
  const defaults = typedDefaults(catalog);
  const effective: Record<string, ConfigValue> = overDefaults(defaults, typed, conversionErrors);
  const decoded = decodeStructures(effective);
  const document: Record<string, unknown> = overDefaults(defaults, typed, conversionErrors);
  document.$mode = mode;
  document.$versionOrigin = versionOrigin;
  document.$set = set;
  document.$decoded = decoded;
  document.$derived = deriveStartupFacts({ effective, values, decoded, mode, kafkaVersion });
  return { file, kafkaVersion, versionOrigin, mode, parsed, catalog, values, typed, effective,
    conversionErrors, invalidValues, document };
}

/**
 * `typed` over the shared defaults. A value Kafka cannot convert stops Kafka; its default must
 * not stand in for it (rules would report on a value that is not the file's), so the key reads
 * as absent and only the type rule speaks.
 */
function overDefaults(defaults: Readonly<Record<string, ConfigValue>>, typed: Record<string, ConfigValue>,
  conversionErrors: FileModel['conversionErrors']): Record<string, ConfigValue> {
  // A loop, not Object.assign: V8's Object.assign onto an object with a dictionary-mode
  // prototype took ~20 µs a file where the loop takes ~3.
  const object: Record<string, ConfigValue> = Object.create(defaults);
  for (const key of Object.keys(typed)) object[key] = typed[key] as ConfigValue;
  for (const { key } of conversionErrors) Reflect.set(object, key, undefined);
  return object;
}

/** `zookeeper.metadata.migration.enable=true`, read as ConfigDef reads a boolean. */
function migratesFromZooKeeper(values: ReadonlyMap<string, string>): boolean {
  const raw = values.get('zookeeper.metadata.migration.enable');
  if (raw === undefined) return false;
  const converted = convertValue(raw, 'boolean');
  return converted.ok && converted.value === true;
}

const defaultsByCatalog = new WeakMap<Catalog, Readonly<Record<string, ConfigValue>>>();

/**
 * Every key's default, typed, converted once per catalogue and shared by the files of a run
 * (linting thousands of files converted the same few hundred defaults for each); never mutated.
 */
function typedDefaults(catalog: Catalog): Readonly<Record<string, ConfigValue>> {
  let defaults = defaultsByCatalog.get(catalog);
  if (!defaults) {
    const typedByKey: Record<string, ConfigValue> = Object.create(null);
    for (const [key, fact] of Object.entries(catalog.keys)) {
      const value = typedDefault(fact);
      if (value !== undefined) typedByKey[key] = value;
    }
    defaults = typedByKey;
    defaultsByCatalog.set(catalog, defaults);
  }
  return defaults;
}

/** Kafka copies `node.id` to `broker.id` (and back) when only one of them is set. */
function applyIdSynonyms(typed: Record<string, ConfigValue>, catalog: Catalog): void {
  if (!catalog.keys['node.id']) return;
  if (typed['node.id'] !== undefined && typed['broker.id'] === undefined) typed['broker.id'] = typed['node.id'];
  else if (typed['broker.id'] !== undefined && typed['node.id'] === undefined) typed['node.id'] = typed['broker.id'];
}
