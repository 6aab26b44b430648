import { javaTrim } from '../model/convert.js';
import type { CheckResult, FileCheck } from './check.js';

interface ShadowParams {
  /** Keys that set one thing, most precise first: the first one the file sets is the one Kafka uses. */
  chain: string[];
}

/**
 * Keys the file sets that Kafka never reads because a key earlier in the chain is set too
 * (`log.retention.ms` over `.minutes` over `.hours`; `log.dirs` over `log.dir`).
 */
const shadowedKeys: FileCheck<ShadowParams> = {
  name: 'shadowed-keys',
  params: {
    type: 'object',
    required: ['chain'],
    properties: { chain: { type: 'array', minItems: 2, items: { type: 'string' } } },
    additionalProperties: false,
  },
  run(model, params) {
    const set = params.chain.filter((key) => model.values.has(key));
    const [winner, ...shadowed] = set;
    if (winner === undefined) return [];
    const winnerValue = javaTrim(model.values.get(winner) ?? '');
    return shadowed.map((key): CheckResult => ({ key, at: 'key', data: { winner, winnerValue } }));
  },
};

export const storageChecks = [shadowedKeys] as FileCheck<never>[];
