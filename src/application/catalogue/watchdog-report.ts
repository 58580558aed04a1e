/** The publication watchdog over the stored decisions and legal documents, in the province's calendar. */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { DEFAULT_WATCHDOG_RULES, citesLegalDocument, watchPublication, type WatchdogRules, type WatchedDecision } from '../../domain/catalogue/watchdog.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import type { CatalogueDirectory } from './catalogue-directory.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import type { WatchdogReport } from '../../contract/publication.js';
import { madePublicDates } from '../national-catalogue/publication-outbox.js';

/**
 * The stored publication decisions with their items, as the watchdog and scorecard group 1 read them: each
 * procedure is public from the day the national portal acknowledged it (portal_procedure_publications), not from
 * the day the decision was published in motcua.
 */
export async function loadWatchedDecisions(deps: AppDeps & { catalogue: CatalogueDirectory }): Promise<WatchedDecision[]> {
  const [decisions, items, madePublic] = await Promise.all([
    deps.db.selectFrom('publication_decisions').select(['id', 'number', 'issued_on', 'unit_code']).execute(),
    deps.db
      .selectFrom('publication_decision_items as i')
      .leftJoin('legal_documents as l', 'l.id', 'i.legal_document_id')
      .select(['i.decision_id', 'i.procedure_code', 'i.record', 'l.number as legal_number', 'l.effective_from as legal_effective_from'])
      .orderBy('i.decision_id')
      .orderBy('i.position')
      .execute(),
    madePublicDates(deps.db),
  ]);
  const byDecision = new Map<string, WatchedDecision['items']>();
  for (const item of items) {
    // An abolition carries no record: its units are those of the version it ends.
    const record = (item.record as ProcedureRecord | null) ?? deps.catalogue.history(item.procedure_code).at(-1)?.record ?? null;
    const list = byDecision.get(item.decision_id) ?? [];
    const at = madePublic.get(item.decision_id)?.get(item.procedure_code);
    list.push({
      procedureCode: item.procedure_code,
      publishedOn: at ? vietnamDate(at) : null,
      procedureName: record?.name ?? item.procedure_code,
      unitCodes: record?.agency.implementingUnitCodes ?? [],
      communeWide: record !== null && record.level === 'commune' && record.agency.implementingUnitCodes.length === 0,
      legal: item.legal_number && item.legal_effective_from ? { number: item.legal_number, effectiveFrom: item.legal_effective_from } : null,
    });
    byDecision.set(item.decision_id, list);
  }
  return decisions.map((d) => {
    const list = byDecision.get(d.id) ?? [];
    const days = list.map((i) => i.publishedOn);
    // Public once every procedure is: on the day of the last acknowledgement.
    const publishedOn = days.length > 0 && days.every((x) => x !== null) ? (days as string[]).reduce((a, b) => (a > b ? a : b)) : null;
    return { id: d.id, number: d.number, issuedOn: d.issued_on, publishedOn, items: list };
  });
}

export async function watchdogReport(
  deps: AppDeps & { calendars: CalendarDirectory; catalogue: CatalogueDirectory },
  input: { meta: RequestMeta; rules?: WatchdogRules | undefined },
): Promise<Result<WatchdogReport>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const [watched, legal] = await Promise.all([
    loadWatchedDecisions(deps),
    deps.db
      .selectFrom('legal_documents as l')
      .select(['l.number', 'l.title', 'l.effective_from'])
      .select((eb) =>
        eb.exists(eb.selectFrom('publication_decision_items as i').select('i.position').whereRef('i.legal_document_id', '=', 'l.id')).as('has_decision'),
      )
      .execute(),
  ]);
  const today = vietnamDate(deps.clock());
  const calendar = deps.calendars.rulesFor(provinceCode(deps)).calendar;
  const cited = legalBasesInForce(deps.catalogue, today);
  const report = watchPublication(
    calendar,
    today,
    watched,
    legal.map((l) => ({
      number: l.number,
      title: l.title,
      effectiveFrom: l.effective_from,
      hasDecision: Boolean(l.has_decision),
      citedByCatalogue: citesLegalDocument(cited, l.number),
    })),
    input.rules,
  );
  return ok({ today, rules: input.rules ?? DEFAULT_WATCHDOG_RULES, ...report });
}

/** The legal bases cited by the procedures in force on a day. */
function legalBasesInForce(catalogue: CatalogueDirectory, at: string): string[] {
  return [...new Set(catalogue.search({ at }).flatMap((v) => v.record.legalBases.map((b) => b.number)))];
}

/** The root province of the unit tree (its calendar is the catalogue's). */
export function provinceCode(deps: AppDeps): string | null {
  return (
    deps.units
      .tree()
      .all()
      .find((u) => u.level === 'province' && u.parentCode === null)?.code ?? null
  );
}
