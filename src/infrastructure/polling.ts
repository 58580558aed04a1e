/**
 * The one shape of the background workers (webhook deliveries, notifications, statistics): a run every
 * interval, one run at a time, the next interval counted from the end of the last run. A failed run is
 * logged and the schedule goes on. The returned stop function aborts the signal the worker was given (its
 * requests in flight), waits for the run in progress, and only then resolves, so that the database can be
 * closed after it.
 */
export interface PollingOptions {
  intervalMs: number;
  /** Make the worker, given the signal that stopping aborts; returns one run. */
  worker(signal: AbortSignal): () => Promise<unknown>;
  /** Logged with the error when a run fails. */
  failureMessage: string;
  log?: { warn(obj: unknown, msg: string): void } | undefined;
}

export function schedulePolling(options: PollingOptions): () => Promise<void> {
  const controller = new AbortController();
  const runOnce = options.worker(controller.signal);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const next = () => {
    timer = setTimeout(tick, options.intervalMs);
    timer.unref();
  };
  const tick = () => {
    running = runOnce()
      .then(
        () => undefined,
        (error: unknown) => options.log?.warn({ err: error }, options.failureMessage),
      )
      .finally(() => {
        running = undefined;
        if (!controller.signal.aborted) next();
      });
  };
  next();
  return async () => {
    controller.abort();
    clearTimeout(timer);
    await running;
  };
}
