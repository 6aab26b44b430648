import { javaTrim } from './convert.js';
import { COMMA_WITH_WHITESPACE } from './convert.js';
import { duplicatesOf, splitLikeJava } from './listeners.js';

/** One `NAME:PROTOCOL` pair of `listener.security.protocol.map`. */
export interface ProtocolMapping {
  /** The entry as Csv.parseCsvMap splits it out of the value. */
  text: string;
  /** Upper-cased, as Kafka normalises listener names; null when Kafka cannot read one. */
  name: string | null;
  /** Upper-cased, as SecurityProtocol.forName compares it; null when the entry has no `:`. */
  protocol: string | null;
  valid: boolean;
  error?: string;
}

export interface ProtocolMap {
  entries: ProtocolMapping[];
  /** Upper-cased names mapped more than once: Kafka keeps one of them without a word. */
  duplicates: string[];
}

const SECURITY_PROTOCOLS: ReadonlySet<string> = new Set(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL']);

/**
 * Csv.parseCsvMap semantics: a trailing comma is harmless (Java's split drops it) but a leading
 * or doubled one yields an entry without `:`, which makes Kafka refuse the whole value.
 */
export function decodeProtocolMap(value: string | readonly string[]): ProtocolMap {
  const text = typeof value === 'string' ? value : value.join(',');
  const entries = text === '' ? [] : splitLikeJava(text, COMMA_WITH_WHITESPACE).map(decodeMapping);
  const names = entries.flatMap((entry) => (entry.name === null ? [] : [entry.name]));
  return { entries, duplicates: duplicatesOf(names) };
}

/** Split at the last `:` so that a name containing colons still parses; the name is checked first. */
function decodeMapping(text: string): ProtocolMapping {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return { text, name: null, protocol: null, valid: false, error: 'no ":" between listener name and protocol' };
  const rawName = javaTrim(text.slice(0, colon));
  const name = rawName === '' ? null : rawName.toUpperCase();
  const rawProtocol = javaTrim(text.slice(colon + 1));
  const protocol = rawProtocol.toUpperCase();
  if (name === null) return { text, name, protocol, valid: false, error: 'empty listener name' };
  if (!SECURITY_PROTOCOLS.has(protocol)) {
    return { text, name, protocol, valid: false, error: `unknown security protocol "${rawProtocol}"` };
  }
  return { text, name, protocol, valid: true };
}
