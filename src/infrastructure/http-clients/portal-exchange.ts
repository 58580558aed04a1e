/**
 * What the clients of the national portal's services share (the data vault, the integration API; INTEGRATIONS §3.1):
 * one JSON POST under the caller's deadline with the `dstcode` header and no redirects, its transport failures told
 * apart (past the deadline, out of reach or a 5xx), and the session cached across calls with one login at a time.
 */

/** The exchange did not get an answer it can read: past the deadline, or the portal out of reach (a 5xx included). */
export class TransportError extends Error {
  constructor(
    readonly reason: 'timeout' | 'down',
    /** `HTTP 503` and the like; null for a connection that failed. */
    readonly detail: string | null,
  ) {
    super(reason);
  }
}

export interface PortalEndpoint {
  baseUrl: string;
  dstcode: string | null;
}

/**
 * A poster to the endpoint: `path` relative to baseUrl, or a full http(s) URL of its own. `readBody` reads the answer
 * (and may refuse one too large by throwing its own error, which `isOwn` recognises and lets through).
 */
export function portalPoster(
  endpoint: PortalEndpoint,
  fetchImpl: typeof fetch,
  readBody: (res: Response, limit: number) => Promise<string>,
  isOwn: (error: unknown) => boolean,
): (path: string, body: object, signal: AbortSignal, limit: number) => Promise<{ status: number; text: string }> {
  const urlOf = (path: string) => (/^https?:\/\//i.test(path) ? path : `${endpoint.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.dstcode) headers.dstcode = endpoint.dstcode;
  return async (path, body, signal, limit) => {
    let status: number;
    let text: string;
    try {
      // A redirect would carry the password or the session elsewhere: the portal answers where it is asked.
      const res = await fetchImpl(urlOf(path), { method: 'POST', headers, body: JSON.stringify(body), redirect: 'error', signal });
      status = res.status;
      text = await readBody(res, limit);
    } catch (error) {
      if (isOwn(error)) throw error;
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new TransportError(timedOut ? 'timeout' : 'down', null);
    }
    if (status >= 500) throw new TransportError('down', `HTTP ${status}`);
    return { status, text };
  };
}

/** The session shared by all calls, and the login under way (concurrent calls wait for the same one). */
export function sessionCache(login: (signal: AbortSignal) => Promise<string>): { current(signal: AbortSignal): Promise<string>; forget(token: string): void } {
  let session: string | null = null;
  let pending: Promise<string> | null = null;
  return {
    current(signal) {
      if (session) return Promise.resolve(session);
      pending ??= login(signal)
        .then((token) => (session = token))
        .finally(() => (pending = null));
      return pending;
    },
    // Another call may have logged in again already: only the session that expired is forgotten.
    forget(token) {
      if (session === token) session = null;
    },
  };
}
