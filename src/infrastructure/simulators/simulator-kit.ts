/**
 * What the local simulators of outside systems share (the national portal, its data vault, the payment gateways):
 * JSON answers, sessions handed out at login, requests held back by a 'slow' fault until an answer or close(), and a
 * node:http server of their own.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { setMaxListeners } from 'node:events';

export interface Answer {
  http: number;
  body: unknown;
}

/** Constant time, whatever the lengths: both sides are hashed first. */
export const sameSecret = (expected: string, received: string) =>
  createHash('sha256').update(expected).digest().equals(createHash('sha256').update(received).digest());

/** Sessions handed out at login; the oldest are forgotten beyond `max`. */
export function simulatorSessions(max: number) {
  const sessions = new Set<string>();
  return {
    issue(): string {
      const session = randomBytes(24).toString('base64url');
      sessions.add(session);
      // A Set iterates in insertion order: the first is the oldest.
      if (sessions.size > max) sessions.delete(sessions.values().next().value as string);
      return session;
    },
    /** Whether a data call's session holds; `expireAll` (the 'expiredSession' fault) forgets every session first. */
    valid(session: unknown, expireAll = false): boolean {
      if (expireAll) sessions.clear();
      return typeof session === 'string' && sessions.has(session);
    },
  };
}

export function sendJson(res: ServerResponse, answer: Answer): void {
  if (res.destroyed || res.headersSent) return;
  res.statusCode = answer.http;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  // A body too large was not kept: the connection is not reused.
  if (answer.http === 413) res.setHeader('connection', 'close');
  res.end(JSON.stringify(answer.body));
}

/**
 * Serving requests: `answer` gives the answer to send, or null for none (the socket is destroyed); `hold` keeps a
 * request waiting (the 'slow' fault) until the time is up or the simulator closes; `close` drops every held request
 * and every later one.
 */
export function simulatorServer(answer: (req: IncomingMessage, res: ServerResponse) => Promise<Answer | null>, onError: Answer) {
  const held = new Set<ServerResponse>();
  const closing = new AbortController();
  // Every request held by a 'slow' fault listens to it: as many as arrive.
  setMaxListeners(0, closing.signal);
  return {
    closed: () => closing.signal.aborted,
    async hold(res: ServerResponse, ms: number): Promise<void> {
      held.add(res);
      await sleep(ms, undefined, { signal: closing.signal }).catch(() => undefined);
      held.delete(res);
    },
    handle(req: IncomingMessage, res: ServerResponse): void {
      if (closing.signal.aborted) return void res.destroy();
      answer(req, res).then(
        (reply) => (reply ? sendJson(res, reply) : res.destroy()),
        () => sendJson(res, onError),
      );
    },
    close(): void {
      closing.abort();
      for (const res of held) res.destroy();
      held.clear();
    },
  };
}

/** Listens on host:port (0: any free port) and gives the server's URL. */
export async function listenOn(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
