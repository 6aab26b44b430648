import { COMMA_WITH_WHITESPACE } from './convert.js';
import { hostFacts, parseJavaInt, splitLikeJava, type HostFacts } from './listeners.js';

/** One `host:port` of `controller.quorum.bootstrap.servers`, or the address part of a voter. */
export interface QuorumAddress extends HostFacts {
  /** The entry as Kafka's LIST parsing splits it out of the value. */
  text: string;
  /** Without brackets; null when the entry does not parse. */
  host: string | null;
  /** Null when Kafka cannot read a port; a valid entry's port is within 0–65535. */
  port: number | null;
  valid: boolean;
  error?: string;
}

/** One `id@host:port` entry of `controller.quorum.voters`. */
export interface Voter extends QuorumAddress {
  /** Null when Kafka cannot read an id. */
  id: number | null;
}

/** Utils.HOST_PORT_PATTERN, matched against the whole address as Utils.getHost does. */
const HOST_PORT = /^(?:[0-9a-zA-Z\-%._]*:\/\/)?\[?([0-9a-zA-Z\-%._:]*)]?:([0-9]+)$/;

const PORT_MAX = 65535;

export function decodeVoters(value: string | readonly string[]): Voter[] {
  return listEntries(value).map(decodeVoter);
}

export function decodeBootstrapServers(value: string | readonly string[]): QuorumAddress[] {
  return listEntries(value).map(decodeAddress);
}

/**
 * Both keys are LISTs: ConfigDef splits with a limit of -1, so unlike `listeners` a trailing or
 * doubled comma leaves an empty entry, which the validator then refuses.
 */
function listEntries(value: string | readonly string[]): readonly string[] {
  if (typeof value !== 'string') return value;
  return value === '' ? [] : value.split(COMMA_WITH_WHITESPACE);
}

/**
 * Kafka splits on every `@` and drops trailing empty parts, so `1@host:9093@` is accepted while
 * `1@@host:9093` is not. The id is checked first, then host and port, as QuorumConfig does.
 */
function decodeVoter(text: string): Voter {
  const parts = splitLikeJava(text, '@');
  const [idText, addressText] = parts;
  if (parts.length !== 2 || idText === undefined || addressText === undefined) {
    return { text, id: null, host: null, port: null, ...hostFacts(null),
      valid: false, error: 'not of the form {id}@{host}:{port}' };
  }
  const id = parseJavaInt(idText);
  const address = { ...decodeAddress(addressText), text, id };
  if (id === null) return { ...address, valid: false, error: `voter id "${idText}" is not a 32-bit integer` };
  return address;
}

/** Utils.getHost/getPort, then the port range InetSocketAddress enforces. */
function decodeAddress(text: string): QuorumAddress {
  const match = HOST_PORT.exec(text);
  if (!match) {
    return { text, host: null, port: null, ...hostFacts(null), valid: false, error: 'not of the form {host}:{port}' };
  }
  const [, host = '', portText = ''] = match;
  const port = parseJavaInt(portText);
  const address = { text, host, port, ...hostFacts(host) };
  if (port === null || port > PORT_MAX) {
    return { ...address, valid: false, error: `port ${portText} is outside 0-${PORT_MAX}` };
  }
  return { ...address, valid: true };
}
