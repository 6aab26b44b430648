import { compareVersions } from '../catalog/catalog.js';
import { COMMA_WITH_WHITESPACE, convertValue, javaTrim, type ConfigValue } from './convert.js';
import { decodeListeners, splitLikeJava, type Listener } from './listeners.js';
import type { Mode } from './mode.js';
import type { ProtocolMap } from './protocol-map.js';
import type { Voter } from './voters.js';

/**
 * The values KafkaConfig computes from several keys before it validates them (the effective
 * protocol map, the advertised set, the inter-broker listener, the log directories, …), as
 * plain JSON at `$derived/<key>`, keyed by the key each fact is mainly about so that a schema
 * error there is located on that key. Rules compare these; they never recompute them.
 */
export interface StartupFacts {
  'listeners': {
    /** Upper-cased names; absent when an entry is unreadable (the endpoint rule reports it). */
    names?: string[];
    /** Ports Kafka refuses as shared by several entries (port 0 and the IPv4/IPv6 pair exempt). */
    clashingPorts: string[];
    /** Ports outside 0–65535: the entry parses, binding fails. */
    unbindablePorts: string[];
    /** Entries on 0.0.0.0 a node advertises because `advertised.listeners` is unset. */
    advertisedWildcardEntries: string[];
  };
  'advertised.listeners': {
    /** Names written in `advertised.listeners` itself; absent when the key is unset or unreadable. */
    explicitNames?: string[];
    /**
     * What a broker advertises: advertised.listeners (else listeners) minus controller listeners;
     * absent when one of those lists is unreadable, so that no rule guesses past a parse error.
     */
    brokerNames?: string[];
    /** Entries of `advertised.listeners` on 0.0.0.0 that Kafka checks and rejects. */
    wildcardEntries: string[];
  };
  'listener.security.protocol.map': {
    /** Listener names that resolve to a protocol, with KRaft's implicit controller mapping. */
    names: string[];
    /** The same map: listener name → PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
    protocols: Record<string, string>;
  };
  'controller.listener.names': {
    /** As Kafka splits the value: not upper-cased, not trimmed before 4.1. */
    names: string[];
    /** Each upper-cased, as Kafka looks a broker's controller listener up in the protocol map. */
    normalised: string[];
    /** Names of the listeners (and, from 3.9, advertised entries) that are controller listeners. */
    endpoints?: string[];
    /**
     * The protocol the raft client uses for the first name: looked up as written in the protocol
     * map, else read as a protocol name (RaftManager); null when neither works. Absent without names.
     */
    firstProtocol?: string | null;
  };
  'inter.broker.listener.name': {
    /** The listener brokers talk to each other on. */
    name: string;
    protocol: string | null;
    /** Mechanisms enabled on that listener when it uses SASL; absent otherwise. */
    saslEnabledMechanisms?: string[];
  };
  'control.plane.listener.name'?: { name: string };
  'controller.quorum.voters': {
    voterIds: number[];
    /** The keys that give this node a quorum (bootstrap servers count from 3.9). */
    quorumSources: string[];
  };
  'log.dirs': { dirs: string[] };
  /** Per SSL/SASL_SSL listener, the key store and trust store settings DefaultSslEngineFactory refuses. */
  'ssl.keystore.location': { problems: string[] };
  'ssl.truststore.location': { problems: string[] };
  'log.retention.ms': { effective: number };
  /** Absent when either key's value is unreadable; null when there are no cleaner threads. */
  'log.cleaner.dedupe.buffer.size': { perThread?: number | null };
  'early.start.listeners'?: { names: string[] };
  /** Present only with tiered storage on, when the remote log metadata manager listener is named. */
  'remote.log.metadata.manager.listener.name'?: { name: string };
  'inter.broker.protocol.version'?: { recordVersion: number };
  'log.message.format.version'?: { recordVersion: number };
}

export interface FactInputs {
  effective: Readonly<Record<string, ConfigValue>>;
  /** Raw values of the keys the file sets (listener-prefixed overrides included). */
  values: ReadonlyMap<string, string>;
  decoded: Readonly<Record<string, unknown>>;
  mode: Mode;
  kafkaVersion: string;
}

const SSL_OR_SASL: ReadonlySet<string> = new Set(['SSL', 'SASL_SSL', 'SASL_PLAINTEXT']);
const PROTOCOLS: ReadonlySet<string> = new Set(['PLAINTEXT', ...SSL_OR_SASL]);

export function deriveStartupFacts(inputs: FactInputs): StartupFacts {
  const { effective, decoded, kafkaVersion } = inputs;
  const atLeast = (version: string): boolean => compareVersions(kafkaVersion, version) >= 0;
  const listenersDecoded = boundListeners(effective, decoded);
  const listeners = validListeners(listenersDecoded);
  const listenersReadable = readable(listenersDecoded);
  const advertisedDecoded = explicitlyAdvertised(effective, decoded);
  const advertisedReadable = readable(advertisedDecoded);
  const advertised = advertisedDecoded === undefined ? undefined : validListeners(advertisedDecoded);
  const controllerNames = splitControllerNames(effective['controller.listener.names'], atLeast('4.1'));
  const isController = (l: Listener): boolean => l.name !== null && controllerNames.includes(l.name);

  const protocols = effectiveProtocolMap(inputs, controllerNames, names(listeners), atLeast('3.1'));
  // Up to 3.8 an explicit advertised.listeners is taken as written; from 3.9 the controller
  // entries are filtered out of it as they always were out of the inherited listeners.
  const brokerAdvertised = advertised === undefined ? listeners.filter((l) => !isController(l))
    : atLeast('3.9') ? advertised.filter((l) => !isController(l)) : advertised;
  const advertisedControllers = atLeast('3.9') ? (advertised ?? []).filter(isController) : [];
  const wildcards = [...brokerAdvertised, ...advertisedControllers].filter((l) => l.host === '0.0.0.0').map((l) => l.text);
  const interBroker = interBrokerListener(inputs, protocols);
  const voters = validVoters(decoded['controller.quorum.voters']);
  const bootstrap = decoded['controller.quorum.bootstrap.servers'];

  const facts: StartupFacts = {
    'listeners': {
      ...(listenersReadable ? { names: names(listeners) } : {}),
      clashingPorts: clashingPorts(listeners, atLeast('3.6')),
      unbindablePorts: listeners.filter((l) => l.port !== null && (l.port < 0 || l.port > 65535)).map((l) => String(l.port)),
      advertisedWildcardEntries: advertised ? [] : wildcards,
    },
    'advertised.listeners': {
      ...(advertised && advertisedReadable ? { explicitNames: names(advertised) } : {}),
      ...((advertised ? advertisedReadable : listenersReadable) ? { brokerNames: names(brokerAdvertised) } : {}),
      wildcardEntries: advertised ? wildcards : [],
    },
    'listener.security.protocol.map': { names: [...protocols.keys()], protocols: Object.fromEntries(protocols) },
    'controller.listener.names': {
      names: controllerNames,
      normalised: controllerNames.map((name) => name.toUpperCase()),
      ...(listenersReadable && advertisedReadable ? { endpoints: names([...listeners, ...advertisedControllers].filter(isController)) } : {}),
      ...(controllerNames[0] === undefined ? {} : { firstProtocol: protocolOfName(controllerNames[0], protocols) }),
    },
    'inter.broker.listener.name': interBroker,
    'controller.quorum.voters': {
      voterIds: voters.flatMap((v) => (v.id === null ? [] : [v.id])),
      quorumSources: [
        ...(voters.length > 0 ? ['controller.quorum.voters'] : []),
        ...(atLeast('3.9') && Array.isArray(bootstrap) && bootstrap.length > 0 ? ['controller.quorum.bootstrap.servers'] : []),
      ],
    },
    'log.dirs': { dirs: logDirs(effective) },
    ...sslStoreProblems(inputs, listeners, protocols),
    'log.retention.ms': { effective: retentionMs(effective) },
    'log.cleaner.dedupe.buffer.size': dedupeBufferPerThread(effective),
  };
  const controlPlane = effective['control.plane.listener.name'];
  if (typeof controlPlane === 'string') facts['control.plane.listener.name'] = { name: controlPlane.toUpperCase() };
  const earlyStart = effective['early.start.listeners'];
  if (earlyStart !== undefined) facts['early.start.listeners'] = { names: splitEarlyStart(earlyStart) };
  const metadataListener = effective['remote.log.metadata.manager.listener.name'];
  if (effective['remote.log.storage.system.enable'] === true && typeof metadataListener === 'string') {
    facts['remote.log.metadata.manager.listener.name'] = { name: metadataListener.toUpperCase() };
  }
  for (const key of ['inter.broker.protocol.version', 'log.message.format.version'] as const) {
    const version = effective[key];
    if (typeof version === 'string') facts[key] = { recordVersion: recordVersionOf(version) };
  }
  return facts;
}

/**
 * The listeners a node binds: `listeners`, or on 2.8 (no default there) PLAINTEXT on
 * `host.name`:`port`, as KafkaConfig falls back. Decoded entries, unreadable ones included.
 */
export function boundListeners(effective: Readonly<Record<string, ConfigValue>>,
  decoded: Readonly<Record<string, unknown>>): Listener[] {
  const listeners = decoded['listeners'];
  if (Array.isArray(listeners)) return listeners as Listener[];
  const { host, port } = legacyAddress(effective);
  return decodeListeners(`PLAINTEXT://${host}:${port}`);
}

/** 2.8's `host.name` and `port` (defaults: every interface, 9092), which the advertised keys fall back to too. */
function legacyAddress(effective: Readonly<Record<string, ConfigValue>>): { host: string; port: number } {
  const host = effective['host.name'];
  const port = effective['port'];
  return { host: typeof host === 'string' ? host : '', port: typeof port === 'number' ? port : 9092 };
}

function protocolOfName(name: string, protocols: ReadonlyMap<string, string>): string | null {
  return protocols.get(name) ?? (PROTOCOLS.has(name.toUpperCase()) ? name.toUpperCase() : null);
}

/**
 * DefaultSslEngineFactory.createKeystore/createTruststore, for the settings each SSL or SASL_SSL
 * listener sees (`listener.name.<listener>.` keys override the plain ones). Each problem reads
 * "LISTENER: reason".
 */
function sslStoreProblems(inputs: FactInputs, listeners: readonly Listener[], protocols: ReadonlyMap<string, string>):
  Pick<StartupFacts, 'ssl.keystore.location' | 'ssl.truststore.location'> {
  const keystore: string[] = [];
  const truststore: string[] = [];
  for (const name of new Set(names(listeners))) {
    const protocol = protocols.get(name);
    if (protocol !== 'SSL' && protocol !== 'SASL_SSL') continue;
    const setting = (key: string): string | undefined => {
      const raw = inputs.values.get(`listener.name.${name.toLowerCase()}.${key}`) ?? inputs.values.get(key);
      return raw === undefined ? undefined : javaTrim(raw);
    };
    const pem = (key: string): boolean => (setting(key) ?? 'JKS').toUpperCase() === 'PEM';
    const keyProblem = keystoreProblem(pem('ssl.keystore.type'), setting('ssl.keystore.location'), setting('ssl.keystore.password'),
      setting('ssl.keystore.key'), setting('ssl.keystore.certificate.chain'));
    if (keyProblem) keystore.push(`${name}: ${keyProblem}`);
    const trustProblem = truststoreProblem(pem('ssl.truststore.type'), setting('ssl.truststore.location'),
      setting('ssl.truststore.password'), setting('ssl.truststore.certificates'));
    if (trustProblem) truststore.push(`${name}: ${trustProblem}`);
  }
  return { 'ssl.keystore.location': { problems: keystore }, 'ssl.truststore.location': { problems: truststore } };
}

function keystoreProblem(pem: boolean, path?: string, password?: string, key?: string, chain?: string): string | undefined {
  if (key !== undefined) {
    if (!pem) return 'a private key (ssl.keystore.key) needs ssl.keystore.type=PEM';
    if (chain === undefined) return 'ssl.keystore.key is set without ssl.keystore.certificate.chain';
    if (path !== undefined) return 'both ssl.keystore.location and ssl.keystore.key are set';
    if (password !== undefined) return 'ssl.keystore.password cannot be used with a PEM key';
    return undefined;
  }
  if (chain !== undefined) return 'ssl.keystore.certificate.chain is set without ssl.keystore.key';
  if (pem && path !== undefined) return password !== undefined ? 'ssl.keystore.password cannot be used with a PEM key store' : undefined;
  if (path === undefined && password !== undefined) return 'ssl.keystore.password is set without ssl.keystore.location';
  if (path !== undefined && password === undefined) return 'ssl.keystore.location is set without ssl.keystore.password';
  return undefined;
}

function truststoreProblem(pem: boolean, path?: string, password?: string, certificates?: string): string | undefined {
  if (certificates !== undefined) {
    if (!pem) return 'ssl.truststore.certificates needs ssl.truststore.type=PEM';
    if (path !== undefined) return 'both ssl.truststore.location and ssl.truststore.certificates are set';
    return password !== undefined ? 'ssl.truststore.password cannot be used with PEM certificates' : undefined;
  }
  if (pem && path !== undefined) return password !== undefined ? 'ssl.truststore.password cannot be used with a PEM trust store' : undefined;
  if (path === undefined && password !== undefined) return 'ssl.truststore.password is set without ssl.truststore.location';
  return undefined;
}

/**
 * What a node advertises before Kafka falls back to its bound listeners: `advertised.listeners`,
 * or on 2.8 PLAINTEXT on `advertised.host.name`:`advertised.port` when either is set (the other
 * falling back to `host.name` or `port`); undefined when none of these is set.
 */
export function explicitlyAdvertised(effective: Readonly<Record<string, ConfigValue>>,
  decoded: Readonly<Record<string, unknown>>): Listener[] | undefined {
  const advertised = decoded['advertised.listeners'];
  if (Array.isArray(advertised)) return advertised as Listener[];
  const host = effective['advertised.host.name'];
  const port = effective['advertised.port'];
  if (host === undefined && port === undefined) return undefined;
  const bound = legacyAddress(effective);
  return decodeListeners(`PLAINTEXT://${typeof host === 'string' ? host : bound.host}:${typeof port === 'number' ? port : bound.port}`);
}

/** The keys a node's bound and advertised addresses come from, in the order Kafka falls back (2.8's legacy keys included). */
const BOUND_SOURCES = ['listeners', 'host.name', 'port'];
const ADVERTISED_SOURCES = ['advertised.listeners', 'advertised.host.name', 'advertised.port', ...BOUND_SOURCES];

/**
 * Where a finding about the addresses a node binds (or advertises) points: the first of those
 * keys the file sets and its version knows, else `listeners`.
 */
export function addressSourceKey(values: ReadonlyMap<string, string>, known: Readonly<Record<string, unknown>>,
  addresses: 'bound' | 'advertised'): string {
  return (addresses === 'bound' ? BOUND_SOURCES : ADVERTISED_SOURCES)
    .find((key) => values.has(key) && known[key] !== undefined) ?? 'listeners';
}

function validListeners(decoded: unknown): Listener[] {
  return Array.isArray(decoded) ? (decoded as Listener[]).filter((l) => l.valid) : [];
}

/** Every entry parses (an absent list counts as readable). */
function readable(decoded: unknown): boolean {
  return !Array.isArray(decoded) || (decoded as Listener[]).every((l) => l.valid);
}

function validVoters(decoded: unknown): Voter[] {
  return Array.isArray(decoded) ? (decoded as Voter[]) : [];
}

function names(listeners: readonly Listener[]): string[] {
  return listeners.flatMap((l) => (l.name === null ? [] : [l.name]));
}

/**
 * Up to 4.0 Kafka reads controller.listener.names with a bare `split(",")`: no trimming after
 * the comma, so `A, B` yields " B". 4.1 trims; from 4.2 the key is a LIST, split by ConfigDef.
 */
function splitControllerNames(value: ConfigValue | undefined, trims: boolean): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || value === '') return [];
  return trims ? value.split(COMMA_WITH_WHITESPACE).filter((name) => name !== '') : splitLikeJava(value, ',');
}

/** KafkaConfig.earlyStartListeners: split on commas, trimmed, empty names dropped, case kept. */
function splitEarlyStart(value: ConfigValue): string[] {
  const parts = Array.isArray(value) ? value : String(value).split(',');
  return parts.map(javaTrim).filter((name) => name !== '');
}

/**
 * KafkaConfig.effectiveListenerSecurityProtocolMap: the explicit map (names upper-cased), plus
 * from 3.1 on a KRaft node whose file does not set the map, `name -> PLAINTEXT` for each
 * controller listener name AS WRITTEN, unless an SSL or SASL name appears among the controller
 * names or the listeners. Names equal to a protocol resolve through the default map.
 */
function effectiveProtocolMap(inputs: FactInputs, controllerNames: readonly string[], listenerNames: readonly string[],
  implicitMapping: boolean): Map<string, string> {
  const { decoded, values, mode } = inputs;
  const map = new Map<string, string>();
  const decodedMap = decoded['listener.security.protocol.map'] as ProtocolMap | undefined;
  for (const entry of decodedMap?.entries ?? []) {
    if (entry.valid && entry.name !== null && entry.protocol !== null) map.set(entry.name, entry.protocol);
  }
  const kraft = mode === 'kraft-broker' || mode === 'kraft-controller' || mode === 'kraft-combined';
  if (!implicitMapping || !kraft || values.has('listener.security.protocol.map')) return map;
  if ([...controllerNames, ...listenerNames].some((name) => SSL_OR_SASL.has(name))) return map;
  for (const name of controllerNames) if (name !== 'PLAINTEXT') map.set(name, 'PLAINTEXT');
  return map;
}

/**
 * KafkaConfig.getInterBrokerListenerNameAndSecurityProtocol, plus the SASL mechanisms enabled on
 * that listener (`listener.name.<name>.sasl.enabled.mechanisms` overrides the plain key).
 */
function interBrokerListener(inputs: FactInputs, protocols: ReadonlyMap<string, string>): StartupFacts['inter.broker.listener.name'] {
  const { effective, values } = inputs;
  const named = effective['inter.broker.listener.name'];
  const name = typeof named === 'string' ? named.toUpperCase() : String(effective['security.inter.broker.protocol'] ?? 'PLAINTEXT');
  const protocol = typeof named === 'string' ? protocols.get(name) ?? null : PROTOCOLS.has(name) ? name : null;
  if (protocol === null || !protocol.startsWith('SASL_')) return { name, protocol };
  return { name, protocol, saslEnabledMechanisms: enabledSaslMechanisms(values, effective, name) };
}

/** The SASL mechanisms a listener enables: `listener.name.<name>.sasl.enabled.mechanisms`, else the plain key. */
export function enabledSaslMechanisms(values: ReadonlyMap<string, string>, effective: Readonly<Record<string, ConfigValue>>,
  listenerName: string): string[] {
  const override = values.get(`listener.name.${listenerName.toLowerCase()}.sasl.enabled.mechanisms`);
  const converted = override === undefined ? undefined : convertValue(override, 'list');
  const enabled = converted?.ok ? converted.value : effective['sasl.enabled.mechanisms'];
  return Array.isArray(enabled) ? enabled : [];
}

/**
 * CoreUtils.listenerListToEndPoints: no two entries of `listeners` on one port (port 0 exempt),
 * except, from 3.6, exactly two whose hosts are an IPv4 and an IPv6 literal.
 */
function clashingPorts(listeners: readonly Listener[], ipPairAllowed: boolean): string[] {
  const byPort = new Map<number, Listener[]>();
  for (const l of listeners) {
    if (l.port === null || l.port === 0) continue;
    const group = byPort.get(l.port);
    if (group) group.push(l);
    else byPort.set(l.port, [l]);
  }
  const clashes: string[] = [];
  for (const [port, group] of byPort) {
    if (group.length < 2) continue;
    const [a, b] = group;
    const ipPair = group.length === 2 && a !== undefined && b !== undefined
      && ((a.ipv4Literal && b.ipv6) || (a.ipv6 && b.ipv4Literal));
    if (!(ipPairAllowed && ipPair)) clashes.push(String(port));
  }
  return clashes;
}

/** `log.dirs` wins whenever it is set, even empty; Csv.parseCsvList drops empty entries. */
function logDirs(effective: Readonly<Record<string, ConfigValue>>): string[] {
  const value = effective['log.dirs'] ?? effective['log.dir'];
  if (Array.isArray(value)) return value.filter((dir) => dir !== '');
  return typeof value === 'string' ? value.split(COMMA_WITH_WHITESPACE).filter((dir) => dir !== '') : [];
}

/** KafkaConfig.logRetentionTimeMillis: ms, else minutes, else hours; any negative is -1. */
function retentionMs(effective: Readonly<Record<string, ConfigValue>>): number {
  const ms = effective['log.retention.ms'];
  const minutes = effective['log.retention.minutes'];
  const hours = effective['log.retention.hours'];
  const millis = typeof ms === 'number' ? ms : typeof minutes === 'number' ? minutes * 60_000
    : typeof hours === 'number' ? hours * 3_600_000 : 604_800_000;
  return millis < 0 ? -1 : millis;
}

/** Kafka divides as integers; with no cleaner threads the division itself fails (null). */
function dedupeBufferPerThread(effective: Readonly<Record<string, ConfigValue>>): StartupFacts['log.cleaner.dedupe.buffer.size'] {
  const buffer = effective['log.cleaner.dedupe.buffer.size'];
  const threads = effective['log.cleaner.threads'];
  if (typeof buffer !== 'number' || typeof threads !== 'number') return {};
  return { perThread: threads === 0 ? null : Math.trunc(buffer / threads) };
}

/**
 * The newest record format a message-format or inter-broker version supports: v0 before
 * 0.10.0, v1 for 0.10.x, v2 from 0.11.0 on (MetadataVersion.highestSupportedRecordVersion).
 */
export function recordVersionOf(version: string): number {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return 2;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > 0) return 2;
  return minor < 10 ? 0 : minor === 10 ? 1 : 2;
}
