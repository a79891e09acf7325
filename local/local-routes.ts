/**
 * Routes only the one-machine runtime has (never in `shared/platform/http/routes.ts`, never deployed): sign-in as a demo user,
 * the settable clock, schedules fired on demand, and queue depths. A table of the same shape as the API's (method and
 * path pattern), served by the same matcher (`matchRoute` of `local/api-gateway-event.ts`) in `local/server.ts`.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { User } from '#directory/domain/users.ts';
import { isClockMoved, now, setNow } from '#platform/clock.ts';
import { NotFoundError, ValidationError } from '#platform/domain/errors.ts';
import type { RoutePattern } from './api-gateway-event.ts';
import { json, problemWith } from './http-problems.ts';
import { localLog } from './log.ts';
import type { QueueCounts } from './queue-poller.ts';
import type { Scheduler } from './scheduler.ts';
import { UnknownScheduleError } from './scheduler.ts';
import { issueToken } from './tokens.ts';

type Result = APIGatewayProxyStructuredResultV2;

/** A request to a `/local/*` route, as the server hands it over. */
export interface LocalRequest {
  readonly method: string;
  readonly path: string;
  /** The values of the route's `{name}` parameters, decoded. */
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Buffer;
}

/**
 * A route of the runtime's own: its method and path pattern, as an API route has, and the handler that answers it in
 * process. A handler throws the platform's errors (`ValidationError`, `NotFoundError` …); the server answers them
 * with problem+json, as a function's error middleware would.
 */
export interface LocalRoute extends RoutePattern {
  /** A request body to show in the list at `GET /local`. */
  readonly example?: string;
  readonly handle: (request: LocalRequest) => Promise<Result>;
}

/** A user the local sign-in page offers: who, in what role, in which unit. */
export interface SignInUser extends Pick<User, 'username' | 'displayName' | 'roles' | 'unitId'> {
  readonly unitName: string;
}

export interface LocalRoutesOptions {
  readonly signingKey: Uint8Array;
  /** `getUser` of `shared/directory/store/directory.ts`; throws a NotFoundError for an unknown user. */
  readonly findUser: (username: string) => Promise<User>;
  readonly scheduler?: Scheduler;
  readonly queueCounts?: () => Promise<QueueCounts[]>;
  /** The users the console's sign-in page offers (the demo organisation's). */
  readonly users?: readonly SignInUser[];
  /** Called after the clock was set, so schedules due by the new time fire at once. */
  readonly onClockSet?: () => void;
}

/** The request body as a JSON object; anything else is a 400 naming the body. */
const jsonObject = (request: LocalRequest): Record<string, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(request.body.toString('utf8'));
  } catch (cause) {
    throw new ValidationError([{ path: '', message: '请求体须为 JSON 对象' }], { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError([{ path: '', message: '请求体须为 JSON 对象' }]);
  }
  return value as Record<string, unknown>;
};

const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 instant: date, time and an offset (`Z` or `+08:00`), and a real calendar date. */
export const parseInstant = (text: string): Date | null => {
  const match = isoInstant.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
};

const clockState = () => ({ now: now().toISOString(), moved: isClockMoved() });

export const createLocalRoutes = (options: LocalRoutesOptions): readonly LocalRoute[] => {
  const token = async (request: LocalRequest): Promise<Result> => {
    const { username } = jsonObject(request);
    if (typeof username !== 'string' || username.trim() === '') {
      throw new ValidationError([{ path: 'username', message: 'username 须为非空字符串，例如 "operator"' }]);
    }
    const user = await options.findUser(username.trim());
    const issued = await issueToken(user, options.signingKey);
    return json(200, {
      token: issued.token,
      tokenType: 'Bearer',
      expiresAt: issued.expiresAt,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      unitId: user.unitId,
    });
  };

  const setClock = async (request: LocalRequest): Promise<Result> => {
    const body = jsonObject(request);
    if (!('now' in body)) throw new ValidationError([{ path: 'now', message: 'now 须为 ISO 8601 时刻或 null' }]);
    if (body.now === null) {
      setNow(null);
    } else {
      const instant = typeof body.now === 'string' ? parseInstant(body.now) : null;
      if (!instant) {
        throw new ValidationError([
          { path: 'now', message: 'now 须为带时区的 ISO 8601 时刻（如 2026-03-01T09:00:00+08:00）或 null' },
        ]);
      }
      setNow(instant);
    }
    localLog.info('clock set', clockState());
    options.onClockSet?.();
    return json(200, clockState());
  };

  const fire = async (name: string): Promise<Result> => {
    if (!options.scheduler) throw new NotFoundError('本运行环境没有调度器');
    const startedAt = Date.now();
    try {
      const fired = await options.scheduler.fire(name);
      return json(200, { ...fired, durationMs: Date.now() - startedAt });
    } catch (error) {
      if (error instanceof UnknownScheduleError)
        throw new NotFoundError(`没有名为 ${name} 的定时任务`, { cause: error });
      localLog.error('schedule fired on demand failed', { schedule: name, error });
      // A development route: the error's message helps more than the API's generic 500 (details are in the log).
      return problemWith({
        status: 500,
        slug: 'schedule-failed',
        title: '定时任务执行失败',
        detail: `${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      });
    }
  };

  const routes: LocalRoute[] = [
    { method: 'GET', path: '/local/users', handle: async () => json(200, { users: options.users ?? [] }) },
    { method: 'POST', path: '/local/token', example: '{"username": "operator"}', handle: token },
    { method: 'GET', path: '/local/clock', handle: async () => json(200, clockState()) },
    {
      method: 'POST',
      path: '/local/clock',
      example: '{"now": "2026-03-01T09:00:00+08:00" | null}',
      handle: setClock,
    },
    {
      method: 'GET',
      path: '/local/schedules',
      handle: async () => json(200, { now: now().toISOString(), schedules: options.scheduler?.status() ?? [] }),
    },
    {
      method: 'POST',
      path: '/local/schedules/{name}',
      handle: (request) => fire(request.pathParameters.name as string),
    },
    { method: 'POST', path: '/local/sweep', handle: () => fire('nightly-check') },
    {
      method: 'GET',
      path: '/local/queues',
      handle: async () => json(200, { queues: (await options.queueCounts?.()) ?? [] }),
    },
  ];
  const listing = routes.map(
    (route) => `${route.method} ${route.path}${route.example === undefined ? '' : ` ${route.example}`}`,
  );
  const index = async () => json(200, { routes: listing });

  return [
    { method: 'GET', path: '/local', handle: index },
    { method: 'GET', path: '/local/', handle: index },
    ...routes,
  ];
};
