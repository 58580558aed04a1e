import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { hashPassword } from '../../infrastructure/auth/password.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { OfficialRole } from '../../domain/access/roles.js';

export interface AddOfficialInput {
  username: string;
  password: string;
  fullName: string;
  role: OfficialRole;
  unitCode: string;
  email?: string | null;
  meta: RequestMeta;
}

export const MIN_PASSWORD_LENGTH = 10;

export async function addOfficial(deps: AppDeps, input: AddOfficialInput): Promise<Result<{ id: string }>> {
  const username = input.username.trim().toLowerCase();
  if (input.password.length < MIN_PASSWORD_LENGTH) return fail('WEAK_PASSWORD');
  if (!deps.units.tree().find(input.unitCode)) return fail('UNIT_NOT_FOUND', { unitCode: input.unitCode });
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) return fail('USERNAME_TAKEN', { username });
    const { id } = await trx
      .insertInto('users')
      .values({
        kind: 'official',
        role: input.role,
        username,
        password_hash: passwordHash,
        full_name: input.fullName,
        email: input.email ?? null,
        unit_code: input.unitCode,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      action: 'user.add_official',
      ...auditActor(input.meta),
      targetType: 'user',
      targetId: id,
      details: { username, role: input.role, unitCode: input.unitCode },
      at: deps.clock(),
    });
    return ok({ id });
  });
}
