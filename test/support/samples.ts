import { rules } from '../../src/engine/ruleset.js';
import type { RuleSetting } from '../../src/config/severity.js';

/** A KRaft broker config with no findings, line by line. */
export const CLEAN_BROKER: readonly string[] = [
  'process.roles=broker',
  'node.id=4',
  'controller.quorum.voters=1@c1.example.com:9093,2@c2.example.com:9093,3@c3.example.com:9093',
  'controller.listener.names=CONTROLLER',
  'listeners=PLAINTEXT://:9092',
  'advertised.listeners=PLAINTEXT://kafka4.example.com:9092',
  'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
  'log.dirs=/var/lib/kafka/data',
];

/**
 * Rule settings that turn every rule off but these, at their own severity: tests about formats,
 * config and directives stay the same while rules are added.
 */
export function onlyRules(...ids: string[]): Record<string, RuleSetting> {
  return Object.fromEntries(rules.map((rule) => [rule.id, ids.includes(rule.id) ? rule.severity : 'off']));
}
