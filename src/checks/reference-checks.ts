import type { FileModel } from '../model/model.js';
import type { CheckResult, FileCheck } from './check.js';
import { pointerSegments } from '../engine/pointer.js';

/**
 * Generic checks over the model's document: names that must (or must not) be found in other
 * lists, lists that must not repeat, decoded entries Kafka cannot read. Rules point them at
 * `$derived`/`$decoded` structures with JSON pointers, so the Kafka knowledge stays in the model.
 */

/** A list (or single name) in the document, and the key findings about it are located on. */
interface Source {
  path: string;
  key: string;
}

interface RefersToParams {
  /** Where the names come from. */
  from: Source[];
  /** Pointers to the lists the names must appear in (their union); empty reports every name. */
  to: string[];
  /** Report the names that DO appear in `to` instead. */
  forbidden?: boolean;
  /** Check only when this pointer resolves to a value (e.g. a fact that exists only for SASL). */
  when?: string;
}

interface UniqueByParams {
  lists: Source[];
}

interface InvalidEntriesParams {
  /** `$decoded` keys whose entries carry `valid`, `text` and `error`. */
  keys: string[];
}

const pointer = { type: 'string', pattern: '^(/[^/]+)+$' };
const sources = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['path', 'key'],
    properties: { path: pointer, key: { type: 'string' } },
    additionalProperties: false,
  },
};

/** Each name of `from` missing from (or, when forbidden, present in) the lists at `to`. */
const refersTo: FileCheck<RefersToParams> = {
  name: 'refers-to',
  params: {
    type: 'object',
    required: ['from', 'to'],
    properties: {
      from: sources,
      to: { type: 'array', items: pointer },
      forbidden: { type: 'boolean' },
      when: pointer,
    },
    additionalProperties: false,
  },
  run(model, params) {
    if (params.when !== undefined && resolve(model, params.when) === undefined) return [];
    const targets = [...new Set(params.to.flatMap((p) => asNames(resolve(model, p))))];
    const known = targets.join(',') || '(none)';
    const results: CheckResult[] = [];
    for (const { path, key } of params.from) {
      for (const name of new Set(asNames(resolve(model, path)))) {
        if (targets.includes(name) !== Boolean(params.forbidden)) continue;
        results.push({ key, data: { name, known } });
      }
    }
    return results;
  },
};

/** Each name that occurs more than once in one of the lists. */
const uniqueBy: FileCheck<UniqueByParams> = {
  name: 'unique-by',
  params: {
    type: 'object',
    required: ['lists'],
    properties: { lists: sources },
    additionalProperties: false,
  },
  run(model, params) {
    return params.lists.flatMap(({ path, key }) => {
      const seen = new Set<string>();
      const repeated = new Set<string>();
      for (const name of asNames(resolve(model, path))) {
        if (seen.has(name)) repeated.add(name);
        seen.add(name);
      }
      return [...repeated].map((name) => ({ key, data: { name } }));
    });
  },
};

/** Each decoded entry Kafka cannot read, with the decoder's reason. */
const invalidEntries: FileCheck<InvalidEntriesParams> = {
  name: 'invalid-entries',
  params: {
    type: 'object',
    required: ['keys'],
    properties: { keys: { type: 'array', minItems: 1, items: { type: 'string' } } },
    additionalProperties: false,
  },
  run(model, params) {
    const decoded = model.document['$decoded'] as Record<string, unknown> | undefined;
    return params.keys.flatMap((key) => {
      const structure = decoded?.[key];
      const entries = Array.isArray(structure) ? structure : (structure as { entries?: unknown[] } | undefined)?.entries ?? [];
      return entries.flatMap((entry) => {
        const { valid, text, error } = entry as { valid?: boolean; text?: string; error?: string };
        return valid === false ? [{ key, data: { entry: text ?? '', problem: error ?? 'unreadable' } }] : [];
      });
    });
  },
};

/** RFC 6901 pointer into the document; undefined when any step is missing. */
function resolve(model: FileModel, path: string): unknown {
  let node: unknown = model.document;
  for (const segment of pointerSegments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function asNames(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export const referenceChecks = [refersTo, uniqueBy, invalidEntries] as FileCheck<never>[];
