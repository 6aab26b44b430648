import type { KeyFact, KeyType } from '../catalog/catalog.js';

export type ConfigValue = string | number | boolean | string[];

export type Conversion =
  | { ok: true; value: ConfigValue }
  | { ok: false; expected: string };

const INTEGER_BOUNDS: Partial<Record<KeyType, [bigint, bigint]>> = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

const EXPECTED: Record<KeyType, string> = {
  short: 'a 16-bit whole number', int: 'a 32-bit whole number', long: 'a 64-bit whole number',
  double: 'a decimal number', boolean: 'true or false', list: 'a comma-separated list',
  class: 'a Java class name', string: 'a string', password: 'a string',
};

/** Java's String.trim(): strips every character up to U+0020, not only whitespace. */
export function javaTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end);
}

/** ConfigDef's list separator; Java's `\s` is only these six characters, narrower than JavaScript's. */
export const COMMA_WITH_WHITESPACE = /[ \t\n\v\f\r]*,[ \t\n\v\f\r]*/;

/** Java's Double.parseDouble grammar, decimal form (hex floats are left out: never seen in configs). */
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;
const JAVA_CLASS_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

/** Converts a raw value as Kafka's ConfigDef.parseType does: trimmed, then typed. */
export function convertValue(raw: string, type: KeyType): Conversion {
  const trimmed = javaTrim(raw);
  const bounds = INTEGER_BOUNDS[type];
  if (bounds) {
    if (!/^[+-]?\d+$/.test(trimmed)) return { ok: false, expected: EXPECTED[type] };
    const parsed = BigInt(trimmed);
    if (parsed < bounds[0] || parsed > bounds[1]) return { ok: false, expected: EXPECTED[type] };
    return { ok: true, value: Number(parsed) };
  }
  switch (type) {
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      return lower === 'true' || lower === 'false' ? { ok: true, value: lower === 'true' }
        : { ok: false, expected: EXPECTED.boolean };
    }
    case 'double': {
      if (!JAVA_DOUBLE.test(trimmed)) return { ok: false, expected: EXPECTED.double };
      return { ok: true, value: Number(trimmed.replace(/[fFdD]$/, '')) };
    }
    case 'list':
      return { ok: true, value: trimmed === '' ? [] : trimmed.split(COMMA_WITH_WHITESPACE) };
    case 'class':
      return trimmed === '' || JAVA_CLASS_NAME.test(trimmed) ? { ok: true, value: trimmed }
        : { ok: false, expected: EXPECTED.class };
    default:
      return { ok: true, value: trimmed };
  }
}

export type ValueProblem =
  | { kind: 'range'; limit: string }
  | { kind: 'enum'; allowed: string; element: string };

/** The catalogue's valid-values check (ConfigDef validators) for an already typed value. */
export function validateValue(value: ConfigValue, fact: KeyFact): ValueProblem | undefined {
  if (typeof value === 'number' && (fact.min !== undefined || fact.max !== undefined)) {
    if (fact.alsoAllowed?.includes(value)) return undefined;
    if ((fact.min !== undefined && value < fact.min) || (fact.max !== undefined && value > fact.max)) {
      return { kind: 'range', limit: describeRange(fact) };
    }
  }
  if (fact.enum && fact.versionEnum) {
    return metadataVersionOf(String(value), fact.enum) !== undefined ? undefined
      : { kind: 'enum', allowed: `a Kafka version such as ${fact.enum[fact.enum.length - 1]}`, element: String(value) };
  }
  if (fact.enum) {
    const elements = Array.isArray(value) ? value : [String(value)];
    const normalise = (s: string) => (fact.caseInsensitive ? s.toLowerCase() : s);
    const allowed = new Set(fact.enum.map(normalise));
    const bad = elements.find((element) => !allowed.has(normalise(element)));
    if (bad !== undefined) return { kind: 'enum', allowed: fact.enum.join(', '), element: bad };
  }
  return undefined;
}

/**
 * The metadata version MetadataVersion.fromVersionString reads: the first three dot-separated
 * parts for 0.x versions, two otherwise, name a version or a release (`3.8` = its latest IV;
 * `3.8.1` reads as `3.8`). `versions` is the catalogue's list, oldest first; undefined = unknown.
 */
export function metadataVersionOf(value: string, versions: readonly string[]): string | undefined {
  const parts = value.split('.');
  const key = parts.slice(0, value.startsWith('0.') ? 3 : 2).join('.');
  if (versions.includes(key)) return key;
  return versions.filter((version) => version.split('-')[0] === key).at(-1);
}

function describeRange(fact: KeyFact): string {
  const also = fact.alsoAllowed?.length ? ` (or ${fact.alsoAllowed.join(', ')})` : '';
  if (fact.min !== undefined && fact.max !== undefined) return `between ${fact.min} and ${fact.max}${also}`;
  if (fact.min !== undefined) return `at least ${fact.min}${also}`;
  return `at most ${fact.max}${also}`;
}

/** The catalogue default typed like a file value; undefined when the key has none. */
export function typedDefault(fact: KeyFact): ConfigValue | undefined {
  if (fact.default === null) return undefined;
  const converted = convertValue(fact.default, fact.type);
  return converted.ok ? converted.value : undefined;
}
