/** What every use case receives: the database, the cached unit tree, the clock and the request's identity. */
import type { Kysely } from 'kysely';
import type { DB } from '../infrastructure/db/schema.js';
import type { Actor } from '../domain/access/policy.js';
import type { UnitTree } from '../domain/units/unit.js';

export interface AppDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  clock: () => Date;
}

/** The unit tree changes rarely; it is loaded once and reloaded after a change. */
export interface UnitDirectory {
  tree(): UnitTree;
  reload(): Promise<void>;
}

export interface RequestMeta {
  actor: Actor | null;
  ip: string | null;
  requestId: string;
}
