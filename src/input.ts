/** Config files larger than this are refused: real broker configs are a few kilobytes. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Input klint cannot lint; the CLI prints it as one line and exits 2. */
export class InputError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, message: string) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line: message`, the one line the CLI prints. */
  describe(): string {
    return `${this.file}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
  }
}

/** Why bytes cannot be a properties file (too large, or binary / UTF-16), or undefined. */
export function refusalOf(file: string, bytes: Uint8Array): InputError | undefined {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    const mib = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return new InputError(file, undefined,
      `${mib} MiB (${bytes.byteLength} bytes) is over klint's limit of 10 MiB (${MAX_INPUT_BYTES} bytes) for a config file`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    return new InputError(file, line, 'NUL byte: this is not a text properties file (binary, or saved as UTF-16?)');
  }
  return undefined;
}

/** Reads a file (or stdin for `-`) as bytes; every failure becomes an InputError. */
export function readInput(path: string, read: (path: string | number) => Uint8Array): Uint8Array {
  try {
    return read(path === '-' ? 0 : path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory'
        : code === 'EACCES' ? 'permission denied'
          : (error as Error).message;
    throw new InputError(path === '-' ? '<stdin>' : path, undefined, reason);
  }
}
