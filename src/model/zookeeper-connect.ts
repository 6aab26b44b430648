import { javaTrim } from './convert.js';
import { duplicatesOf, parseJavaInt } from './listeners.js';

/** One server of `zookeeper.connect`, read as ZooKeeper's ConnectStringParser reads it. */
export interface ZooKeeperHost {
  /** The entry as ZooKeeper splits and trims it. */
  text: string;
  /** Without brackets; null when a bracketed entry does not parse. */
  host: string | null;
  /** 2181 when none is written; null when ZooKeeper cannot read one. */
  port: number | null;
  /** The port is readable and within 0–65535. */
  portValid: boolean;
  valid: boolean;
  error?: string;
}

export interface ZooKeeperConnect {
  hosts: ZooKeeperHost[];
  /** Everything from the first `/`; null when there is none or it is just `/`. */
  chroot: string | null;
  /** True when there is no chroot. */
  chrootValid: boolean;
  chrootError?: string;
  /**
   * How many comma-separated parts put a path after a host, as in `h1:2181/kafka,h2:2181/kafka`:
   * above 1 means the chroot was repeated per host and swallowed every host after the first.
   */
  chrootCount: number;
  /** `host:port` pairs (host lower-cased) listed more than once. */
  duplicateHosts: string[];
}

const DEFAULT_PORT = 2181;
const PORT_MAX = 65535;

/**
 * ZooKeeper (3.5–3.8, the clients Kafka ships) takes the chroot from the first `/` on, so only
 * the text before it is split into hosts, on `,`, each trimmed, empty ones dropped.
 */
export function decodeZooKeeperConnect(value: string | readonly string[]): ZooKeeperConnect {
  const text = typeof value === 'string' ? value : value.join(',');
  const slash = text.indexOf('/');
  const serverPart = slash < 0 ? text : text.slice(0, slash);
  const chroot = slash < 0 || slash === text.length - 1 ? null : text.slice(slash);
  const chrootError = chroot === null ? undefined : znodePathError(chroot);
  const hosts = serverPart.split(',').map(javaTrim).filter((entry) => entry !== '').map(decodeHost);
  const addresses = hosts.flatMap((h) => (h.valid && h.host !== null ? [formatAddress(h.host.toLowerCase(), h.port)] : []));
  return {
    hosts,
    chroot,
    chrootValid: chrootError === undefined,
    ...(chrootError === undefined ? {} : { chrootError }),
    chrootCount: text.split(',').filter(carriesPath).length,
    duplicateHosts: duplicatesOf(addresses),
  };
}

function carriesPath(part: string): boolean {
  const slash = part.indexOf('/');
  return slash > 0 && javaTrim(part.slice(0, slash)) !== '';
}

/**
 * ConnectStringParser with NetUtils.getIPV6HostAndPort: a bracketed host must be followed by
 * nothing or by `:port`, while an unbracketed one is cut at its last `:` (a bare trailing `:`
 * means the default port, so `::1` unbracketed is host `:` on port 1).
 */
function decodeHost(text: string): ZooKeeperHost {
  if (text.startsWith('[')) {
    const close = text.lastIndexOf(']');
    if (close < 0) return unreadable(text, "starts with '[' but has no matching ']'");
    const host = text.slice(1, close);
    if (host === '') return unreadable(text, 'empty host in brackets');
    if (close === text.length - 1) return withPort(text, host, String(DEFAULT_PORT));
    if (text[close + 1] !== ':') return unreadable(text, "no ':' after ']'");
    if (close + 2 === text.length) return unreadable(text, "no port after ':'");
    return withPort(text, host, text.slice(close + 2));
  }
  const colon = text.lastIndexOf(':');
  if (colon < 0) return withPort(text, text, String(DEFAULT_PORT));
  const portText = colon < text.length - 1 ? text.slice(colon + 1) : String(DEFAULT_PORT);
  return withPort(text, text.slice(0, colon), portText);
}

function withPort(text: string, host: string, portText: string): ZooKeeperHost {
  const port = parseJavaInt(portText);
  if (port === null) return { text, host, port, portValid: false, valid: false, error: `port "${portText}" is not a number` };
  if (port < 0 || port > PORT_MAX) {
    return { text, host, port, portValid: false, valid: false, error: `port ${port} is outside 0-${PORT_MAX}` };
  }
  return { text, host, port, portValid: true, valid: true };
}

function unreadable(text: string, error: string): ZooKeeperHost {
  return { text, host: null, port: null, portValid: false, valid: false, error };
}

function formatAddress(host: string, port: number | null): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * ZooKeeper's PathUtils.validatePath for a path that starts with `/` and is longer than `/`;
 * returns the first reason ZooKeeper would give, scanning UTF-16 units as Java does.
 */
function znodePathError(path: string): string | undefined {
  if (path.endsWith('/')) return 'must not end with /';
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const previous = path[i - 1];
    const isSegmentEnd = i + 1 === path.length || path[i + 1] === '/';
    if (c === 0) return `null character at ${i}`;
    if (path[i] === '/' && previous === '/') return `empty node name at ${i}`;
    if (path[i] === '.' && previous === '.') {
      if (path[i - 2] === '/' && isSegmentEnd) return `relative path (..) at ${i}`;
    } else if (path[i] === '.') {
      if (previous === '/' && isSegmentEnd) return `relative path (.) at ${i}`;
    } else if ((c > 0 && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xf8ff) || c >= 0xfff0) {
      return `invalid character U+${c.toString(16).toUpperCase().padStart(4, '0')} at ${i}`;
    }
  }
  return undefined;
}
