import { dirname, posix, resolve } from 'node:path';
import type { ConfigValue } from '../model/convert.js';
import type { Listener } from '../model/listeners.js';
import type { FileModel } from '../model/model.js';
import { boundListeners, explicitlyAdvertised, type StartupFacts } from '../model/startup-facts.js';
import type { QuorumAddress, Voter } from '../model/voters.js';
import type { ZooKeeperConnect } from '../model/zookeeper-connect.js';

/**
 * What the cross-file checks know of one file. Built right after the file is linted, so that a
 * run over thousands of files keeps this summary instead of every full model.
 */
export interface ClusterNode {
  /** The file's model, slimmed: `effective` holds only keys the cluster rules read, `document` and `typed` are empty. */
  model: FileModel;
  /** Where the repository layout puts the file: its directory, or `--cluster` for a run declared one cluster. */
  unit: string;
  broker: boolean;
  controller: boolean;
  /** Takes part in the migration from ZooKeeper (`zookeeper.metadata.migration.enable=true`). */
  migrating: boolean;
  /** `node.id` (or `broker.id`) when set to a real id; absent when unset, generated (-1) or unreadable. */
  id?: number;
  /** The key the id is written under in this file. */
  idKey?: 'node.id' | 'broker.id';
  zookeeper?: ZooKeeperConnect;
  /** Static quorum: `controller.quorum.voters`, when set and non-empty. */
  voters?: Voter[];
  bootstrapServers?: QuorumAddress[];
  /** The listeners the node binds (on 2.8 without `listeners`, PLAINTEXT on host.name:port). */
  listeners: Listener[];
  /** `advertised.listeners` (2.8: advertised.host.name/port), else the bound listeners, as Kafka falls back. */
  advertised: Listener[];
  /** Upper-cased names from `controller.listener.names`. */
  controllerListenerNames: string[];
  logDirs: string[];
  /** The cluster size `--brokers` or the config file declares for this file. */
  declaredBrokers?: number;
}

export const UNIT_DECLARED = '--cluster';

/** A log directory as the file system resolves it: `/data//kafka/./logs/` is `/data/kafka/logs`. */
function samePath(dir: string): string {
  return posix.normalize(dir).replace(/(.)\/+$/, '$1');
}

/** The layout unit of a file: its directory, resolved, so that `a/x` and `./a/y` agree. */
export function directoryUnit(file: string): string {
  return dirname(resolve(file));
}

/** Summarises a linted file for the cluster stage, keeping only the effective values of `keep`. */
export function toClusterNode(model: FileModel, unit: string, keep: ReadonlySet<string>, declaredBrokers?: number): ClusterNode {
  const decoded = model.document.$decoded as Record<string, unknown>;
  const id = idOf(model);
  const listeners = boundListeners(model.effective, decoded);
  const voters = decoded['controller.quorum.voters'] as Voter[] | undefined;
  const bootstrap = decoded['controller.quorum.bootstrap.servers'] as QuorumAddress[] | undefined;
  const zookeeper = decoded['zookeeper.connect'] as ZooKeeperConnect | undefined;
  const derived = model.document.$derived as StartupFacts;
  const node: ClusterNode = {
    model: slim(model, keep),
    unit,
    broker: ['zookeeper', 'kraft-broker', 'kraft-combined'].includes(model.mode),
    controller: ['kraft-controller', 'kraft-combined'].includes(model.mode),
    migrating: model.effective['zookeeper.metadata.migration.enable'] === true,
    listeners,
    advertised: explicitlyAdvertised(model.effective, decoded) ?? listeners,
    controllerListenerNames: derived['controller.listener.names'].normalised,
    logDirs: derived['log.dirs'].dirs.map(samePath),
  };
  if (id) Object.assign(node, id);
  if (declaredBrokers !== undefined) node.declaredBrokers = declaredBrokers;
  if (zookeeper && zookeeper.hosts.length > 0) node.zookeeper = zookeeper;
  if (voters && voters.length > 0) node.voters = voters;
  if (bootstrap && bootstrap.length > 0) node.bootstrapServers = bootstrap;
  return node;
}

function idOf(model: FileModel): { id: number; idKey: 'node.id' | 'broker.id' } | undefined {
  const idKey = model.values.has('node.id') ? 'node.id' : model.values.has('broker.id') ? 'broker.id' : undefined;
  const id = idKey === undefined ? undefined : model.typed[idKey];
  return idKey !== undefined && typeof id === 'number' && id >= 0 ? { id, idKey } : undefined;
}

function slim(model: FileModel, keep: ReadonlySet<string>): FileModel {
  const effective: Record<string, ConfigValue> = {};
  for (const key of keep) {
    const value = model.effective[key];
    if (value !== undefined) effective[key] = value;
  }
  return { ...model, typed: {}, effective, document: {} };
}
