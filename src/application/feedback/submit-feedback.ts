/**
 * Feedback comes in (issue 22 §1): from the public form on the portal (anonymous with a challenge, or from a citizen's
 * account), or entered by an official from a hotline call, a letter, an e-mail or an item forwarded by the Government
 * Office or another agency, with its first reception time (the clock starts there). The reporter's contact data is
 * sealed; a tracking secret is shown once. An unknown unit, procedure or dossier, an empty or huge text, a file that is
 * not what it says: a clear error, nothing stored.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { FeedbackChannel, FeedbackKind } from '../../domain/feedback/feedback.js';
import type { EnterFeedbackBody, Reporter, SubmitFeedbackBody } from '../../contract/feedback.js';
import { sniffFileType, type FileStore } from '../../infrastructure/files/file-store.js';
import { SNIFFED } from '../dossier/dossier-file-views.js';
import { provinceCode } from '../catalogue/watchdog-report.js';
import { toLocal } from '../dossier/dossier-store.js';
import { initialFeedbackState, evolveFeedback } from '../../domain/feedback/feedback.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { followDossiers } from '../scorecard/statistics.js';
import { newSecret, nextFeedbackCode, searchText, type FeedbackDeps } from './feedback-store.js';

export type IntakeDeps = FeedbackDeps & {
  files: FileStore;
  challengeKey: string;
  /** A civic app with an Open311 API key: no challenge (open311.ts). */
  trusted?: boolean;
};

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const CHALLENGE_TTL_MS = 30 * 60_000;
const NUMBERS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

const sign = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/**
 * A question a person answers at once; stateless and signed for 30 minutes. The token carries its expiry and a nonce
 * and the MAC of the answer with them, not the answer: checking an answer is recomputing the MAC.
 */
export function feedbackChallenge(deps: { challengeKey: string; clock: () => Date }): { token: string; question: string } {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const head = `${deps.clock().getTime() + CHALLENGE_TTL_MS}.${randomInt(1e9)}`;
  return { token: `${head}.${sign(deps.challengeKey, `${head}.${a + b}`)}`, question: `${NUMBERS[a]} cộng ${NUMBERS[b]} bằng mấy? (trả lời bằng số)` };
}

function challengePassed(deps: { challengeKey: string; clock: () => Date }, challenge: { token: string; answer: string } | null): boolean {
  if (!challenge) return false;
  const parts = challenge.token.split('.');
  if (parts.length !== 3 || Number(parts[0]) <= deps.clock().getTime()) return false;
  const expected = Buffer.from(sign(deps.challengeKey, `${parts[0]}.${parts[1]}.${challenge.answer.trim()}`));
  const given = Buffer.from(parts[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface Intake {
  channel: FeedbackChannel;
  title: string;
  content: string;
  unitCode: string | null;
  procedureCode: string | null;
  dossierCode: string | null;
  reporter: Reporter | null;
  showName: boolean;
  forwardedFrom: string | null;
  receivedAt: Date;
  attachments: SubmitFeedbackBody['attachments'];
  reporterUserId: string | null;
  /** The kind a civic app filed it under (Open311's service): a first classification the officials may change. */
  kind?: FeedbackKind | null;
  /** Read from the feedback mailbox: the message's identity (one item however often it is delivered) and a note for the officials. */
  messageId?: string | null;
  note?: string | null;
}

type Problem = { path: string; message: string };

export async function createFeedback(deps: IntakeDeps, input: Intake, meta: RequestMeta): Promise<Result<{ id: string; code: string; secret: string }>> {
  const problems: Problem[] = [];
  const tree = deps.units.tree();
  if (input.unitCode !== null && !tree.find(input.unitCode)) problems.push({ path: 'body.unitCode', message: `Không có đơn vị ${input.unitCode}` });
  if (input.procedureCode !== null && deps.catalogue.history(input.procedureCode).length === 0)
    problems.push({ path: 'body.procedureCode', message: `Không có thủ tục ${input.procedureCode}` });
  const dossier = input.dossierCode
    ? await deps.db.selectFrom('dossiers').select(['id', 'unit_code']).where('code', '=', input.dossierCode).executeTakeFirst()
    : null;
  if (input.dossierCode && !dossier) problems.push({ path: 'body.dossierCode', message: `Không có hồ sơ ${input.dossierCode}` });
  if (input.receivedAt.getTime() > deps.clock().getTime()) problems.push({ path: 'body.receivedAt', message: 'Thời điểm tiếp nhận không được ở tương lai' });
  const files: { name: string; contentType: 'application/pdf' | 'image/png' | 'image/jpeg'; bytes: Buffer }[] = [];
  input.attachments.forEach((a, i) => {
    const bytes = Buffer.from(a.data, 'base64');
    // Judged by its content, as dossier files are: a file named .pdf that is not a PDF is refused.
    const sniffed = sniffFileType(bytes);
    if (bytes.length === 0 || bytes.length > MAX_FILE_BYTES) problems.push({ path: `body.attachments.${i}`, message: 'Tệp rỗng hoặc lớn hơn 5 MB' });
    else if (!sniffed || SNIFFED[sniffed] !== a.contentType)
      problems.push({ path: `body.attachments.${i}`, message: `Nội dung tệp không phải ${a.contentType}` });
    else files.push({ name: a.name, contentType: a.contentType, bytes });
  });
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems);
  const unitCode = input.unitCode ?? dossier?.unit_code ?? provinceCode(deps) ?? tree.all()[0]!.code;
  const stored = await Promise.all(files.map(async (f) => ({ ...f, sha256: (await deps.files.put(f.bytes)).sha256 })));
  const now = deps.clock();
  const { secret, hash } = newSecret();
  const state = evolveFeedback(initialFeedbackState(), { type: 'receive', at: toLocal(input.receivedAt), unitCode });
  const created = await deps.db.transaction().execute(async (trx) => {
    const code = await nextFeedbackCode(trx, now);
    const row = await trx
      .insertInto('feedback_items')
      .values({
        code,
        channel: input.channel,
        unit_code: unitCode,
        kind: input.kind ?? null,
        procedure_code: input.procedureCode,
        field_code: input.procedureCode ? (deps.catalogue.history(input.procedureCode).at(-1)?.record.fieldCode ?? null) : null,
        dossier_id: dossier?.id ?? null,
        title: input.title,
        content: input.content,
        reporter_user_id: input.reporterUserId,
        reporter_sealed: input.reporter ? deps.personalData.seal(JSON.stringify(input.reporter)) : null,
        public_name: input.reporter && input.showName ? input.reporter.name : null,
        anonymous: input.reporter === null && input.reporterUserId === null,
        forwarded_from: input.forwardedFrom,
        received_at: input.receivedAt,
        secret_hash: hash,
        status: state.status,
        state: JSON.stringify(state),
        seq: 1,
        search_text: searchText(input.title, input.content),
        mail_message_id: input.messageId ?? null,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('feedback_events')
      .values({
        feedback_id: row.id,
        seq: 1,
        type: 'receive',
        payload: JSON.stringify({ type: 'receive', at: toLocal(input.receivedAt), unitCode, ...(input.note ? { reason: input.note } : {}) }),
        at: now,
        actor_id: meta.actor?.userId ?? null,
        actor_role: meta.actor?.role ?? null,
        actor_unit: meta.actor?.unitCode ?? null,
      })
      .execute();
    if (stored.length > 0)
      await trx
        .insertInto('feedback_attachments')
        .values(stored.map((f) => ({ feedback_id: row.id, sha256: f.sha256, name: f.name, content_type: f.contentType, size: f.bytes.length })))
        .execute();
    // Feedback about a dossier counts against its 5.4 from the day it was received: the statistics follow the dossier.
    if (dossier) await followDossiers(trx, [dossier.id], { portal: false });
    // The reporter's data is not in the audit record: the item's code and channel are.
    await appendAudit(trx, {
      ...auditActor(meta),
      action: 'feedback.receive',
      targetType: 'feedback',
      targetId: row.id,
      details: { code, channel: input.channel },
      at: now,
    });
    return row;
  });
  return ok({ ...created, secret });
}

/** POST /api/v1/feedback: the public form (anonymous with the challenge) or a signed-in citizen. */
export async function submitFeedback(
  deps: IntakeDeps,
  input: { body: SubmitFeedbackBody; meta: RequestMeta; kind?: FeedbackKind },
): Promise<Result<{ id: string; code: string; secret: string }>> {
  const actor = input.meta.actor;
  const citizen = actor !== null && (actor.role === 'citizen' || actor.role === 'organization');
  if (actor && !citizen) return fail('FORBIDDEN_ROLE');
  if (!citizen && !deps.trusted && !challengePassed(deps, input.body.challenge)) return fail('FEEDBACK_CHALLENGE_FAILED');
  let reporter = input.body.reporter;
  if (citizen && reporter === null) {
    const user = await deps.db.selectFrom('users').select(['full_name', 'email']).where('id', '=', actor.userId).executeTakeFirst();
    reporter = user ? { name: user.full_name, email: user.email, phone: null, address: null } : null;
  }
  return createFeedback(
    deps,
    {
      ...input.body,
      channel: 'portal',
      reporter,
      forwardedFrom: null,
      receivedAt: deps.clock(),
      reporterUserId: citizen ? actor.userId : null,
      kind: input.kind,
    },
    input.meta,
  );
}

/** POST /api/v1/feedback/entries: an official enters a call, a letter, an e-mail or a forwarded item. */
export async function enterFeedback(
  deps: IntakeDeps,
  input: { body: EnterFeedbackBody; meta: RequestMeta },
): Promise<Result<{ id: string; code: string; secret: string }>> {
  const allowed = authorize(input.meta.actor, 'feedback.handle', { unitCode: input.body.unitCode }, deps.units.tree());
  if (!allowed.ok) return fail(allowed.code);
  const receivedAt = input.body.receivedAt ? new Date(input.body.receivedAt) : deps.clock();
  return createFeedback(deps, { ...input.body, receivedAt, reporterUserId: null }, input.meta);
}
