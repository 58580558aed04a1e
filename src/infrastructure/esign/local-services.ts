/**
 * The signing services a demo serves itself, with the demo CA's keys: an RFC 3161 timestamp authority
 * (/demo/tsa) and a NEAC-style remote signing service (/demo/remote-signing) that knows each official by
 * username. Never served with real keys (config/signing-config.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { KeyRing } from './key-ring.js';
import { softwareKey } from './pades.js';
import { answerTimestampRequest } from './timestamp.js';
import { createRemoteSigningSimulator, type RemoteSigningSimulator } from './remote-signing-simulator.js';

export interface LocalSigningServices {
  timestampAuthority(req: IncomingMessage, res: ServerResponse): void;
  remoteSigning: RemoteSigningSimulator;
  /** Makes the timestamp authority silent (a test of an authority that does not answer). */
  setTimestampAuthorityDown(down: boolean): void;
}

const MAX_REQUEST = 16 * 1024;

export function createLocalSigningServices(
  db: Kysely<DB>,
  keys: KeyRing,
  unitName: (code: string) => string,
  token: string,
  clock: () => Date,
): LocalSigningServices {
  let down = false;
  const held: ServerResponse[] = [];
  const remoteSigning = createRemoteSigningSimulator({
    token,
    now: clock,
    async keyFor(userId) {
      const user = await db
        .selectFrom('users')
        .select(['id', 'full_name', 'unit_code'])
        .where('username', '=', userId)
        .where('kind', '=', 'official')
        .executeTakeFirst();
      if (!user) return null;
      const key = await keys.keyFor({
        kind: 'user',
        id: user.id,
        remoteUserId: userId,
        commonName: user.full_name,
        organization: unitName(user.unit_code ?? ''),
      });
      return key && key !== 'revoked' ? { key: softwareKey(key.privateKey, key.chain), commonName: user.full_name } : null;
    },
  });
  return {
    remoteSigning,
    setTimestampAuthorityDown(value) {
      down = value;
      if (!value) for (const res of held.splice(0)) res.destroy();
    },
    timestampAuthority(req, res) {
      if (down) {
        held.push(res);
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_REQUEST) chunks.push(chunk);
      });
      req.on('end', () => {
        if (size > MAX_REQUEST) {
          res.writeHead(413).end();
          return;
        }
        void (async () => {
          try {
            const key = await keys.timestampingKey();
            if (!key) {
              res.writeHead(503).end();
              return;
            }
            const reply = await answerTimestampRequest(Buffer.concat(chunks), softwareKey(key.privateKey, key.chain), clock());
            res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
          } catch {
            res.writeHead(400).end();
          }
        })();
      });
    },
  };
}
