// A whole-file fingerprint of the database as the app last left it, taken off the save path: after the app's own
// writes have changed the file, once it has been quiet for a moment. When the file's time moves without the app
// writing and its first page is the same (a `touch`, or an older copy of the same file laid back), the file is
// hashed again and compared, so an older copy is told from a touch (see ./file-guard.ts).
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';

/** Quiet time after the app's last write before the file is fingerprinted. */
const QUIET_MS = 1000;
/** Larger files are not fingerprinted (hashing them would hold the app too long); the first page decides. */
const MAX_BYTES = 64 * 1024 * 1024;

interface Stamp {
  size: bigint;
  mtimeNs: bigint;
}

const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeNs === b.mtimeNs;

function hashOf(fd: number, size: bigint): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let at = 0; at < Number(size); ) {
    const n = readSync(fd, chunk, 0, chunk.length, at);
    if (n === 0) break;
    hash.update(chunk.subarray(0, n));
    at += n;
  }
  return hash.digest('hex');
}

/**
 * `stampNow` gives the file's current length and time (a stat, never an open: see ./file-guard.ts); `fd` is the
 * guard's own descriptor of the file.
 */
export function createFingerprint(fd: number, stampNow: () => Stamp | undefined) {
  let taken: { stamp: Stamp; hash: string } | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    /** The app's own write left the file as `stamp`: fingerprint it once the file is quiet. */
    schedule(stamp: Stamp): void {
      taken = undefined;
      clearTimeout(timer);
      if (stamp.size > BigInt(MAX_BYTES)) return;
      timer = setTimeout(() => {
        const before = stampNow();
        if (!before || !sameStamp(before, stamp)) return;
        const hash = hashOf(fd, stamp.size);
        const after = stampNow();
        if (after && sameStamp(after, stamp)) taken = { stamp, hash };
      }, QUIET_MS);
      timer.unref();
    },
    /**
     * Whether the file now holds what it held when the app left it as `left`: true or false when a fingerprint of
     * that state was taken, undefined when none was (too soon, or too large).
     */
    unchangedSince(left: Stamp, now: Stamp): boolean | undefined {
      if (!taken || !sameStamp(taken.stamp, left) || now.size !== left.size) return undefined;
      return hashOf(fd, now.size) === taken.hash;
    },
    stop: () => clearTimeout(timer),
  };
}
