/**
 * PGlite is a single-process database: two processes writing the same folder corrupt it.
 * The holder writes its PID to DATA_DIR/motcua.lock; another process refuses to open the folder
 * while that PID is alive, and takes over a lock left behind by a crash. A process killed with its database
 * open takes a moment to die (the kernel frees its gigabyte of WebAssembly memory first, about 1.5 s): a
 * restart waits up to `waitMs` for the holder to be gone before it refuses.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} (máy chủ motcua) sử dụng. ` +
        `PGlite chỉ cho phép một tiến trình: hãy dừng máy chủ trước, hoặc dùng DATABASE_URL (PostgreSQL).\n` +
        `The data folder ${dataDir} is held by running process ${pid}; stop the server first or use DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Whether the process runs: a zombie (dead, not yet reaped by its parent) does not, though it still has a PID. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()?.[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (not Linux): trust the signal
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function acquireDataDirLock(dataDir: string, options: { waitMs?: number } = {}): DataDirLock {
  const file = join(dataDir, 'motcua.lock');
  const deadline = Date.now() + (options.waitMs ?? 3_000);
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        if (Date.now() >= deadline) throw new DataDirLockedError(dataDir, pid);
        pause(50); // the holder may be dying: give it the time to go
        continue;
      }
      rmSync(file, { force: true }); // stale lock from a crashed process
    }
  }
}
