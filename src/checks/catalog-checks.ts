import { compareVersions, keyHistory } from '../catalog/catalog.js';
import { closestKey } from '../catalog/closest-key.js';
import type { FileModel } from '../model/model.js';
import { baseKey } from '../model/prefixes.js';
import { ownEntry, type CheckResult, type FileCheck } from './check.js';

interface UnknownKeyParams {
  /** Keys Kafka reads although no broker table lists them (authorizer settings, …). */
  passThroughKeys: string[];
  /** Prefixes handed to plug-ins or vendors' extensions; keys under them are never flagged. */
  passThroughPrefixes: string[];
  /** Topic-level names that people put in a broker file, with the broker key they meant. */
  topicKeys: Record<string, string>;
  /** Client (producer, consumer, admin) keys that do nothing in a broker file. */
  clientKeys: string[];
}

interface ReplacementParams {
  /** Per key: what to use instead, and since when (deprecation) — the catalogue lacks both. */
  keys: Record<string, { since?: string; replacement: string }>;
}

/** Keys no broker table of this version lists, that Kafka therefore ignores silently. */
const unknownKey: FileCheck<UnknownKeyParams> = {
  name: 'unknown-keys',
  params: {
    type: 'object',
    required: ['passThroughKeys', 'passThroughPrefixes', 'topicKeys', 'clientKeys'],
    properties: {
      passThroughKeys: { type: 'array', items: { type: 'string' } },
      passThroughPrefixes: { type: 'array', items: { type: 'string' } },
      topicKeys: { type: 'object', additionalProperties: { type: 'string' } },
      clientKeys: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  run(model, params) {
    const results: CheckResult[] = [];
    for (const key of model.values.keys()) {
      if (key === '' || isKnown(model, key, params) || removedBefore(model, key)) continue;
      results.push({ key, at: 'key', data: { hint: unknownKeyHint(model, key, params) } });
    }
    return results;
  },
};

function isKnown(model: FileModel, key: string, params: UnknownKeyParams): boolean {
  const keys = model.catalog.keys;
  if (keys[key] || params.passThroughKeys.includes(key)) return true;
  if (key.startsWith('listener.name.')) return Boolean(keys[baseKey(key)]);
  return params.passThroughPrefixes.some((prefix) => key.startsWith(prefix));
}

/** The release a key disappeared in, when it existed before the linted version and not in it. */
function removedBefore(model: FileModel, key: string): string | undefined {
  const ranges = keyHistory()[key];
  const last = ranges?.[ranges.length - 1];
  if (!last || last[1] === null) return undefined;
  return compareVersions(last[1], model.kafkaVersion) <= 0 ? last[1] : undefined;
}

function unknownKeyHint(model: FileModel, key: string, params: UnknownKeyParams): string {
  const laterSince = keyHistory()[key]?.find(([since]) => compareVersions(since, model.kafkaVersion) > 0)?.[0];
  if (laterSince) return `; it was added in Kafka ${laterSince}`;
  const topicKey = ownEntry(params.topicKeys, key);
  if (topicKey) return `; it is a topic-level name: the broker default is ${topicKey}`;
  if (params.clientKeys.includes(key)) return '; it is a client (producer, consumer or admin) setting';
  const prefixed = key.startsWith('listener.name.');
  const target = prefixed ? baseKey(key) : key;
  const suggestion = closestKey(target, [...Object.keys(model.catalog.keys), ...params.passThroughKeys]);
  if (!suggestion) return '';
  return `; did you mean ${prefixed ? key.slice(0, key.length - target.length) + suggestion : suggestion}?`;
}

const removedKey: FileCheck<ReplacementParams> = {
  name: 'removed-keys',
  params: replacementSchema(),
  run(model, params) {
    const results: CheckResult[] = [];
    for (const key of model.values.keys()) {
      const removedIn = removedBefore(model, key);
      if (!removedIn || model.catalog.keys[key]) continue;
      const replacement = ownEntry(params.keys, key)?.replacement;
      results.push({ key, at: 'key', data: { removedIn, instead: replacement ? `; use ${replacement}` : '' } });
    }
    return results;
  },
};

const deprecatedKey: FileCheck<ReplacementParams> = {
  name: 'deprecated-keys',
  params: replacementSchema(),
  run(model, params) {
    const results: CheckResult[] = [];
    for (const key of model.values.keys()) {
      const fact = model.catalog.keys[key];
      if (!fact) continue;
      const known = ownEntry(params.keys, key);
      const deprecatedHere = known?.since ? compareVersions(model.kafkaVersion, known.since) >= 0 : fact.deprecated;
      if (!deprecatedHere) continue;
      results.push({ key, at: 'key', data: {
        since: known?.since ? ` since Kafka ${known.since}` : '',
        instead: known ? `; use ${known.replacement}` : '',
      } });
    }
    return results;
  },
};

function replacementSchema(): Record<string, unknown> {
  return {
    type: 'object',
    required: ['keys'],
    properties: {
      keys: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['replacement'],
          properties: { since: { type: 'string', pattern: '^\\d+\\.\\d+$' }, replacement: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

const invalidType: FileCheck = {
  name: 'value-types',
  params: { type: 'object', additionalProperties: false },
  run: (model) => model.conversionErrors.map(({ key, problem }) => ({ key, data: { expected: problem.expected } })),
};

const outOfRange: FileCheck = {
  name: 'value-ranges',
  params: { type: 'object', additionalProperties: false },
  run: (model) => model.invalidValues.flatMap(({ key, problem }) =>
    problem.kind === 'range' ? [{ key, data: { limit: problem.limit } }] : []),
};

const notInEnum: FileCheck = {
  name: 'value-enums',
  params: { type: 'object', additionalProperties: false },
  run: (model) => model.invalidValues.flatMap(({ key, problem }) =>
    problem.kind === 'enum' ? [{ key, data: { element: problem.element, allowed: problem.allowed } }] : []),
};

export const catalogChecks = [unknownKey, removedKey, deprecatedKey, invalidType, outOfRange, notInEnum] as FileCheck<never>[];
