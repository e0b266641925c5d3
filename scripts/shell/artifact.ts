// A file of a downloaded workflow artifact: data from another run, read as
// untrusted bytes.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './cli.ts';

/**
 * A file of the downloaded artifact, as untrusted data: a regular file, not
 * a symbolic link (to /proc/self/environ, a token file, a FIFO that never
 * ends), read up to `max` bytes and refused when larger.
 */
export function readArtifactFile(flag: string, path: string, max: number): string {
  const refuse = (why: string): UsageError => new UsageError(`${flag} ${path}: ${why}`);
  let fd: number;
  try {
    if (lstatSync(path).isSymbolicLink()) throw refuse('is a symbolic link; an artifact file is read only as a plain file');
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refuse('is not a regular file');
    if (stat.size > max) throw refuse(`is ${stat.size.toLocaleString('en-US')} bytes, over the ${max.toLocaleString('en-US')}-byte limit`);
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > max) throw refuse(`is over the ${max.toLocaleString('en-US')}-byte limit`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

