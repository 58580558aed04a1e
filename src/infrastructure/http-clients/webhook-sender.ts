/**
 * The webhook sender of a running server, over fetch. It fits the application's WebhookSender port
 * (src/application/catalogue/webhook-delivery.ts) by shape: infrastructure does not import use cases.
 */

/** POST with fetch; redirects are not followed (a 3xx is a failure), the response body is discarded. */
export async function fetchSender(request: { url: string; headers: Record<string, string>; body: string; signal: AbortSignal }): Promise<{ status: number }> {
  const res = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: request.signal, redirect: 'manual' });
  await res.body?.cancel().catch(() => undefined);
  return { status: res.status };
}
