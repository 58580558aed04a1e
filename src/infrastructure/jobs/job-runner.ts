/**
 * Background work in one place (issue 16): every job — the outbox of notifications, webhook deliveries, the
 * statistics worker, step-deadline warnings, audit checkpoints, housekeeping, and the one-off catch-ups at start
 * (backfills, rebuilds, reseals) — is added to one runner, started once and stopped once, logged and measured in
 * one shape.
 *
 * A periodic job runs every `everyMs`, one run at a time, the next pause counted from the end of the last run;
 * a failed run is logged and the schedule goes on. A one-off job (no `everyMs`) runs once, at start. Stopping
 * aborts the signal each worker was given (its requests in flight), waits for the runs in progress, then closes
 * what the jobs hold (a mail transport), so that the database can be closed after it.
 */
import { Counter, Histogram, type Registry } from 'prom-client';

export interface Job {
  /** Stable name, in the logs (`job`) and metrics (`job` label): `notifications`, `statistics`, … */
  name: string;
  /** Pause between the end of a run and the next. Absent: a one-off job, run once at start. */
  everyMs?: number;
  /** A periodic job's first run comes at start rather than after the first pause. */
  runAtStart?: boolean;
  /** Make the worker, given the signal that stopping aborts; returns one run. */
  worker(signal: AbortSignal): () => Promise<unknown>;
  /** What a successful run is worth logging at info level, as a message and its fields (null: nothing to say). */
  report?(result: unknown): JobReport | null;
  /** Said with the error when a run fails, so an operator knows what it means. */
  failureMessage: string;
  /** Release what the job holds, after its last run (a mail transport). */
  close?(): Promise<void>;
}

export type JobReport = { message: string } & Record<string, unknown>;

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

interface Running {
  job: Job;
  timer?: NodeJS.Timeout;
  inFlight?: Promise<void>;
}

export class JobRunner {
  private readonly jobs: Job[] = [];
  private readonly running: Running[] = [];
  private readonly controller = new AbortController();
  private readonly runs?: Counter<'job' | 'outcome'>;
  private readonly seconds?: Histogram<'job'>;
  private started = false;

  constructor(
    private readonly log: JobLog | undefined,
    registry?: Registry,
  ) {
    if (registry) {
      this.runs = new Counter({
        name: 'motcua_job_runs_total',
        help: 'Background job runs by job and outcome (ok, failed)',
        labelNames: ['job', 'outcome'] as const,
        registers: [registry],
      });
      this.seconds = new Histogram({
        name: 'motcua_job_run_seconds',
        help: 'Background job run duration by job',
        labelNames: ['job'] as const,
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
        registers: [registry],
      });
    }
  }

  /** Add a job; a periodic job with `everyMs` of 0 (turned off on this instance) is left out. Before start only. */
  add(job: Job): this {
    if (this.started) throw new Error(`job ${job.name} added after the runner started`);
    if (job.everyMs !== undefined && job.everyMs <= 0) {
      job.close?.().catch((error: unknown) => this.log?.warn({ job: job.name, err: error }, `${job.name}: closing failed`));
      return this;
    }
    this.jobs.push(job);
    return this;
  }

  /** The names of the jobs that run on this instance. */
  names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs) {
      const state: Running = { job };
      this.running.push(state);
      const runOnce = job.worker(this.controller.signal);
      const next = () => {
        if (job.everyMs === undefined || this.controller.signal.aborted) return;
        state.timer = setTimeout(tick, job.everyMs);
        state.timer.unref();
      };
      const tick = () => {
        state.inFlight = this.measure(job, runOnce).finally(() => {
          state.inFlight = undefined;
          next();
        });
      };
      if (job.everyMs === undefined || job.runAtStart) tick();
      else next();
    }
  }

  /** Abort, wait for the runs in progress, close what the jobs hold. Safe to call twice. */
  async stop(): Promise<void> {
    this.controller.abort();
    for (const state of this.running) clearTimeout(state.timer);
    await Promise.all(this.running.map((s) => s.inFlight));
    const closing = this.jobs.map((j) => j.close?.());
    this.jobs.length = 0;
    await Promise.all(closing);
  }

  private async measure(job: Job, runOnce: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    try {
      const result = await runOnce();
      this.runs?.inc({ job: job.name, outcome: 'ok' });
      const report = job.report?.(result);
      if (report) {
        const { message, ...fields } = report;
        this.log?.info({ job: job.name, ...fields }, message);
      }
    } catch (error) {
      this.runs?.inc({ job: job.name, outcome: 'failed' });
      this.log?.warn({ job: job.name, err: error }, job.failureMessage);
    } finally {
      this.seconds?.observe({ job: job.name }, (performance.now() - started) / 1000);
    }
  }
}
