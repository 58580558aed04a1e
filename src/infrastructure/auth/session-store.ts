/**
 * Login sessions: a random 256-bit id in an httpOnly cookie; the database keeps only its sha256.
 * Lookups are cached for a short time so an authenticated request costs no query; logout and
 * expiry remove the entry from the cache at once (other server instances see it within CACHE_TTL).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Role } from '../../domain/access/roles.js';
import type { SessionUser } from '../../domain/access/session-user.js';

export type { SessionUser };

const CACHE_TTL_MS = 30_000;

export class SessionStore {
  private readonly cache = new LRUCache<string, SessionUser>({ max: 50_000, ttl: CACHE_TTL_MS });
  /** Unknown or disabled sessions, kept apart so a flood of made-up cookies cannot evict real sessions. */
  private readonly unknown = new LRUCache<string, true>({ max: 10_000, ttl: CACHE_TTL_MS });

  constructor(
    private readonly db: Kysely<DB>,
    private readonly secret: string,
    private readonly ttlHours: number,
  ) {}

  static hashId(id: string): string {
    return createHash('sha256').update(id).digest('base64url');
  }

  async create(trx: Transaction<DB>, userId: string, now: Date): Promise<{ id: string; expiresAt: Date }> {
    const id = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttlHours * 3_600_000);
    await trx
      .insertInto('sessions')
      .values({ id_hash: SessionStore.hashId(id), user_id: userId, expires_at: expiresAt })
      .execute();
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
    return { id, expiresAt };
  }

  /** The session if its lookup is cached (no I/O); undefined when the database must be asked. */
  resolveCached(id: string, now: number): SessionUser | null | undefined {
    const hash = SessionStore.hashId(id);
    const entry = this.cache.get(hash);
    if (entry === undefined) return this.unknown.has(hash) ? null : undefined;
    return entry.expiresAt <= now ? null : entry;
  }

  async resolve(id: string, now: number): Promise<SessionUser | null> {
    const cached = this.resolveCached(id, now);
    if (cached !== undefined) return cached;
    const hash = SessionStore.hashId(id);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.role', 'users.unit_code', 'users.full_name', 'users.disabled', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.disabled) {
      this.unknown.set(hash, true);
      return null;
    }
    const entry: SessionUser = {
      userId: row.id,
      role: row.role as Role,
      unitCode: row.unit_code,
      displayName: row.full_name,
      sessionHash: hash,
      csrfToken: this.csrfToken(hash),
      expiresAt: new Date(row.expires_at).getTime(),
    };
    this.cache.set(hash, entry);
    return entry.expiresAt <= now ? null : entry;
  }

  async revoke(trx: Transaction<DB>, sessionHash: string): Promise<void> {
    await trx.deleteFrom('sessions').where('id_hash', '=', sessionHash).execute();
    this.cache.delete(sessionHash);
    this.unknown.set(sessionHash, true);
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** CSRF token bound to the session (signed double-submit): HMAC(secret, session hash). */
  csrfToken(sessionHash: string): string {
    return createHmac('sha256', this.secret)
      .update('csrf:' + sessionHash)
      .digest('base64url');
  }

  checkCsrf(sessionHash: string, token: string | undefined): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.csrfToken(sessionHash));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
