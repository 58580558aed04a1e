/**
 * The legal-documents register's figures of a year, for the PAR INDEX's criteria on legal documents (issue 23 item 8);
 * the PAR module reads them through `legalDocumentFigures`. Shape (LegalFigures in src/contract/legal-documents.ts):
 *
 * ```
 * {
 *   year: number;               // the year asked
 *   provinceCode: string;       // the province whose register was read
 *   asOf: string;               // yyyy-MM-dd: 31/12 of the year, or today while the year is not over
 *   issued: number;             // documents of the register issued (ngày ban hành) in the year, up to asOf
 *   reviews: number;            // reviews and systematizations recorded with a day in the year, up to asOf
 *   reviewedOnSchedule: number; // of those, done on or before the due date they answered (or with none set)
 *   reviewedLate: number;       // reviews - reviewedOnSchedule
 *   reviewsOverdue: number;     // documents not expired whose pending review due date had passed on asOf
 *   inForce: number;            // documents in force, whole or in part (amended, partly expired), on asOf
 * }
 * ```
 *
 * A status and a due date on a past day are judged from the dates, the links and the reviews recorded (a review
 * recorded later does not make an earlier year's overdue review on schedule).
 */
import type { AppDeps, RequestMeta } from '../context.js';
import type { LegalFigures } from '../../contract/legal-documents.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { legalYearFigures } from '../../domain/legal-documents/figures.js';
import { provinceCode as rootProvince } from '../catalogue/watchdog-report.js';
import { todayIn } from '../reform-plan/reform-store.js';
import { datedOf, loadRegister, registerKeeper } from './legal-register-store.js';

/** The figures of `year` for a province's register (the deployment's province unless named); no authorisation: the caller's. */
export async function legalDocumentFigures(deps: AppDeps, input: { year: number; provinceCode?: string }): Promise<LegalFigures> {
  const province = input.provinceCode ?? rootProvince(deps) ?? '';
  const entries = (await loadRegister(deps.db, province)).map((d) => ({
    ...datedOf(d),
    issuedOn: d.issued_on,
    reviewDueOn: d.review_due_on,
    links: d.links,
    reviews: d.reviews,
  }));
  return { ...legalYearFigures(entries, input.year, todayIn(deps)), provinceCode: province };
}

/** The same for the register's keeper, of their own province (GET /legal-register/figures). */
export async function readLegalDocumentFigures(deps: AppDeps, input: { year: number; meta: RequestMeta }): Promise<Result<LegalFigures>> {
  const keeper = registerKeeper(deps, input.meta);
  if (!keeper.ok) return fail(keeper.error.code);
  return ok(await legalDocumentFigures(deps, { year: input.year, provinceCode: keeper.value.provinceCode }));
}
