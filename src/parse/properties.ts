import { parseLines, type Comment as CommentNode, type EmptyLine, type Pair } from 'dot-properties';
import { lineIndex, type SourceRange } from './positions.js';
import { decodeJavaEscapes, type EscapeError } from './escapes.js';

/** One `key=value` logical line, as `java.util.Properties.load` reads it. */
export interface PropertyEntry {
  key: string;
  value: string;
  keyRange: SourceRange;
  valueRange: SourceRange;
  /** Earlier lines that set the same key; the JDK keeps only the last. */
  earlier: PropertyEntry[];
}

export interface Comment {
  text: string;
  line: number;
}

export type ParserRuleId =
  | 'malformed-unicode-escape'
  | 'byte-order-mark'
  | 'non-ascii-bytes'
  | 'duplicate-key'
  | 'empty-key';

/** A problem found while reading; the engine turns it into a finding. */
export interface ParseDiagnostic {
  ruleId: ParserRuleId;
  key: string;
  range: SourceRange;
  data: Record<string, string | number>;
  related?: { range: SourceRange; message: string }[];
}

export interface ParsedProperties {
  /** Effective entries by key (the last duplicate wins), in the order of their effective lines. */
  entries: Map<string, PropertyEntry>;
  comments: Comment[];
  diagnostics: ParseDiagnostic[];
}

const UTF8_BOM_AS_LATIN1 = '\u00ef\u00bb\u00bf';

/** Java reads an InputStream as ISO-8859-1: every byte is one character. */
export function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Reads `.properties` text (already decoded as ISO-8859-1) exactly as the JDK does. */
export function parseProperties(latin1Text: string): ParsedProperties {
  const { text, lines } = logicalLines(latin1Text);
  const position = lineIndex(text);
  const entries = new Map<string, PropertyEntry>();
  const comments: Comment[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  const hasBom = text.startsWith(UTF8_BOM_AS_LATIN1);
  const hasNonAscii = NON_ASCII.test(text);

  for (const node of lines) {
    if (node.type === 'COMMENT') {
      comments.push({ text: node.comment, line: position(node.range[0]).line });
      continue;
    }
    if (node.type !== 'PAIR') continue;
    const [keyStart, keyEnd, valueStart, valueEnd] = node.range;
    const rawKey = text.slice(keyStart, keyEnd);
    const rawValue = text.slice(valueStart, valueEnd);
    const key = decodeJavaEscapes(rawKey);
    const value = decodeJavaEscapes(rawValue);
    const entry: PropertyEntry = {
      key: key.text,
      value: value.text,
      keyRange: rangeOf(position, keyStart, keyEnd),
      valueRange: rangeOf(position, valueStart, valueEnd),
      earlier: [],
    };

    for (const [error, start] of [[key.error, keyStart], [value.error, valueStart]] as const) {
      if (error) diagnostics.push(malformedEscape(entry, error, start, position));
    }
    const bomHere = hasBom && keyStart === 0;
    if (bomHere) {
      diagnostics.push({ ruleId: 'byte-order-mark', key: entry.key, range: entry.keyRange,
        data: { intended: entry.key.slice(UTF8_BOM_AS_LATIN1.length) } });
    }
    const nonAscii = hasNonAscii && nonAsciiText(bomHere ? rawKey.slice(UTF8_BOM_AS_LATIN1.length) : rawKey, rawValue);
    if (nonAscii) {
      diagnostics.push({ ruleId: 'non-ascii-bytes', key: entry.key,
        range: nonAscii.inKey ? entry.keyRange : entry.valueRange,
        data: { part: nonAscii.inKey ? 'key' : 'value', read: nonAscii.read, utf8: nonAscii.utf8 } });
    }
    if (entry.key === '') {
      diagnostics.push({ ruleId: 'empty-key', key: '', range: entry.keyRange.line === entry.valueRange.line
        ? { ...entry.keyRange, endColumn: entry.valueRange.endColumn } : entry.valueRange, data: {} });
    }

    const previous = entries.get(entry.key);
    if (previous) {
      // One array travels from duplicate to duplicate: copying it each time was quadratic.
      previous.earlier.push({ ...previous, earlier: [] });
      entry.earlier = previous.earlier;
      diagnostics.push(duplicate(entry, previous));
      entries.delete(entry.key);
    }
    entries.set(entry.key, entry);
  }
  return { entries, comments, diagnostics };
}

/** dot-properties declares its nodes as the base `Node`; these are the kinds it returns. */
type LineNode = Required<CommentNode> | Required<EmptyLine> | Required<Pair>;

/**
 * Every `\r` ends a line for the JDK, so terminators are folded to `\n` first: dot-properties
 * only knows `\n` inside continuations, and folding keeps every line and column unchanged.
 *
 * A line holding nothing but `\` continues a logical line that is still empty, and the JDK
 * then reads the next line as if it began afresh: `#` or `!` makes it a comment, a blank ends
 * the empty line unseen. dot-properties glues it on as the key instead (`\` then `#x=y` gives
 * key `#x`). So such backslashes are blanked, keeping offsets, and the text parsed again.
 * The one place the JDK keeps the empty line: when that continuation's LF or lone CR is the
 * file's last byte, its reader returns the line as is, an entry with an empty key and value.
 */
function logicalLines(latin1Text: string): { text: string; lines: LineNode[] } {
  let text = latin1Text.replace(/\r\n?/g, '\n');
  const emptyLineKeptAtEnd = !latin1Text.endsWith('\r\n');
  for (;;) {
    const lines = parseLines(text, true) as LineNode[];
    const blank = lines.map((node) => emptyContinuation(text, node)).find((found) => found !== undefined);
    if (!blank || (blank.end === text.length && text.endsWith('\\\n') && emptyLineKeptAtEnd)) {
      return { text, lines };
    }
    text = text.slice(0, blank.start) + text.slice(blank.start, blank.end).replaceAll('\\', ' ')
      + text.slice(blank.end);
  }
}

const EMPTY_CONTINUATIONS = /^(?:\\\n[ \t\f]*)+/;

function emptyContinuation(text: string, node: LineNode): { start: number; end: number } | undefined {
  if (node.type !== 'PAIR') return undefined;
  const [keyStart, keyEnd] = node.range;
  const match = EMPTY_CONTINUATIONS.exec(text.slice(keyStart, keyEnd));
  return match ? { start: keyStart, end: keyStart + match[0].length } : undefined;
}

function rangeOf(position: ReturnType<typeof lineIndex>, start: number, end: number): SourceRange {
  const from = position(start);
  const to = position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function malformedEscape(entry: PropertyEntry, error: EscapeError, sliceStart: number,
  position: ReturnType<typeof lineIndex>): ParseDiagnostic {
  const at = sliceStart + error.offset;
  return { ruleId: 'malformed-unicode-escape', key: entry.key,
    range: rangeOf(position, at, at + error.length), data: { escape: error.text } };
}

function duplicate(entry: PropertyEntry, previous: PropertyEntry): ParseDiagnostic {
  const differs = previous.value !== entry.value;
  return {
    ruleId: 'duplicate-key',
    key: entry.key,
    range: entry.keyRange,
    data: {
      firstLine: previous.keyRange.line,
      outcome: differs ? 'replaces the value set there: this later value is the one Kafka uses'
        : 'repeats the same value',
    },
    related: [{ range: previous.keyRange, message: `${entry.key} is also set here` }],
  };
}

const NON_ASCII = /[\u0080-\u00ff]/;
const NON_ASCII_RUN = /[\u0080-\u00ff]+/;

/** Bytes above 0x7F: Kafka reads them as ISO-8859-1, so UTF-8 text arrives garbled. */
function nonAsciiText(rawKey: string, rawValue: string):
  { inKey: boolean; read: string; utf8: string } | undefined {
  for (const [raw, inKey] of [[rawKey, true], [rawValue, false]] as const) {
    const match = NON_ASCII_RUN.exec(raw);
    if (match) {
      const bytes = Buffer.from(match[0], 'latin1');
      return { inKey, read: match[0], utf8: bytes.toString('utf8') };
    }
  }
  return undefined;
}
