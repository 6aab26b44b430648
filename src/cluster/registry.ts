import type { ClusterCheck } from './check.js';
import { duplicateIds } from './checks/identity.js';
import { advertisedEndpointShared, listenerPortConflict, logDirShared } from './checks/endpoints.js';
import { controllerOutsideQuorum, evenVoters, votersDiffer, votersWithoutFile } from './checks/quorum.js';
import { clusterSettingDiffers } from './checks/settings.js';
import { brokersBelow, countAgainstBrokers } from './checks/sizing.js';
import { zookeeperConnectDiffers, zookeeperNamespaceShared } from './checks/zookeeper.js';

/** Every named cross-file check, by the name rules with `"scope": "cluster"` use in `check.name`. */
export const clusterChecks: ReadonlyMap<string, ClusterCheck<never>> = new Map(
  ([duplicateIds, countAgainstBrokers, brokersBelow, votersDiffer, votersWithoutFile, controllerOutsideQuorum, evenVoters,
    zookeeperConnectDiffers, zookeeperNamespaceShared, listenerPortConflict, advertisedEndpointShared, logDirShared,
    clusterSettingDiffers] as ClusterCheck<never>[]).map((check) => [check.name, check]),
);
