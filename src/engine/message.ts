import type { ConfigValue } from '../model/convert.js';
import type { FileModel } from '../model/model.js';
import { HIDDEN, isSecretKey } from '../model/secrets.js';

export type MessageData = Record<string, string | number | boolean>;

/**
 * Fills `{name}` placeholders: first the finding's own data, then `key`, `value` (the value Kafka
 * reads for that key), `kafkaVersion`, `mode`, then any config key (its effective value).
 * This is the one place secrets are hidden: a secret key's value is never substituted, and any
 * secret value that reached the text some other way is masked before the text leaves.
 */
export function fillMessage(template: string, model: FileModel, key: string | undefined, data: MessageData): string {
  const secret = key !== undefined && isSecretKey(key, model.catalog) ? model.values.get(key) : undefined;
  const filled = template.replace(/\{([A-Za-z0-9_.$-]+)\}/g, (placeholder, name: string) => {
    if (name in data) return secret === undefined ? String(data[name]) : hidePart(String(data[name]), secret);
    if (name === 'key') return key ?? '';
    if (name === 'value') return key === undefined ? placeholder : displayValue(model, key);
    if (name === 'kafkaVersion') return model.kafkaVersion;
    if (name === 'mode') return model.mode;
    return model.effective[name] !== undefined || model.values.has(name) ? displayValue(model, name) : placeholder;
  });
  return maskSecrets(filled, model);
}

/** The value as the file gives it (trimmed as Kafka trims it), else the effective default. */
export function displayValue(model: FileModel, key: string): string {
  if (isSecretKey(key, model.catalog)) return HIDDEN;
  const raw = model.values.get(key);
  if (raw !== undefined) return raw.trim();
  return formatValue(model.effective[key]);
}

export function formatValue(value: ConfigValue | undefined): string {
  if (value === undefined) return '(unset)';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * A finding about a secret key may quote part of its value (the non-ASCII bytes of a password,
 * as read or as UTF-8): any such part is hidden.
 */
function hidePart(text: string, secret: string): string {
  if (text === '') return text;
  const asUtf8 = Buffer.from(secret, 'latin1').toString('utf8');
  return secret.includes(text) || asUtf8.includes(text) ? HIDDEN : text;
}

const secretsByModel = new WeakMap<FileModel, string[]>();

/** The file's secret values, found once per file rather than once per message. */
function secretValues(model: FileModel): string[] {
  let secrets = secretsByModel.get(model);
  if (!secrets) {
    secrets = [];
    for (const [key, value] of model.values) {
      const secret = value.trim();
      // Shorter values would mask ordinary words; they are never substituted in the first place.
      if (secret.length >= 3 && isSecretKey(key, model.catalog)) secrets.push(secret);
    }
    secretsByModel.set(model, secrets);
  }
  return secrets;
}

export function maskSecrets(text: string, model: FileModel): string {
  let masked = text;
  for (const secret of secretValues(model)) masked = masked.split(secret).join(HIDDEN);
  return masked;
}
