/**
 * `listener.name.<listener>.<key>` and `listener.name.<listener>.<mechanism>.<key>` override
 * `<key>` for one listener (and one SASL mechanism); this returns the key being overridden.
 */
export function baseKey(key: string): string {
  const match = /^listener\.name\.[^.]+\.(.+)$/.exec(key);
  if (!match) return key;
  const rest = match[1] as string;
  const mechanism = /^(gssapi|plain|scram-sha-256|scram-sha-512|oauthbearer)\.(.+)$/i.exec(rest);
  return mechanism ? (mechanism[2] as string) : rest;
}
