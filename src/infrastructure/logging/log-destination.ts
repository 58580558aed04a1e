/**
 * Where JSON logs go: stdout by default. Lines are batched into ≥ 4 KiB writes (one write syscall per
 * line would cost more than serving a cached request); the buffer is flushed at least every second,
 * and synchronously when the process exits — also after an uncaught exception, which still emits 'exit'.
 */
import pino from 'pino';

export type LogDestination = ReturnType<typeof pino.destination>;

const open = new Set<LogDestination>();
let exitHookInstalled = false;

function flushAllSync(): void {
  for (const destination of open) {
    try {
      destination.flushSync();
    } catch {
      /* not ready, or already closed */
    }
  }
}

export function createLogDestination(dest: number | string = 1): LogDestination {
  const destination = pino.destination({ dest, minLength: 4096, sync: false });
  if (!exitHookInstalled) {
    process.on('exit', flushAllSync);
    exitHookInstalled = true;
  }
  open.add(destination);
  const timer = setInterval(() => {
    try {
      destination.flush();
    } catch {
      /* not ready yet, or already closed */
    }
  }, 1000);
  timer.unref();
  destination.once('close', () => {
    clearInterval(timer);
    open.delete(destination);
  });
  return destination;
}
