import type { CheckResult, FileCheck } from './check.js';

interface CountParams {
  /** A key decoded in the model (`$decoded`). */
  key: string;
  /** The array inside the decoded structure, when the structure is not the array itself. */
  path?: string;
}

/**
 * Majority quorums (ZooKeeper ensembles, KRaft voters) tolerate no more failures with 2n members
 * than with 2n - 1, while one more member can fail: an even count is a member that buys nothing.
 */
const evenCount: FileCheck<CountParams> = {
  name: 'even-count',
  params: {
    type: 'object',
    required: ['key'],
    properties: { key: { type: 'string' }, path: { type: 'string' } },
    additionalProperties: false,
  },
  run(model, params) {
    const decoded = (model.document.$decoded as Record<string, unknown>)[params.key];
    const entries = params.path === undefined ? decoded : (decoded as Record<string, unknown> | undefined)?.[params.path];
    if (!Array.isArray(entries) || entries.length < 2 || entries.length % 2 !== 0) return [];
    return [{ key: params.key, data: { count: entries.length, tolerated: entries.length / 2 - 1 } }];
  },
};

interface RatioParams {
  key: string;
  /** The key whose value bounds `key`. */
  reference: string;
  /** `key` may be at most this fraction of `reference`. */
  maxRatio: number;
}

/** A numeric key above a fraction of another (a heartbeat interval against its session timeout). */
const ratioAtMost: FileCheck<RatioParams> = {
  name: 'ratio-at-most',
  params: {
    type: 'object',
    required: ['key', 'reference', 'maxRatio'],
    properties: { key: { type: 'string' }, reference: { type: 'string' }, maxRatio: { type: 'number', exclusiveMinimum: 0 } },
    additionalProperties: false,
  },
  run(model, params): CheckResult[] {
    const value = model.effective[params.key];
    const reference = model.effective[params.reference];
    if (typeof value !== 'number' || typeof reference !== 'number') return [];
    const limit = Math.floor(reference * params.maxRatio);
    if (value <= limit) return [];
    const key = model.values.has(params.key) ? params.key : params.reference;
    return [{ key, data: { limit } }];
  },
};

export const shapeChecks = [evenCount, ratioAtMost] as FileCheck<never>[];
