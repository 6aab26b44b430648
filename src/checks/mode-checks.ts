import type { CheckResult, FileCheck } from './check.js';

interface IgnoredKeyParams {
  /** Keys the mode never reads. */
  keys: string[];
  /** Prefixes of keys the mode never reads. */
  prefixes: string[];
  /** Keys under a prefix that the mode does read. */
  except: string[];
}

/**
 * Keys set in the file that the node's mode never reads. A node in ZooKeeper→KRaft migration
 * (`zookeeper.metadata.migration.enable=true`) reads both worlds' keys, so it is left alone.
 */
const keysIgnoredInMode: FileCheck<IgnoredKeyParams> = {
  name: 'keys-ignored-in-mode',
  params: {
    type: 'object',
    required: ['keys', 'prefixes', 'except'],
    properties: {
      keys: { type: 'array', items: { type: 'string' } },
      prefixes: { type: 'array', items: { type: 'string' } },
      except: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  run(model, params) {
    if (model.effective['zookeeper.metadata.migration.enable'] === true) return [];
    const results: CheckResult[] = [];
    for (const key of model.values.keys()) {
      if (params.except.includes(key)) continue;
      if (params.keys.includes(key) || params.prefixes.some((prefix) => key.startsWith(prefix))) {
        results.push({ key, at: 'key' });
      }
    }
    return results;
  },
};

export const modeChecks = [keysIgnoredInMode] as FileCheck<never>[];
