import { COMMA_WITH_WHITESPACE, javaTrim } from './convert.js';

export type Mode = 'zookeeper' | 'kraft-broker' | 'kraft-controller' | 'kraft-combined' | 'unknown';

export const ALL_MODES: readonly Mode[] = ['zookeeper', 'kraft-broker', 'kraft-controller', 'kraft-combined', 'unknown'];

/**
 * The role a file gives its node. A non-empty `process.roles` means KRaft; without it Kafka 3.x
 * runs in ZooKeeper mode, which only works with `zookeeper.connect`. A file with neither is
 * unknown: Kafka 3.x would refuse it for the missing connect string, 4.x for the missing roles.
 */
export function detectMode(values: ReadonlyMap<string, string>): Mode {
  const roles = javaTrim(values.get('process.roles') ?? '');
  if (roles !== '') {
    const names = new Set(roles.split(COMMA_WITH_WHITESPACE));
    const broker = names.has('broker');
    const controller = names.has('controller');
    if (broker && controller) return 'kraft-combined';
    if (broker) return 'kraft-broker';
    if (controller) return 'kraft-controller';
    return 'unknown';
  }
  return javaTrim(values.get('zookeeper.connect') ?? '') !== '' ? 'zookeeper' : 'unknown';
}
