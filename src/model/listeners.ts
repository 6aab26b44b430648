import { isIPv4, isIPv6 } from 'node:net';
import { COMMA_WITH_WHITESPACE, javaTrim } from './convert.js';

/**
 * What a rule may want to know about an endpoint's host. The voter and bootstrap decoders reuse
 * these facts and the Java helpers below, so they are exported from here.
 */
export interface HostFacts {
  /** A dotted-quad literal as Kafka's IPv4/IPv6 same-port check sees one (no leading zeros). */
  ipv4Literal: boolean;
  /** An IPv6 literal, bracketed or not (Kafka's regexes make the brackets optional). */
  ipv6: boolean;
  /** 0.0.0.0 or the all-zero IPv6 address: binds everything, routes nowhere. */
  wildcard: boolean;
  /** localhost, 127.0.0.0/8 or ::1: unreachable from any other machine. */
  loopback: boolean;
}

/** One entry of `listeners` or `advertised.listeners`, read as Kafka's endpoint parser reads it. */
export interface Listener extends HostFacts {
  /** The entry as Kafka splits it out of the value. */
  text: string;
  /** Upper-cased, as Kafka normalises listener names; null when Kafka cannot read one. */
  name: string | null;
  /** Without brackets; "" binds the default interface; null when the entry does not parse. */
  host: string | null;
  /** As written: Kafka accepts negative and above-65535 ports here and fails only when binding. */
  port: number | null;
  valid: boolean;
  error?: string;
}

/** Java's `\s*,\s*`; Java's `\s` is ASCII whitespace only, unlike JavaScript's. */

/**
 * Kafka's EndPoint pattern, matched against the whole entry. Java's `.` stops at every line
 * terminator Java knows, U+0085 included, which JavaScript's `.` would cross.
 */
const ENDPOINT = /^([^\n\r\u0085\u2028\u2029]*):\/\/\[?([0-9a-zA-Z\-%._:]*)\]?:(-?[0-9]+)$/;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * Decodes `listeners` / `advertised.listeners`. Up to 4.1 the value is a STRING that Kafka splits
 * itself, dropping empty entries; from 4.2 it is a LIST whose elements arrive already split, and
 * an empty element is refused ("values must not be empty").
 */
export function decodeListeners(value: string | readonly string[]): Listener[] {
  if (typeof value !== 'string') return value.map(decodeListener);
  return value.split(COMMA_WITH_WHITESPACE).filter((entry) => entry !== '').map(decodeListener);
}

function decodeListener(text: string): Listener {
  const match = ENDPOINT.exec(text);
  if (!match) {
    const error = text === '' ? 'empty entry' : 'not of the form NAME://host:port';
    return { text, name: null, host: null, port: null, ...hostFacts(null), valid: false, error };
  }
  const [, rawName = '', host = '', portText = ''] = match;
  const name = javaTrim(rawName) === '' ? null : rawName.toUpperCase();
  const port = parseJavaInt(portText);
  const listener = { text, name, host, port, ...hostFacts(host) };
  if (name === null) return { ...listener, valid: false, error: 'empty listener name' };
  if (port === null) return { ...listener, valid: false, error: `port ${portText} is not a 32-bit integer` };
  return { ...listener, valid: true };
}

export function hostFacts(host: string | null): HostFacts {
  if (host === null) return { ipv4Literal: false, ipv6: false, wildcard: false, loopback: false };
  const name = hostKey(host); // `localhost.` is localhost, `0:0:0:0:0:0:0:1` is ::1
  const ipv4Literal = isIPv4(name);
  // Every IPv6 literal has a colon; the test skips compiling Node's IPv6 regex (~5 ms) for host names.
  const ipv6 = name.includes(':') && isIPv6(name);
  return {
    ipv4Literal,
    ipv6,
    wildcard: name === '0.0.0.0' || name === '::',
    loopback: name === 'localhost' || (ipv4Literal && name.startsWith('127.')) || name === '::1',
  };
}

/**
 * A host name or address as two files are compared on it: lower case (DNS names are not case
 * sensitive), without the root's trailing dot (`zk1.example.com.` is `zk1.example.com`), and an
 * IPv6 literal in its one shortest form (`2001:DB8:0:0:0:0:0:10` is `2001:db8::10`).
 */
export function hostKey(host: string): string {
  const name = host.toLowerCase();
  if (name.includes(':') && isIPv6(name)) {
    // The URL parser writes an address in its shortest form; it takes no zone (`%eth0`), kept as written.
    const zone = name.indexOf('%');
    const address = zone === -1 ? name : name.slice(0, zone);
    return new URL(`http://[${address}]/`).hostname.slice(1, -1) + (zone === -1 ? '' : name.slice(zone));
  }
  return name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name;
}

/**
 * Java's Integer.parseInt: an optional sign, ASCII digits (as convert.ts reads INT keys) and the
 * 32-bit range; no trimming, so `1 @host:9093` has no voter id.
 */
export function parseJavaInt(text: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const value = Number(text);
  // `+ 0` turns "-0" into 0: Java ints have no negative zero.
  return value >= INT_MIN && value <= INT_MAX ? value + 0 : null;
}

/**
 * Java's String.split with no limit: trailing empty strings are dropped, leading ones kept, and
 * a text without any separator comes back whole (so "" gives [""]).
 */
export function splitLikeJava(text: string, separator: string | RegExp): string[] {
  const parts = text.split(separator);
  if (parts.length === 1) return parts;
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Each value that occurs more than once, listed once, in the order its repeat appears. */
export function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** A single-label host name, not an address: `zookeeper`, not `zk1.example.com` or `10.0.0.1`. */
export function isShortName(name: string, facts: HostFacts): boolean {
  return !facts.ipv4Literal && !facts.ipv6 && !name.includes('.');
}

/** A host names a machine unless it is empty or a wildcard (every loopback name is the local one). */
export function namesHost(host: string | null): host is string {
  return host !== null && host !== '' && !hostFacts(host).wildcard;
}
