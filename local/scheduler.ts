/**
 * The local stand-in for EventBridge Scheduler: fires each schedule of the resource catalog (`shared/platform/catalog/`) at its times, in its
 * timezone, by the settable clock (`#platform/clock.ts`), invoking its target with the `ScheduledInvocation` payload.
 *
 * It works like anacron, so moving the clock forward shows what happens in the meantime: every second it compares
 * the clock with the last occurrence fired per schedule (kept in `<dataDir>/schedules.json`). A schedule whose latest
 * occurrence is newer fires once, for that latest occurrence, however many were skipped; several schedules fire in
 * the time order of those occurrences. Moving the clock back resets a schedule to its latest occurrence before the
 * new time, without firing. On the very first start every schedule starts from now and nothing fires.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Cron } from 'croner';
import type { CatalogSchedule as ScheduleDefinition } from '#platform/catalog/catalog.ts';
import { schedules as allSchedules, type ScheduledInvocation, type ScheduleName } from '#platform/catalog/catalog.ts';
import { now as clockNow } from '#platform/clock.ts';
import { type HandlerLoader, invokeFunction } from './functions.ts';
import { localLog } from './log.ts';

export class ScheduleExpressionError extends Error {
  override name = 'ScheduleExpressionError';
}

export class UnknownScheduleError extends Error {
  override name = 'UnknownScheduleError';
}

/** The occurrences of a schedule expression. */
export interface Occurrences {
  /** The latest occurrence at or before `at`, or null if there is none. */
  latestAtOrBefore(at: Date): Date | null;
  /** The first occurrence after `at`, or null if there is none. */
  nextAfter(at: Date): Date | null;
}

/**
 * An EventBridge cron expression (`min hour day-of-month month day-of-week year`) as a croner pattern with seconds.
 * EventBridge numbers days of the week 1-7 from Sunday (croner's `alternativeWeekdays`), requires `?` in one of the
 * two day fields (croner reads it as `*`, and the two day fields are then combined with AND), takes `L` alone in the
 * day-of-week field for Saturday, and allows `0/15` for `*\/15` (croner's `sloppyRanges`).
 */
export const eventBridgeCronToCroner = (fields: string): string => {
  const parts = fields.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new ScheduleExpressionError(
      `cron(${fields}) needs 6 fields: minute hour day-of-month month day-of-week year`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = parts as [string, string, string, string, string, string];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new ScheduleExpressionError(`cron(${fields}): one (and only one) of day-of-month and day-of-week must be ?`);
  }
  const weekday = dayOfWeek.toUpperCase() === 'L' ? '7' : dayOfWeek;
  return ['0', minute, hour, dayOfMonth, month, weekday, year].map((part) => (part === '?' ? '*' : part)).join(' ');
};

const rateUnits: Readonly<Record<string, number>> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/**
 * Parses `cron(...)` or `rate(n unit)`. EventBridge anchors a rate at the schedule's creation; locally the
 * occurrences are the multiples of the period since the Unix epoch (every 5 minutes on the clock's 5-minute marks).
 */
export const parseScheduleExpression = (expression: string, timezone: string): Occurrences => {
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (cron) {
    let job: Cron;
    try {
      job = new Cron(eventBridgeCronToCroner(cron[1] as string), {
        timezone,
        mode: '7-part',
        alternativeWeekdays: true,
        domAndDow: true,
        sloppyRanges: true,
        paused: true,
      });
    } catch (error) {
      if (error instanceof ScheduleExpressionError) throw error;
      throw new ScheduleExpressionError(`${expression}: ${(error as Error).message}`, { cause: error });
    }
    return {
      // croner's previousRuns is exclusive of the reference but includes a run earlier in the same second.
      latestAtOrBefore: (at) => job.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null,
      nextAfter: (at) => job.nextRun(at),
    };
  }
  const rate = /^rate\((\d+)\s+([a-z]+)\)$/.exec(expression.trim());
  const unit = rate ? rateUnits[rate[2] as string] : undefined;
  const value = rate ? Number(rate[1]) : 0;
  if (!unit || value < 1) {
    throw new ScheduleExpressionError(`${expression} is neither cron(...) nor rate(n minutes|hours|days)`);
  }
  const period = value * unit;
  return {
    latestAtOrBefore: (at) => new Date(Math.floor(at.getTime() / period) * period),
    nextAfter: (at) => new Date((Math.floor(at.getTime() / period) + 1) * period),
  };
};

export interface FiredSchedule {
  readonly schedule: ScheduleName;
  readonly scheduledTime: string;
  readonly result?: unknown;
  readonly error?: unknown;
}

export interface ScheduleStatus {
  readonly name: ScheduleName;
  readonly expression: string;
  readonly timezone: string;
  readonly target: string;
  readonly lastFired: string | null;
  readonly next: string | null;
}

export interface Scheduler {
  /** Loads the saved state, then checks the clock at once (in the background) and every `intervalMs`. */
  start(): Promise<void>;
  /** One anacron step: fires what is due by the clock now. Resolves when those invocations have finished. */
  check(): Promise<FiredSchedule[]>;
  /** Fires `name` now (scheduledTime = the clock's now) and returns its target's result; throws what it throws. */
  fire(name: string): Promise<{ schedule: ScheduleName; scheduledTime: string; result: unknown }>;
  status(): ScheduleStatus[];
  /** Stops checking and waits (up to `graceMs`) for running invocations. */
  stop(graceMs?: number): Promise<void>;
}

type State = Partial<Record<ScheduleName, string>>;

export const createScheduler = (options: {
  loadHandler: HandlerLoader;
  /** Where the last fired occurrence of each schedule is kept (`<dataDir>/schedules.json`). */
  statePath: string;
  schedules?: readonly ScheduleDefinition[];
  now?: () => Date;
  intervalMs?: number;
}): Scheduler => {
  const definitions = options.schedules ?? Object.values(allSchedules);
  const now = options.now ?? clockNow;
  const occurrences = new Map(
    definitions.map((definition) => [
      definition.name,
      parseScheduleExpression(definition.expression, definition.timezone),
    ]),
  );
  let state: State = {};
  let loaded = false;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<FiredSchedule[]> | undefined;
  /** The running invocation of each schedule: a schedule never runs twice at once. */
  const running = new Map<ScheduleName, Promise<unknown>>();

  const load = async () => {
    if (loaded) return;
    try {
      state = JSON.parse(await readFile(options.statePath, 'utf8')) as State;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        localLog.warn('schedule state unreadable; starting afresh', { path: options.statePath, error });
      }
      state = {};
    }
    loaded = true;
  };

  const save = async () => {
    await mkdir(dirname(options.statePath), { recursive: true });
    const temporary = `${options.statePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
    await rename(temporary, options.statePath);
  };

  const invoke = (definition: ScheduleDefinition, scheduledTime: string): Promise<unknown> => {
    const payload: ScheduledInvocation = { schedule: definition.name, scheduledTime };
    const previous = running.get(definition.name) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() => {
        localLog.info('schedule fired', { schedule: definition.name, scheduledTime, target: definition.target });
        return invokeFunction(options.loadHandler, definition.target, payload);
      });
    const settled = run.catch(() => undefined);
    running.set(definition.name, settled);
    void settled.then(() => {
      if (running.get(definition.name) === settled) running.delete(definition.name);
    });
    return run;
  };

  const runCheck = async (): Promise<FiredSchedule[]> => {
    await load();
    const at = now();
    let changed = false;
    const due: { definition: ScheduleDefinition; occurrence: Date }[] = [];
    for (const definition of definitions) {
      const latest = occurrences.get(definition.name)?.latestAtOrBefore(at) ?? null;
      const last = state[definition.name];
      const lastMs = last === undefined ? Number.NaN : Date.parse(last);
      if (Number.isNaN(lastMs)) {
        state[definition.name] = at.toISOString();
        changed = true;
      } else if (lastMs > at.getTime()) {
        state[definition.name] = (latest ?? at).toISOString();
        changed = true;
        localLog.info('clock moved back; schedule reset', { schedule: definition.name, to: state[definition.name] });
      } else if (latest && latest.getTime() > lastMs) {
        due.push({ definition, occurrence: latest });
      }
    }
    if (changed) await save();
    due.sort((a, b) => a.occurrence.getTime() - b.occurrence.getTime());
    const fired: FiredSchedule[] = [];
    for (const { definition, occurrence } of due) {
      const scheduledTime = occurrence.toISOString();
      // Recorded before the run, as anacron does: a failing target is not fired again and again.
      state[definition.name] = scheduledTime;
      await save();
      try {
        fired.push({ schedule: definition.name, scheduledTime, result: await invoke(definition, scheduledTime) });
      } catch (error) {
        localLog.error('scheduled invocation failed', { schedule: definition.name, scheduledTime, error });
        fired.push({ schedule: definition.name, scheduledTime, error });
      }
    }
    return fired;
  };

  const check = (): Promise<FiredSchedule[]> => {
    const next = (checking ?? Promise.resolve([])).catch(() => []).then(runCheck);
    checking = next;
    void next
      .catch(() => undefined)
      .finally(() => {
        if (checking === next) checking = undefined;
      });
    return next;
  };

  return {
    start: async () => {
      await load();
      check().catch((error) => localLog.error('schedule check failed', { error }));
      timer = setInterval(() => {
        // A long run (the nightly check) is not queued up behind by every tick.
        if (!checking) check().catch((error) => localLog.error('schedule check failed', { error }));
      }, options.intervalMs ?? 1000);
    },
    check,
    fire: async (name) => {
      const definition = definitions.find((candidate) => candidate.name === name);
      if (!definition) throw new UnknownScheduleError(`No schedule named ${name}`);
      const scheduledTime = now().toISOString();
      return { schedule: definition.name, scheduledTime, result: await invoke(definition, scheduledTime) };
    },
    status: () =>
      definitions.map((definition) => ({
        name: definition.name,
        expression: definition.expression,
        timezone: definition.timezone,
        target: definition.target,
        lastFired: state[definition.name] ?? null,
        next: occurrences.get(definition.name)?.nextAfter(now())?.toISOString() ?? null,
      })),
    stop: async (graceMs = 10_000) => {
      clearInterval(timer);
      timer = undefined;
      const pending = [checking, ...running.values()].filter(Boolean);
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(pending),
        new Promise((resolve) => {
          grace = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(grace);
    },
  };
};
