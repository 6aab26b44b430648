import { fstatSync, statSync, writeSync, type BigIntStats } from 'node:fs';

/**
 * Text made safe for one line of stderr: control characters, such as a newline in a file name
 * or in a config file's text quoted by a JSON error, are written as escapes (\n, \t, \x1b), so
 * that an error stays one line and a name cannot move the terminal's cursor.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The reader of klint's output has gone (`klint … | head -1`): no error of klint's. */
export class ReaderGone extends Error {
  override name = 'ReaderGone';
}

/**
 * Writes text to standard output (1) or error (2) straight through the file descriptor.
 * Creating process.stdout loads Node's stream machinery, about 5 ms of klint's ~40 ms start-up
 * budget; a synchronous write needs none of it and never loses output at exit.
 */
export function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A descriptor someone made non-blocking is full for a moment: write again.
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') throw new ReaderGone();
      throw error;
    }
  }
}

/**
 * The input (a path, or `-` for standard input) that writing to `output` would overwrite, if
 * any. Files are compared by device and inode, so that a link, a hard link or /dev/stdin (the
 * file standard input was redirected from) is caught too. Only a regular file is at risk:
 * /dev/null or a terminal may well be both.
 */
export function inputAt(output: string, inputs: readonly string[]): string | undefined {
  const target = statOf(output);
  if (!target?.isFile()) return undefined;
  return inputs.find((input) => {
    const stat = statOf(input === '-' ? 0 : input);
    return stat !== undefined && stat.dev === target.dev && stat.ino === target.ino;
  });
}

/** Inodes can pass 2^53: bigint stats compare them exactly. */
function statOf(file: string | number): BigIntStats | undefined {
  try {
    return typeof file === 'number' ? fstatSync(file, { bigint: true }) : statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}
