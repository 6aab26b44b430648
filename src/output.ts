import { writeSync } from 'node:fs';

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
