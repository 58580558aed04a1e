/**
 * Prometheus gauges of the connected systems (issue 21 §7), the figures of GET /api/v1/system/connections read when
 * a scraper asks: motcua_connection_up (1 working, 0.5 slow or failing in part, 0 out of reach, -1 not configured),
 * queue depth, lag and the error rate over 24 hours, by system.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Connection } from '../../contract/national-portal.js';

const UP: Record<Connection['state'], number> = { ok: 1, degraded: 0.5, down: 0, off: -1 };

export function registerConnectionMetrics(registry: Registry, read: () => Promise<Connection[]>): void {
  // One read per scrape, shared by the four gauges (prom-client collects each gauge in turn).
  let pending: Promise<Connection[]> | null = null;
  const figures = () => (pending ??= read().finally(() => setTimeout(() => (pending = null), 1_000)));
  const gauge = (name: string, help: string, value: (c: Connection) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['system'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const c of await figures()) {
          const v = value(c);
          if (v !== null) this.set({ system: c.system }, v);
        }
      },
    });
  gauge('motcua_connection_up', 'Outside system state: 1 ok, 0.5 degraded, 0 down, -1 not configured', (c) => UP[c.state]);
  gauge('motcua_connection_queue_depth', 'Items waiting to be sent to the outside system', (c) => c.queueDepth);
  gauge('motcua_connection_lag_seconds', 'Age of the oldest item waiting for the outside system', (c) => c.lagSeconds);
  gauge('motcua_connection_error_ratio', 'Share of failed exchanges over the last 24 hours', (c) => c.errorRate);
}
