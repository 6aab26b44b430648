import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { oneLine } from './output.js';

/** Config files larger than this are refused: real broker configs are a few kilobytes. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Input klint cannot lint; the CLI prints it as one line and exits 2. */
export class InputError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, message: string) {
    super(message);
    this.name = 'InputError';
  }

  describe(): string {
    return describeProblem(this);
  }
}

/** `file:line: message`, the one line the CLI prints for input it cannot lint, control characters escaped. */
export function describeProblem(problem: { file: string; line?: number | undefined; message: string }): string {
  return oneLine(`${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`);
}

/** The refusal of input over MAX_INPUT_BYTES; `bytes` is undefined when reading stopped at the limit. */
function tooLarge(file: string, bytes: number | undefined): InputError {
  const limit = `klint's limit of 10 MiB (${MAX_INPUT_BYTES} bytes) for a config file`;
  if (bytes === undefined) return new InputError(file, undefined, `over ${limit}: reading stopped there`);
  return new InputError(file, undefined, `${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes} bytes) is over ${limit}`);
}

/** Why bytes cannot be a properties file (too large, or binary / UTF-16), or undefined. */
export function refusalOf(file: string, bytes: Uint8Array): InputError | undefined {
  if (bytes.byteLength > MAX_INPUT_BYTES) return tooLarge(file, bytes.byteLength);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    return new InputError(file, line, 'NUL byte: this is not a text properties file (binary, or saved as UTF-16?)');
  }
  return undefined;
}

/** Thrown by readLimited; readInput turns it into the refusal naming the file. */
class OverLimit extends Error {
  constructor(readonly bytes: number | undefined) {
    super('over the input size limit');
  }
}

/**
 * Reads a file, or a descriptor (0: standard input), and stops one byte past MAX_INPUT_BYTES:
 * /dev/zero or `yes | klint -` never end, so reading to the end first would fill the memory.
 * A regular file over the limit is refused by its size without being read.
 */
export function readLimited(source: string | number): Uint8Array {
  const fd = typeof source === 'number' ? source : openSync(source, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw new OverLimit(stat.size);
    // A regular file's size is known (one byte more sees the end in one read); a config file is a
    // few kilobytes, so a fresh 64 KiB for each of a thousand files would be mostly garbage.
    let buffer = Buffer.allocUnsafe(stat.isFile() ? stat.size + 1 : 64 * 1024);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_INPUT_BYTES) throw new OverLimit(undefined);
        const bigger = Buffer.allocUnsafe(Math.min(2 * length, MAX_INPUT_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    if (typeof source !== 'number') closeSync(fd);
  }
}

/** How findings and errors name an input: `-` is standard input. */
export const displayName = (path: string) => (path === '-' ? '<stdin>' : path);

/** Reads a file (or stdin for `-`) as bytes; every failure becomes an InputError. */
export function readInput(path: string, read: (path: string | number) => Uint8Array): Uint8Array {
  const file = displayName(path);
  try {
    return read(path === '-' ? 0 : path);
  } catch (error) {
    if (error instanceof OverLimit) throw tooLarge(file, error.bytes);
    throw new InputError(file, undefined, reasonOf(error));
  }
}

/** Thrown by readRegularText for a path that is there but is no regular file. */
export class NotRegularFile extends Error {
  override name = 'NotRegularFile';
  constructor(stat: Stats) {
    super(stat.isDirectory() ? 'is a directory' : `is not a regular file (${stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device'})`);
  }
}

/**
 * Reads a settings file (a config file, a .gitignore) as UTF-8 when it is a regular file, else
 * throws NotRegularFile. Opened without blocking: a named pipe would otherwise wait for a
 * writer forever, and /dev/zero never ends.
 */
export function readRegularText(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFile(stat);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** A read failure in a few words: `no such file`, `permission denied`, `is a directory`. */
export function reasonOf(error: unknown): string {
  if (error instanceof NotRegularFile) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file'
    : code === 'EISDIR' ? 'is a directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
        : (error as Error).message;
}
