/**
 * One structured log line per request, on completion: request id, method, path (never the query
 * string), status and time. No bodies, cookies, headers or client addresses: no personal data.
 */
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';

type Bindings = Record<string, unknown>;
type LogFn = (...args: unknown[]) => void;

/**
 * Fastify gives every request a child logger carrying its id. Most requests never log anything but the
 * completion line (written with the id by the controller below), so the child is created on first use.
 */
export class LazyChildLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: object,
  ) {}

  private get real(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real.level = level;
  }

  info(...args: unknown[]): void {
    (this.real.info as LogFn)(...args);
  }
  error(...args: unknown[]): void {
    (this.real.error as LogFn)(...args);
  }
  warn(...args: unknown[]): void {
    (this.real.warn as LogFn)(...args);
  }
  debug(...args: unknown[]): void {
    (this.real.debug as LogFn)(...args);
  }
  trace(...args: unknown[]): void {
    (this.real.trace as LogFn)(...args);
  }
  fatal(...args: unknown[]): void {
    (this.real.fatal as LogFn)(...args);
  }
  silent(): void {}
  child(bindings: Bindings, options?: object): FastifyBaseLogger {
    return this.real.child(bindings, options);
  }
}

export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: object): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger;
}

export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // The completion line carries everything; a second line per request would double the cost.
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      reqId: request.id,
      method: request.method,
      // A path that carries a credential (a survey invitation's token) is logged as its route, never as sent.
      path: request.routeUrl?.includes(':token') ? request.routeUrl : ((request.raw as { originalUrl?: string }).originalUrl ?? request.url).split('?', 1)[0],
      route: request.routeUrl,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) request.server.log.error({ ...line, err: error }, 'request errored');
    else request.server.log.info(line, 'request completed');
  }
}
