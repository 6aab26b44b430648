import { versionInRange } from '../catalog/catalog.js';
import { javaTrim } from '../model/convert.js';
import { isSecretKey } from '../model/secrets.js';
import { ownEntry, type CheckResult, type FileCheck } from './check.js';

const NO_PARAMS = { type: 'object', additionalProperties: false };

/** A `${provider:path:key}` reference that a config provider resolves when Kafka starts. */
const PROVIDER_REFERENCE = /\$\{[^}]*:[^}]*\}/;

/**
 * Secrets written into the file. A JAAS config counts only when it carries a password or an
 * OAuth client secret (a Kerberos keytab entry has neither); any value that uses a config-provider reference is fine.
 * The finding names the key only: the value never leaves the model.
 */
const secretsInFile: FileCheck = {
  name: 'secrets-in-file',
  params: NO_PARAMS,
  run(model) {
    const results: CheckResult[] = [];
    for (const [key, raw] of model.values) {
      const value = javaTrim(raw);
      if (value === '' || !isSecretKey(key, model.catalog) || PROVIDER_REFERENCE.test(value)) continue;
      if (/jaas\.config$/i.test(key) && !/(password|secret)\s*=/i.test(value)) continue;
      results.push({ key, at: 'key' });
    }
    return results;
  },
};

/**
 * `allow.everyone.if.no.acl.found` is read by the authorizer, not by KafkaConfig, so the
 * catalogue does not type it: both authorizers read it as Java's Boolean.parseBoolean does.
 */
const allowEveryone: FileCheck = {
  name: 'allow-everyone',
  params: NO_PARAMS,
  run(model) {
    const raw = model.values.get('allow.everyone.if.no.acl.found');
    if (raw === undefined || javaTrim(raw).toLowerCase() !== 'true') return [];
    if (model.effective['authorizer.class.name'] === '') return [];
    return [{ key: 'allow.everyone.if.no.acl.found' }];
  },
};

interface ClassParams {
  key: string;
  /** Class name → the Kafka versions [since, until) that ship it. */
  classes: Record<string, { since?: string; until?: string }>;
}

/** A class-name key naming a class that the linted Kafka version does not ship. */
const classInVersion: FileCheck<ClassParams> = {
  name: 'class-in-version',
  params: {
    type: 'object',
    required: ['key', 'classes'],
    properties: {
      key: { type: 'string' },
      classes: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: { since: { type: 'string', pattern: '^\\d+\\.\\d+$' }, until: { type: 'string', pattern: '^\\d+\\.\\d+$' } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  run(model, params) {
    const value = model.effective[params.key];
    const shipped = typeof value === 'string' ? ownEntry(params.classes, value) : undefined;
    if (!shipped || versionInRange(model.kafkaVersion, shipped.since, shipped.until)) return [];
    const availability = shipped.until && !versionInRange(model.kafkaVersion, undefined, shipped.until)
      ? `was removed in Kafka ${shipped.until}` : `exists only from Kafka ${shipped.since}`;
    return [{ key: params.key, data: { availability } }];
  },
};

export const securityChecks = [secretsInFile, allowEveryone, classInVersion] as FileCheck<never>[];
