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
  const filled = template.replace(/\{([A-Za-z0-9_.$-]+)\}/g, (placeholder, name: string) => {
    if (name in data) return String(data[name]);
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

export function maskSecrets(text: string, model: FileModel): string {
  let masked = text;
  for (const [key, value] of model.values) {
    const secret = value.trim();
    if (secret.length >= 3 && isSecretKey(key, model.catalog)) masked = masked.split(secret).join(HIDDEN);
  }
  return masked;
}
