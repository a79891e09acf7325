import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogSchedule as ScheduleDefinition } from '#platform/catalog/catalog.ts';
import { type ScheduledInvocation, schedules } from '#platform/catalog/catalog.ts';
import {
  createScheduler,
  eventBridgeCronToCroner,
  parseScheduleExpression,
  ScheduleExpressionError,
  UnknownScheduleError,
} from '../../local/scheduler.ts';
import { fakeHandlers } from './fake-handlers.ts';

const shanghai = 'Asia/Shanghai';
let tempRoot: string;
beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'greenline-schedules-'));
});
afterAll(() => rm(tempRoot, { recursive: true, force: true }));
/** A state file in a folder of its own (the scheduler creates the folder). */
const freshStatePath = () => join(tempRoot, randomUUID(), 'schedules.json');
const at = (iso: string) => new Date(iso);

describe('EventBridge expressions', () => {
  it('fire cron(0 1 * * ? *) in Asia/Shanghai at 01:00 there, 17:00 UTC the day before', () => {
    // Prepare
    const nightly = parseScheduleExpression('cron(0 1 * * ? *)', shanghai);

    // Act / Assess
    expect(nightly.nextAfter(at('2026-03-01T00:00:00Z'))).toEqual(at('2026-03-01T17:00:00Z'));
    expect(nightly.latestAtOrBefore(at('2026-03-01T17:00:00Z'))).toEqual(at('2026-03-01T17:00:00Z'));
    expect(nightly.latestAtOrBefore(at('2026-03-01T16:59:59.999Z'))).toEqual(at('2026-02-28T17:00:00Z'));
  });

  it('number days of the week 1-7 from Sunday, and read names, ranges and 0/15 steps', () => {
    // Prepare
    const weekdays = parseScheduleExpression('cron(0 9 ? * 2-6 *)', shanghai);
    const named = parseScheduleExpression('cron(0 9 ? * MON-FRI *)', shanghai);
    const sunday = parseScheduleExpression('cron(0 9 ? * 1 *)', shanghai);
    const quarters = parseScheduleExpression('cron(0/15 9 * * ? *)', shanghai);
    const friday = at('2026-02-27T02:00:00Z'); // Friday 10:00 in Shanghai

    // Act / Assess
    expect(weekdays.nextAfter(friday)).toEqual(at('2026-03-02T01:00:00Z')); // Monday 09:00
    expect(named.nextAfter(friday)).toEqual(at('2026-03-02T01:00:00Z'));
    expect(sunday.nextAfter(friday)).toEqual(at('2026-03-01T01:00:00Z'));
    expect(quarters.latestAtOrBefore(at('2026-03-01T01:20:00Z'))).toEqual(at('2026-03-01T01:15:00Z'));
  });

  it('convert to a seven-field croner pattern', () => {
    expect(eventBridgeCronToCroner('0 1 * * ? *')).toBe('0 0 1 * * * *');
    expect(eventBridgeCronToCroner('15 10 ? * L 2026')).toBe('0 15 10 * * 7 2026');
  });

  it('refuse what EventBridge refuses', () => {
    expect(() => parseScheduleExpression('cron(0 1 * * *)', shanghai)).toThrow(ScheduleExpressionError);
    expect(() => parseScheduleExpression('cron(0 1 * * * *)', shanghai)).toThrow(ScheduleExpressionError);
    expect(() => parseScheduleExpression('cron(0 1 ? * ? *)', shanghai)).toThrow(ScheduleExpressionError);
    expect(() => parseScheduleExpression('rate(0 minutes)', shanghai)).toThrow(ScheduleExpressionError);
    expect(() => parseScheduleExpression('rate(5 fortnights)', shanghai)).toThrow(ScheduleExpressionError);
  });

  it('put rate(5 minutes) on the 5-minute marks', () => {
    const relay = parseScheduleExpression('rate(5 minutes)', shanghai);
    expect(relay.latestAtOrBefore(at('2026-03-01T10:07:30Z'))).toEqual(at('2026-03-01T10:05:00Z'));
    expect(relay.nextAfter(at('2026-03-01T10:07:30Z'))).toEqual(at('2026-03-01T10:10:00Z'));
    expect(parseScheduleExpression('rate(1 hour)', shanghai).nextAfter(at('2026-03-01T10:07:30Z'))).toEqual(
      at('2026-03-01T11:00:00Z'),
    );
  });
});

/** A scheduler on a fake clock and fake targets, with its state in a fresh temp folder. */
const aScheduler = async (options: { definitions?: ScheduleDefinition[]; statePath?: string; start?: string } = {}) => {
  let clock = at(options.start ?? '2026-03-01T10:02:00+08:00');
  const fakes = fakeHandlers({
    'sweep-deadlines': async (event) => ({ swept: (event as ScheduledInvocation).scheduledTime }),
    'relay-outbox': async () => ({ relayed: 0 }),
  });
  const statePath = options.statePath ?? freshStatePath();
  const scheduler = createScheduler({
    loadHandler: fakes.loadHandler,
    statePath,
    now: () => clock,
    ...(options.definitions ? { schedules: options.definitions } : {}),
  });
  const fired = () => fakes.invocations.map(({ event }) => event as ScheduledInvocation);
  return {
    scheduler,
    statePath,
    fakes,
    fired,
    setClock: (iso: string) => {
      clock = at(iso);
    },
  };
};

describe('the local scheduler', () => {
  it('fires nothing on the very first start, and remembers now for every schedule', async () => {
    // Prepare
    const { scheduler, statePath, fired } = await aScheduler();

    // Act
    const result = await scheduler.check();

    // Assess
    expect(result).toEqual([]);
    expect(fired()).toEqual([]);
    expect(JSON.parse(await readFile(statePath, 'utf8'))).toEqual(
      Object.fromEntries(Object.keys(schedules).map((name) => [name, '2026-03-01T02:02:00.000Z'])),
    );
  });

  it('fires each schedule once for its latest occurrence when the clock moves 3 days, in time order', async () => {
    // Prepare
    const { scheduler, fakes, fired, setClock } = await aScheduler();
    await scheduler.check();

    // Act
    setClock('2026-03-04T10:02:00+08:00');
    await scheduler.check();
    await scheduler.check();

    // Assess
    expect(fired()).toEqual([
      { schedule: 'nightly-check', scheduledTime: '2026-03-03T17:00:00.000Z' },
      { schedule: 'outbox-relay', scheduledTime: '2026-03-04T02:00:00.000Z' },
    ]);
    expect(fakes.invocations.map(({ name }) => name)).toEqual(['sweep-deadlines', 'relay-outbox']);
    expect(fakes.invocations[0]?.context.functionName).toBe('greenline-sweep-deadlines');
  });

  it('fires several due schedules in the time order of their occurrences, not of their definitions', async () => {
    // Prepare
    const definitions: ScheduleDefinition[] = [
      { ...schedules['nightly-check'], expression: 'cron(0 2 * * ? *)' },
      { ...schedules['outbox-relay'], expression: 'cron(0 1 * * ? *)' },
    ];
    const { scheduler, fired, setClock } = await aScheduler({ definitions, start: '2026-03-01T00:30:00+08:00' });
    await scheduler.check();

    // Act
    setClock('2026-03-01T03:00:00+08:00');
    const result = await scheduler.check();

    // Assess
    expect(fired().map(({ schedule }) => schedule)).toEqual(['outbox-relay', 'nightly-check']);
    expect(result.map(({ scheduledTime }) => scheduledTime)).toEqual([
      '2026-02-28T17:00:00.000Z',
      '2026-02-28T18:00:00.000Z',
    ]);
  });

  it('fires nothing when the clock moves back, and fires again from the earlier time', async () => {
    // Prepare
    const { scheduler, fired, setClock, statePath } = await aScheduler();
    await scheduler.check();
    setClock('2026-03-04T10:02:00+08:00');
    await scheduler.check();
    const before = fired().length;

    // Act
    setClock('2026-03-01T12:00:00+08:00');
    await scheduler.check();
    const afterBack = fired().length;
    setClock('2026-03-02T01:00:30+08:00');
    await scheduler.check();

    // Assess
    expect(afterBack).toBe(before);
    expect(fired().slice(before)).toEqual([
      { schedule: 'nightly-check', scheduledTime: '2026-03-01T17:00:00.000Z' },
      { schedule: 'outbox-relay', scheduledTime: '2026-03-01T17:00:00.000Z' },
    ]);
    expect(JSON.parse(await readFile(statePath, 'utf8'))).toMatchObject({
      'nightly-check': '2026-03-01T17:00:00.000Z',
    });
  });

  it('keeps its state across restarts', async () => {
    // Prepare
    const first = await aScheduler();
    await first.scheduler.check();
    first.setClock('2026-03-02T10:00:00+08:00');
    await first.scheduler.check();

    // Act
    const again = await aScheduler({ statePath: first.statePath, start: '2026-03-02T10:01:00+08:00' });
    await again.scheduler.check();
    const sameDay = again.fired().length;
    again.setClock('2026-03-03T01:00:00+08:00');
    await again.scheduler.check();

    // Assess
    expect(first.fired()).toHaveLength(2);
    expect(sameDay).toBe(0);
    expect(again.fired()).toEqual([
      { schedule: 'nightly-check', scheduledTime: '2026-03-02T17:00:00.000Z' },
      { schedule: 'outbox-relay', scheduledTime: '2026-03-02T17:00:00.000Z' },
    ]);
  });

  it('fires a schedule on demand at the clock time and returns the result; unknown names are refused', async () => {
    // Prepare
    const { scheduler, fired } = await aScheduler();

    // Act
    const result = await scheduler.fire('nightly-check');

    // Assess
    expect(result).toEqual({
      schedule: 'nightly-check',
      scheduledTime: '2026-03-01T02:02:00.000Z',
      result: { swept: '2026-03-01T02:02:00.000Z' },
    });
    expect(fired()).toHaveLength(1);
    await expect(scheduler.fire('nope')).rejects.toBeInstanceOf(UnknownScheduleError);
  });

  it('never runs the same schedule twice at once', async () => {
    // Prepare
    let running = 0;
    let most = 0;
    let calls = 0;
    const scheduler = createScheduler({
      statePath: freshStatePath(),
      now: () => at('2026-03-01T10:00:00+08:00'),
      loadHandler: async () => async () => {
        running += 1;
        calls += 1;
        most = Math.max(most, running);
        await sleep(30);
        running -= 1;
        return {};
      },
    });

    // Act
    await Promise.all([
      scheduler.fire('nightly-check'),
      scheduler.fire('nightly-check'),
      scheduler.fire('nightly-check'),
    ]);

    // Assess
    expect(calls).toBe(3);
    expect(most).toBe(1);
  });

  it('does not fire a failed occurrence again', async () => {
    // Prepare
    let calls = 0;
    let clock = at('2026-03-01T10:00:00+08:00');
    const failing = createScheduler({
      statePath: freshStatePath(),
      now: () => clock,
      schedules: [schedules['nightly-check']],
      loadHandler: async () => async () => {
        calls += 1;
        throw new Error('sweep failed');
      },
    });
    await failing.check();

    // Act
    clock = at('2026-03-02T10:00:00+08:00');
    const first = await failing.check();
    await failing.check();

    // Assess
    expect(first).toEqual([
      { schedule: 'nightly-check', scheduledTime: '2026-03-01T17:00:00.000Z', error: expect.any(Error) },
    ]);
    expect(calls).toBe(1);
  });

  it('checks the clock by itself once started', async () => {
    // Prepare
    let clock = at('2026-03-01T10:00:00+08:00');
    const fakes = fakeHandlers({ 'relay-outbox': async () => ({ relayed: 0 }) });
    const ticking = createScheduler({
      statePath: freshStatePath(),
      now: () => clock,
      schedules: [schedules['outbox-relay']],
      loadHandler: fakes.loadHandler,
      intervalMs: 20,
    });
    await ticking.start();
    await sleep(50);

    // Act
    clock = at('2026-03-01T10:06:00+08:00');
    await expect.poll(() => fakes.invocations.length, { timeout: 2_000 }).toBe(1);
    await ticking.stop();

    // Assess
    expect(fakes.invocations[0]?.event).toEqual({
      schedule: 'outbox-relay',
      scheduledTime: '2026-03-01T02:05:00.000Z',
    });
  });
});
