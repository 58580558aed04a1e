/**
 * PGlite is a single-process database: two processes writing the same folder corrupt it.
 * The holder writes its PID to DATA_DIR/motcua.lock; another process refuses to open the folder
 * while that PID is alive, and takes over a lock left behind by a crash.
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = join(dataDir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
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
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      rmSync(file, { force: true }); // stale lock from a crashed process
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
