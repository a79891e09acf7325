import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScheduledInvocation } from '#platform/catalog/catalog.ts';
import { InvalidEventError } from '#platform/handlers/errors.ts';
import { scheduledHandler } from '#platform/handlers/scheduled.ts';
import { logger } from '#platform/logger.ts';
import { invoke } from '../../support/factories.ts';

const run = vi.fn(async (invocation: ScheduledInvocation) => ({ ran: invocation.schedule }));
const handler = scheduledHandler(run);

const refusal = (event: unknown): Promise<unknown> =>
  invoke(handler, event).then(
    () => expect.unreachable('the invocation should fail'),
    (error: unknown) => error,
  );

afterEach(() => {
  run.mockClear();
  vi.restoreAllMocks();
});

describe('scheduledHandler', () => {
  it('runs with the schedule of the catalog and the occurrence it was invoked for', async () => {
    // Prepare
    const invocation = { schedule: 'nightly-check', scheduledTime: '2026-03-01T17:00:00Z' };

    // Act
    const result = await invoke(handler, invocation);

    // Assess
    expect(result).toEqual({ ran: 'nightly-check' });
    expect(run).toHaveBeenCalledWith(invocation, expect.objectContaining({ functionName: 'greenline-test' }));
  });

  it('takes a scheduled time with an offset', async () => {
    const result = await invoke(handler, { schedule: 'outbox-relay', scheduledTime: '2026-03-02T01:00:00+08:00' });

    expect(result).toEqual({ ran: 'outbox-relay' });
  });

  it('refuses a schedule the catalog does not have, without running, and logs why', async () => {
    // Prepare
    const logged = vi.spyOn(logger, 'error');

    // Act
    const error = await refusal({ schedule: 'hourly-coffee', scheduledTime: '2026-03-01T17:00:00Z' });

    // Assess
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).errors).toEqual([{ path: 'schedule', message: expect.any(String) }]);
    expect(run).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith('scheduled invocation refused', {
      errors: (error as InvalidEventError).errors,
    });
  });

  it('refuses a scheduled time that is not an ISO instant', async () => {
    const error = await refusal({ schedule: 'nightly-check', scheduledTime: 'tonight at one' });

    expect((error as InvalidEventError).errors).toEqual([{ path: 'scheduledTime', message: expect.any(String) }]);
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses an event that is not a scheduled invocation at all (an SQS batch sent to the wrong function)', async () => {
    const error = await refusal({ Records: [] });

    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).errors.map((problem) => problem.path)).toEqual(['schedule', 'scheduledTime']);
  });

  it('logs a failed run and fails the invocation with its error, so that the scheduler retries', async () => {
    // Prepare
    const failure = new Error('table unavailable');
    run.mockRejectedValueOnce(failure);
    const logged = vi.spyOn(logger, 'error');

    // Act
    const error = await refusal({ schedule: 'morning-notices', scheduledTime: '2026-03-02T00:30:00Z' });

    // Assess
    expect(error).toBe(failure);
    expect(logged).toHaveBeenCalledWith('scheduled run failed', { error: failure });
  });
});
