import { COMMA_WITH_WHITESPACE, javaTrim } from './convert.js';
import { parseJavaInt, splitLikeJava } from './listeners.js';

/** One `host:count` pair of `max.connections.per.ip.overrides`. */
export interface ConnectionOverride {
  /** The entry as Csv.parseCsvMap splits it out of the value. */
  text: string;
  host: string | null;
  count: number | null;
  valid: boolean;
  error?: string;
}

/** Utils.validHostPattern: the characters a host name or IP literal may contain. */
const VALID_HOST = /^[0-9a-zA-Z\-%._:]*$/;

/**
 * KafkaConfig reads the value with Csv.parseCsvMap (split at each entry's last `:`, both sides
 * trimmed; an entry without `:` fails), then Integer.parseInt on each count, then refuses
 * hosts with characters Utils.validHostPattern does not allow.
 */
export function decodeConnectionOverrides(value: string | readonly string[]): ConnectionOverride[] {
  const text = typeof value === 'string' ? value : value.join(',');
  return text === '' ? [] : splitLikeJava(text, COMMA_WITH_WHITESPACE).map(decodeOverride);
}

function decodeOverride(text: string): ConnectionOverride {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return { text, host: null, count: null, valid: false, error: 'no ":" between host and connection count' };
  const host = javaTrim(text.slice(0, colon));
  const countText = javaTrim(text.slice(colon + 1));
  const count = parseJavaInt(countText);
  if (count === null) return { text, host, count, valid: false, error: `"${countText}" is not a whole number` };
  if (!VALID_HOST.test(host)) return { text, host, count, valid: false, error: `"${host}" is not a host name or IP address` };
  return { text, host, count, valid: true };
}
