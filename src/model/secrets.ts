import type { Catalog } from '../catalog/catalog.js';
import { baseKey } from './prefixes.js';

export const HIDDEN = '[hidden]';

/** Keys whose names say they hold a secret even when no catalogue types them as a password. */
const SECRET_NAME = /(password|secret|jaas\.config|credentials?|\.key)$/i;

/**
 * Whether a key's value must never reach output: password-typed keys of the catalogue, their
 * listener-prefixed forms, JAAS configs (they embed passwords) and keys named like secrets.
 */
export function isSecretKey(key: string, catalog: Catalog): boolean {
  const base = baseKey(key);
  return catalog.keys[key]?.type === 'password' || catalog.keys[base]?.type === 'password'
    || SECRET_NAME.test(key) || /password/i.test(key);
}
