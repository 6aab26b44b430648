import { decodeConnectionOverrides } from './connection-overrides.js';
import { decodeListeners } from './listeners.js';
import { decodeProtocolMap } from './protocol-map.js';
import { decodeBootstrapServers, decodeVoters } from './voters.js';
import { decodeZooKeeperConnect } from './zookeeper-connect.js';

type Decoder = (value: string | readonly string[]) => unknown;

/**
 * Keyed by the source key, so that a schema error at `/$decoded/<key>/…` is located on that
 * key's line. A key is a STRING in some versions and a LIST in others (`listeners` from 4.2),
 * so every decoder takes either.
 */
const DECODERS: Readonly<Record<string, Decoder>> = {
  'listeners': decodeListeners,
  'advertised.listeners': decodeListeners,
  'listener.security.protocol.map': decodeProtocolMap,
  'controller.quorum.voters': decodeVoters,
  'controller.quorum.bootstrap.servers': decodeBootstrapServers,
  'zookeeper.connect': decodeZooKeeperConnect,
  'max.connections.per.ip.overrides': decodeConnectionOverrides,
};

/**
 * The structures rules validate at `$decoded`, from the typed effective config: plain JSON, one
 * entry per decodable key that has a value.
 */
export function decodeStructures(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, decode] of Object.entries(DECODERS)) {
    const value = values[key];
    if (typeof value === 'string' || isStringList(value)) decoded[key] = decode(value);
  }
  return decoded;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((element) => typeof element === 'string');
}
