/**
 * The page of connected systems (issue 21 §7): each outside system motcua talks to, whether it is configured, its
 * state, queue depth, lag, error rate over the last 24 hours and last success, read from the records of what
 * happened (acknowledged syncs, lookups, payments confirmed, signatures, e-mails sent), never from a switch.
 * The same figures feed the Prometheus gauges (http/plugins/metrics.ts).
 */
import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { Connection, ConnectionList } from '../../contract/national-portal.js';
import { portalQueue } from './portal-sync-report.js';

/** Which outside systems this deployment is configured to use (bootstrap.ts). */
export interface ConfiguredSystems {
  nationalPortal: boolean;
  populationRegistry: boolean;
  nationalVault: boolean;
  payments: boolean;
  signing: boolean;
  mail: boolean;
}

const DAY_MS = 86_400_000;
const STATE_LABELS = { ok: 'Hoạt động', degraded: 'Chậm hoặc có lỗi', down: 'Mất kết nối', off: 'Chưa kết nối' } as const;

interface Figures {
  queueDepth: number | null;
  lagSeconds: number | null;
  attempts: number;
  failures: number;
  lastSuccessAt: Date | null;
  detail: string;
}

function connection(system: string, name: string, configured: boolean, f: Figures, extraTrouble = false): Connection {
  const errorRate = f.attempts > 0 ? Math.round((f.failures / f.attempts) * 1000) / 1000 : null;
  const state: Connection['state'] = !configured
    ? 'off'
    : errorRate !== null && f.attempts >= 3 && errorRate >= 0.5
      ? 'down'
      : (errorRate ?? 0) > 0.1 || (f.lagSeconds ?? 0) > 15 * 60 || extraTrouble
        ? 'degraded'
        : 'ok';
  return {
    system,
    name,
    state,
    stateLabel: STATE_LABELS[state],
    detail: configured ? f.detail : 'Chưa cấu hình',
    queueDepth: f.queueDepth,
    lagSeconds: f.lagSeconds,
    errorRate,
    lastSuccessAt: f.lastSuccessAt ? new Date(f.lastSuccessAt).toISOString() : null,
  };
}

const n = (v: unknown) => Number(v ?? 0);
const at = (v: unknown) => (v ? new Date(v as string) : null);

export async function connectionFigures(deps: AppDeps, configured: ConfiguredSystems): Promise<Connection[]> {
  const now = deps.clock();
  const since = new Date(now.getTime() - DAY_MS);
  const queue = await portalQueue(deps.db, now);
  const [lookups, vault, payments, receipts, signatures, mail] = await Promise.all([
    deps.db
      .selectFrom('population_lookups')
      .select([
        sql<string>`count(*) filter (where at >= ${since})`.as('attempts'),
        sql<string>`count(*) filter (where at >= ${since} and outcome in ('refused', 'unavailable'))`.as('failures'),
        sql<Date | null>`max(at) filter (where outcome in ('found', 'notFound'))`.as('last'),
      ])
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('vault_documents')
      .select(sql<Date | null>`max(created_at)`.as('last'))
      .where('source', '=', 'nationalVault')
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('payment_attempts')
      .select([
        sql<string>`count(*) filter (where created_at >= ${since})`.as('attempts'),
        sql<string>`count(*) filter (where created_at >= ${since} and status in ('failed', 'amountMismatch'))`.as('failures'),
        sql<Date | null>`max(settled_at) filter (where status = 'paid')`.as('last'),
      ])
      .where('method', 'in', ['vnpay', 'nationalPlatform'])
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('payment_receipts')
      .select([
        sql<string>`count(*) filter (where number is null)`.as('waiting'),
        sql<Date | null>`max(issued_at) filter (where number is not null)`.as('last'),
      ])
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('result_signatures')
      .select([sql<string>`count(*) filter (where signed_at >= ${since})`.as('attempts'), sql<Date | null>`max(signed_at)`.as('last')])
      .executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('notification_outbox')
      .select([
        sql<string>`count(*) filter (where status = 'pending')`.as('pending'),
        sql<string>`count(*) filter (where created_at >= ${since})`.as('attempts'),
        sql<string>`count(*) filter (where created_at >= ${since} and status = 'failed')`.as('failures'),
        sql<Date | null>`max(sent_at)`.as('last'),
        sql<Date | null>`min(created_at) filter (where status = 'pending')`.as('oldest'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const lag = (oldest: Date | null) => (oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0);
  return [
    connection(
      'nationalPortal',
      'Cổng Dịch vụ công quốc gia: đồng bộ hồ sơ',
      configured.nationalPortal,
      {
        queueDepth: queue.pending,
        lagSeconds: queue.lagSeconds,
        attempts: queue.pending + queue.parked,
        failures: queue.parked,
        lastSuccessAt: at(queue.lastAckedAt),
        detail: queue.lastError ?? `${queue.pending} hồ sơ chờ gửi, ${queue.parked} hồ sơ bị từ chối`,
      },
      queue.parked > 0 || queue.inDoubt > 0,
    ),
    connection('populationRegistry', 'Cơ sở dữ liệu quốc gia về dân cư (qua LGSP)', configured.populationRegistry, {
      queueDepth: null,
      lagSeconds: null,
      attempts: n(lookups.attempts),
      failures: n(lookups.failures),
      lastSuccessAt: at(lookups.last),
      detail: `${n(lookups.attempts)} lượt tra cứu trong 24 giờ`,
    }),
    connection('nationalVault', 'Kho dữ liệu điện tử trên Cổng Dịch vụ công quốc gia', configured.nationalVault, {
      queueDepth: null,
      lagSeconds: null,
      attempts: 0,
      failures: 0,
      lastSuccessAt: at(vault.last),
      detail: 'Giấy tờ lấy từ kho được sao lưu khi sử dụng',
    }),
    connection('payments', 'Cổng thanh toán (VNPay, Nền tảng thanh toán DVCQG)', configured.payments, {
      queueDepth: null,
      lagSeconds: null,
      attempts: n(payments.attempts),
      failures: n(payments.failures),
      lastSuccessAt: at(payments.last),
      detail: `${n(payments.attempts)} giao dịch trong 24 giờ`,
    }),
    connection('eReceipts', 'Biên lai điện tử', configured.payments, {
      queueDepth: n(receipts.waiting),
      lagSeconds: null,
      attempts: 0,
      failures: 0,
      lastSuccessAt: at(receipts.last),
      detail: `${n(receipts.waiting)} biên lai chờ cấp số`,
    }),
    connection('signing', 'Ký số kết quả (chứng thư đơn vị, ký số từ xa)', configured.signing, {
      queueDepth: null,
      lagSeconds: null,
      attempts: n(signatures.attempts),
      failures: 0,
      lastSuccessAt: at(signatures.last),
      detail: `${n(signatures.attempts)} chữ ký trong 24 giờ`,
    }),
    connection('mail', 'Thư điện tử gửi công dân', configured.mail, {
      queueDepth: n(mail.pending),
      lagSeconds: lag(at(mail.oldest)),
      attempts: n(mail.attempts),
      failures: n(mail.failures),
      lastSuccessAt: at(mail.last),
      detail: `${n(mail.pending)} thư chờ gửi`,
    }),
  ];
}

export async function listConnections(deps: AppDeps & { systems: ConfiguredSystems }, input: { meta: RequestMeta }): Promise<Result<ConnectionList>> {
  const allowed = authorize(input.meta.actor, 'audit.view');
  if (!allowed.ok) return fail(allowed.code);
  const items = await connectionFigures(deps, deps.systems);
  return ok({ connected: items.filter((c) => c.state !== 'off').length, total: items.length, items });
}
