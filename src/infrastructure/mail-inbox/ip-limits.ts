/**
 * What one sending address may ask of the feedback mailbox (mail-inbox.ts): a few connections at once and a few
 * messages a minute. An MX takes mail from anyone without a login, so this is what keeps one host from filling the
 * queue; past a limit the host is told to come back later (4xx), so that a real server's mail is delayed, not lost.
 */

export interface IpLimitOptions {
  /** Connections one address may hold open at once. */
  connections: number;
  /** Messages one address may start in a window. */
  messages: number;
  windowMs: number;
}

export const DEFAULT_IP_LIMITS: IpLimitOptions = { connections: 5, messages: 30, windowMs: 60_000 };

/** Past this many addresses remembered, the ones with nothing in the window are forgotten (a scan of many hosts). */
const SWEEP_AT = 10_000;

export class IpLimits {
  private readonly open = new Map<string, number>();
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly options: IpLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new connection from `ip`: false when it already holds as many as it may. */
  connect(ip: string): boolean {
    const count = this.open.get(ip) ?? 0;
    if (count >= this.options.connections) return false;
    this.open.set(ip, count + 1);
    return true;
  }

  /** A connection that `connect` let in has closed. */
  disconnect(ip: string): void {
    const count = (this.open.get(ip) ?? 1) - 1;
    if (count > 0) this.open.set(ip, count);
    else this.open.delete(ip);
  }

  /** A new message from `ip` (MAIL FROM): false when it has started as many as it may in the window. */
  message(ip: string): boolean {
    const now = this.now();
    const recent = (this.sent.get(ip) ?? []).filter((at) => at > now - this.options.windowMs);
    if (recent.length >= this.options.messages) {
      this.sent.set(ip, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(ip, recent);
    if (this.sent.size > SWEEP_AT) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [ip, times] of this.sent) if (times.every((at) => at <= now - this.options.windowMs)) this.sent.delete(ip);
  }
}
