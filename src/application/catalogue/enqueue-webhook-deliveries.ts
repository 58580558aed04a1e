/**
 * Queueing webhook deliveries: a subscription (create-webhook.ts) gets one delivery row per matching catalogue
 * event, created in the transaction that publishes the event, so no change is lost or notified twice;
 * webhook-delivery.ts sends them.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { UnitTree } from '../../domain/units/unit.js';
import { toUnit } from '../units/unit-directory.js';
import { eventConcernsUnit } from './catalogue-feed.js';

/**
 * Create the deliveries of a decision's events for every active subscription they match; called in the
 * transaction that writes the events. Idempotent (one row per subscription and event).
 */
export async function enqueueDeliveries(trx: Transaction<DB>, decisionId: string): Promise<number> {
  const subscriptions = await trx.selectFrom('webhook_subscriptions').select(['id', 'unit_code', 'field_code']).where('active', '=', true).execute();
  if (subscriptions.length === 0) return 0;
  const events = await trx.selectFrom('catalogue_events').select(['id', 'field_code', 'level', 'unit_codes']).where('decision_id', '=', decisionId).execute();
  if (events.length === 0) return 0;
  const tree = subscriptions.some((s) => s.unit_code !== null) ? new UnitTree((await trx.selectFrom('units').selectAll().execute()).map(toUnit)) : null;
  const rows = subscriptions.flatMap((s) =>
    events
      .filter(
        (e) =>
          (s.field_code === null || e.field_code === s.field_code) &&
          (s.unit_code === null || eventConcernsUnit({ unitCodes: e.unit_codes, level: e.level }, s.unit_code, tree!)),
      )
      .map((e) => ({ subscription_id: s.id, event_id: e.id })),
  );
  if (rows.length === 0) return 0;
  const inserted = await trx
    .insertInto('webhook_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}
