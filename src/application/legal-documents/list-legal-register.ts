/**
 * The province's register of legal documents (issue 23 item 8), newest first, filtered by status, type, year of issue
 * or text; and the documents whose review is overdue, most overdue first, whatever the filter.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { LegalRegister, LegalRegisterQuery } from '../../contract/legal-documents.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { foldVietnamese } from '../../domain/catalogue/search.js';
import { todayIn } from '../reform-plan/reform-store.js';
import { documentSummary, loadRegister, registerKeeper } from './legal-register-store.js';

export async function listLegalRegister(
  deps: AppDeps,
  input: { query: z.output<typeof LegalRegisterQuery>; meta: RequestMeta },
): Promise<Result<LegalRegister>> {
  const keeper = registerKeeper(deps, input.meta);
  if (!keeper.ok) return keeper;
  const today = todayIn(deps);
  const all = (await loadRegister(deps.db, keeper.value.provinceCode)).map((d) => documentSummary(d, today));
  const { status, type, year, q } = input.query;
  const words = q ? foldVietnamese(q) : '';
  return ok({
    today,
    items: all.filter(
      (d) =>
        (status === undefined || d.status === status) &&
        (type === undefined || d.type === type) &&
        (year === undefined || d.issuedOn.startsWith(`${year}-`)) &&
        (words === '' || foldVietnamese(`${d.number} ${d.title}`).includes(words)),
    ),
    overdueReviews: all.filter((d) => d.reviewOverdueDays > 0).sort((a, b) => b.reviewOverdueDays - a.reviewOverdueDays || a.number.localeCompare(b.number)),
  });
}
