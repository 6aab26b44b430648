export interface EscapeError {
  /** Offset of the bad `\u` escape in the raw slice. */
  offset: number;
  length: number;
  text: string;
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/**
 * Decodes a raw key or value slice the way the JDK's `Properties.loadConvert` does, after
 * its LineReader has joined continuation lines. dot-properties' own unescaping accepts a
 * malformed `\uXXXX` silently and does not see an escape split across a continuation; the
 * JDK throws on the first and joins the second, so Kafka refuses to start or reads `A`.
 */
export function decodeJavaEscapes(raw: string): { text: string; error?: EscapeError } {
  // Most keys and values hold no backslash at all: nothing to join or decode.
  if (!raw.includes('\\')) return { text: raw };
  const { chars, sources } = joinContinuations(raw);
  let text = '';
  let error: EscapeError | undefined;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch !== '\\') {
      text += ch;
      continue;
    }
    const next = chars[i + 1];
    if (next === undefined) break; // a lone trailing backslash is dropped
    i++;
    if (next !== 'u') {
      text += SIMPLE_ESCAPES[next] ?? next;
      continue;
    }
    const hex = chars.slice(i + 1, i + 5).join('');
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      text += String.fromCharCode(parseInt(hex, 16));
      i += 4;
      continue;
    }
    if (!error) {
      const start = sources[i - 1] as number;
      const shown = chars.slice(i - 1, i + 5).join('');
      error = { offset: start, length: Math.max(2, shown.length), text: shown };
    }
    text += 'u';
  }
  return error ? { text, error } : { text };
}

/** Removes `\` + newline + the next line's indent; keeps every other escape pair intact. */
function joinContinuations(raw: string): { chars: string[]; sources: number[] } {
  const chars: string[] = [];
  const sources: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '\\' && raw[i + 1] === '\n') {
      i += 2;
      while (raw[i] === ' ' || raw[i] === '\t' || raw[i] === '\f') i++;
      i--;
      continue;
    }
    chars.push(ch);
    sources.push(i);
    if (ch === '\\' && i + 1 < raw.length) {
      chars.push(raw[i + 1] as string);
      sources.push(i + 1);
      i++;
    }
  }
  return { chars, sources };
}
