import type { Catalog } from '../catalog/catalog.js';
import { closestKey } from '../catalog/closest-key.js';
import { baseKey } from './prefixes.js';

export const HIDDEN = '[hidden]';

/** Keys whose names say they hold a secret even when no catalogue types them as a password. */
const SECRET_NAME = /pass|pwd|secret|jaas\.config|credential|\.key$/i;

/**
 * Whether a key's value must never reach output: password-typed keys of the catalogue, their
 * listener-prefixed forms, keys named like secrets (JAAS configs embed passwords), and unknown
 * keys that are a typo away from a password key (`ssl.keystore.pasword` still holds one).
 */
export function isSecretKey(key: string, catalog: Catalog): boolean {
  const base = baseKey(key);
  if (catalog.keys[key]?.type === 'password' || catalog.keys[base]?.type === 'password' || SECRET_NAME.test(key)) return true;
  if (catalog.keys[base]) return false;
  const nearest = closestKey(base, passwordKeys(catalog));
  return nearest !== undefined;
}

const passwordKeysByCatalog = new WeakMap<Catalog, string[]>();

function passwordKeys(catalog: Catalog): string[] {
  let keys = passwordKeysByCatalog.get(catalog);
  if (!keys) {
    keys = Object.entries(catalog.keys).filter(([, fact]) => fact.type === 'password').map(([name]) => name);
    passwordKeysByCatalog.set(catalog, keys);
  }
  return keys;
}
