import { hostFacts, type Listener } from './listeners.js';
import type { FileModel } from './model.js';
import { boundListeners, explicitlyAdvertised, type StartupFacts } from './startup-facts.js';
import type { QuorumAddress } from './voters.js';
import type { ZooKeeperConnect } from './zookeeper-connect.js';

/** A listener of the node with the security protocol Kafka resolves for it. */
export interface Endpoint {
  /** Upper-cased listener name. */
  name: string;
  host: string;
  port: number;
  /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL; null when no mapping exists (Kafka refuses that). */
  protocol: string | null;
  /** Named in controller.listener.names. */
  controller: boolean;
  /** Binds or advertises something other than loopback, so other machines can reach it. */
  reachable: boolean;
}

/** What the listener rules need to know about a node's network exposure. */
export interface Exposure {
  /** The endpoints the node binds (`listeners`, or Kafka's default). */
  bound: Endpoint[];
  /** The broker endpoints it advertises (`advertised.listeners`, else `listeners`), controller ones left out. */
  advertised: Endpoint[];
  /** Hosts of other nodes the file names (voters, bootstrap servers, ZooKeeper) that are not loopback. */
  remoteHosts: string[];
  /**
   * Protocols of the connections this node opens to other nodes: the inter-broker listener (brokers)
   * and the first controller listener (every KRaft node); null where the name has no mapping.
   */
  outbound: (string | null)[];
}

const exposures = new WeakMap<FileModel, Exposure>();

/**
 * The node's endpoints as Kafka resolves them, each listener's protocol taken from the effective
 * protocol map the model derives (`$derived`, with KRaft's implicit controller mapping). Worked
 * out once per model: five listener rules read it.
 */
export function exposureOf(model: FileModel): Exposure {
  let exposure = exposures.get(model);
  if (!exposure) exposures.set(model, exposure = resolveExposure(model));
  return exposure;
}

function resolveExposure(model: FileModel): Exposure {
  const decoded = model.document.$decoded as Record<string, unknown>;
  const derived = model.document.$derived as StartupFacts;
  const controllerNames = derived['controller.listener.names'].normalised;
  const boundSource = boundListeners(model.effective, decoded);
  const bound = validListeners(boundSource);
  const advertisedListeners = validListeners(explicitlyAdvertised(model.effective, decoded) ?? boundSource);
  const protocols = new Map(Object.entries(derived['listener.security.protocol.map'].protocols));
  const endpoint = (l: ValidListener): Endpoint => ({
    name: l.name, host: l.host, port: l.port, protocol: protocols.get(l.name) ?? null,
    controller: controllerNames.includes(l.name), reachable: !l.loopback,
  });
  return {
    bound: bound.map(endpoint),
    advertised: advertisedListeners.map(endpoint).filter((e) => !e.controller),
    remoteHosts: remoteHostsOf(decoded),
    outbound: outboundListenerNames(model, controllerNames).map((name) => protocols.get(name) ?? null),
  };
}

/**
 * The listener names this node connects to: brokers use `inter.broker.listener.name`, else the
 * listener named after `security.inter.broker.protocol`; KRaft nodes reach the quorum through
 * the first of `controller.listener.names`.
 */
function outboundListenerNames(model: FileModel, controllerNames: readonly string[]): string[] {
  const names: string[] = [];
  if (model.mode !== 'kraft-controller') {
    const interBroker = model.effective['inter.broker.listener.name'] ?? model.effective['security.inter.broker.protocol'];
    if (typeof interBroker === 'string' && interBroker !== '') names.push(interBroker.toUpperCase());
  }
  const [controller] = controllerNames;
  if (model.mode !== 'zookeeper' && controller !== undefined) names.push(controller);
  return names;
}

type ValidListener = Listener & { name: string; host: string; port: number };

function validListeners(value: unknown): ValidListener[] {
  if (!Array.isArray(value)) return [];
  return (value as Listener[]).filter((l): l is ValidListener => l.valid && l.name !== null && l.host !== null && l.port !== null);
}

function remoteHostsOf(decoded: Record<string, unknown>): string[] {
  const quorum = [decoded['controller.quorum.voters'], decoded['controller.quorum.bootstrap.servers']]
    .flatMap((v) => (Array.isArray(v) ? (v as QuorumAddress[]) : []))
    .filter((a) => a.valid && a.host !== null && !a.loopback && !a.wildcard).map((a) => a.host as string);
  const zookeeper = (decoded['zookeeper.connect'] as ZooKeeperConnect | undefined)?.hosts
    .filter((h) => h.valid && h.host !== null && !hostFacts(h.host).loopback).map((h) => h.host as string) ?? [];
  return [...new Set([...quorum, ...zookeeper])];
}
