import { hostFacts, hostKey, type Listener } from '../../model/listeners.js';
import { addressSourceKey } from '../../model/startup-facts.js';
import { nameFiles, othersThan, perCluster, type ClusterCheck, type ClusterCheckResult } from '../check.js';
import { collisions } from '../consensus.js';
import type { ClusterNode } from '../node.js';

const none = { type: 'object', additionalProperties: false };

/**
 * The machine a host names, when it names one: `localhost`, 127.x and ::1 are one machine
 * (the files are taken to run side by side there); an empty or wildcard host names none.
 */
function machineOf(host: string | null): string | undefined {
  if (host === null || host === '') return undefined;
  const facts = hostFacts(host);
  if (facts.wildcard) return undefined;
  return facts.loopback ? 'loopback' : hostKey(host);
}

/**
 * The address a listener binds, as two nodes on one machine clash on it: `localhost` is
 * 127.0.0.1, while 127.0.0.2 or ::1 is a socket address of its own (both bind at once). Empty
 * and wildcard hosts are left out: which machine they are on is unknown.
 */
function bindAddressOf(host: string | null): string | undefined {
  if (machineOf(host) === undefined) return undefined;
  const key = hostKey(host as string);
  return key === 'localhost' ? '127.0.0.1' : key;
}

const machinesOf = (node: ClusterNode) =>
  new Set(node.listeners.flatMap((l) => (l.valid ? [machineOf(l.host)] : [])).filter((m): m is string => m !== undefined));

/** One finding per file in each collision, naming the other files that claim the same thing. */
function report(groups: Map<string, ClusterNode[]>, keyOf: (node: ClusterNode) => string, label: (claim: string) => string): ClusterCheckResult[] {
  const results: ClusterCheckResult[] = [];
  for (const [claim, holders] of groups) {
    for (const node of holders) {
      const others = othersThan(node, holders);
      results.push({
        node,
        key: keyOf(node),
        data: { claim: label(claim), others: nameFiles(others, holders.length - 1, keyOf) },
        related: others.map((o) => ({ node: o, key: keyOf(o), message: `${label(claim)} here too` })),
      });
    }
  }
  return results;
}

const hostLabel = (machine: string) => (machine === 'loopback' ? 'localhost' : machine);

/** Two files binding the same port on the same address. */
export const listenerPortConflict: ClusterCheck = {
  name: 'listener-port-conflict',
  params: none,
  run: perCluster((cluster) => report(
    collisions(cluster.distinct, (node) => node.listeners.flatMap((l) => {
      const address = l.valid ? bindAddressOf(l.host) : undefined;
      if (address === undefined) return [];
      return [address.includes(':') ? `[${address}]:${l.port}` : `${address}:${l.port}`];
    })),
    (node) => addressSourceKey(node.model.values, node.model.catalog.keys, 'bound'),
    (claim) => claim,
  )),
};

/** Two brokers advertising one host:port to clients (controller listeners aside). */
export const advertisedEndpointShared: ClusterCheck = {
  name: 'advertised-endpoint-shared',
  params: none,
  run: perCluster((cluster) => {
    const brokers = cluster.distinct.filter((n) => n.broker);
    const key = (node: ClusterNode) => addressSourceKey(node.model.values, node.model.catalog.keys, 'advertised');
    const claims = (node: ClusterNode) => node.advertised.flatMap((l: Listener) => {
      if (!l.valid || l.host === null || l.host === '' || hostFacts(l.host).wildcard) return [];
      if (l.name !== null && node.controllerListenerNames.includes(l.name)) return [];
      return [`${hostKey(l.host)}:${l.port}`];
    });
    return report(collisions(brokers, claims), key, (claim) => claim);
  }),
};

/** Two files on the same named host (a listener host in common) with a log directory in common. */
export const logDirShared: ClusterCheck = {
  name: 'log-dir-shared',
  params: none,
  run: perCluster((cluster) => {
    const key = (node: ClusterNode) => (node.model.values.has('log.dirs') || !node.model.values.has('log.dir') ? 'log.dirs' : 'log.dir');
    const groups = collisions(cluster.distinct, (node) => [...machinesOf(node)].flatMap((m) => node.logDirs.map((dir) => `${m}\u0000${dir}`)));
    return dedupe(report(groups, key, (claim) => {
      const [machine = '', dir = ''] = claim.split('\u0000');
      return `${dir} on ${hostLabel(machine)}`;
    }));
  }),
};

/** A pair of files on two shared host names (localhost and a name) collides once, not twice. */
function dedupe(results: ClusterCheckResult[]): ClusterCheckResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const id = `${r.node.model.file}\u0000${String(r.data?.claim).replace(/ on .*$/, '')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
