/**
 * Where JSON logs go: stdout by default. Lines are batched into ≥ 4 KiB writes (one write syscall per
 * line would cost more than serving a cached request); the buffer is flushed at least every second
 * and synchronously on exit, so a clean shutdown or a crash loses no line already written.
 */
import pino from 'pino';

export type LogDestination = ReturnType<typeof pino.destination>;

export function createLogDestination(dest: number | string = 1): LogDestination {
  const destination = pino.destination({ dest, minLength: 4096, sync: false });
  const timer = setInterval(() => {
    try {
      destination.flush();
    } catch {
      /* not ready yet, or already closed */
    }
  }, 1000);
  timer.unref();
  const flushNow = () => {
    try {
      destination.flushSync();
    } catch {
      /* nothing to flush */
    }
  };
  process.once('exit', flushNow);
  process.once('uncaughtException', (error) => {
    flushNow();
    throw error;
  });
  return destination;
}
