import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { InvalidEventError, UnreadableMessageError } from '#platform/handlers/errors.ts';
import { queueHandler } from '#platform/handlers/queue.ts';
import { logger } from '#platform/logger.ts';
import { invoke } from '../../support/factories.ts';
import { sqsEvent } from '../../support/sqs-event.ts';

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('greeting'), id: z.string(), name: z.string() }),
  z.object({ type: z.literal('farewell'), id: z.string() }),
]);

let handled: string[];
let failures: { error: unknown; type: string }[];

const handler = queueHandler({
  message: messageSchema,
  handle: async (message) => {
    if (message.id === 'explodes') throw new Error('downstream unavailable');
    handled.push(`${message.type}:${message.id}`);
  },
  onFailure: (error, message) => failures.push({ error, type: message?.type ?? 'unreadable' }),
});

const greeting = (id: string) => JSON.stringify({ type: 'greeting', id, name: '李女士' });

beforeEach(() => {
  handled = [];
  failures = [];
  vi.restoreAllMocks();
});

describe('queueHandler', () => {
  it('handles every message of the batch and reports no failures', async () => {
    // Prepare
    const event = sqsEvent(greeting('1'), JSON.stringify({ type: 'farewell', id: '2' }));

    // Act
    const result = await invoke(handler, event);

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(handled.sort()).toEqual(['farewell:2', 'greeting:1']);
  });

  it('reports malformed records as batch item failures, logs them, and processes the good ones', async () => {
    // Prepare
    const warned = vi.spyOn(logger, 'warn');
    const event = sqsEvent(
      'not json',
      greeting('1'),
      JSON.stringify({ type: 'unknown', id: '3' }),
      JSON.stringify({ type: 'greeting', id: '4' }),
      greeting('5'),
    );
    const [notJson, , unknownType, missingName] = event.Records;

    // Act
    const result = await invoke(handler, event);

    // Assess
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: notJson?.messageId },
        { itemIdentifier: unknownType?.messageId },
        { itemIdentifier: missingName?.messageId },
      ],
    });
    expect(handled.sort()).toEqual(['greeting:1', 'greeting:5']);
    expect(failures.map((failure) => failure.type)).toEqual(['unreadable', 'unreadable', 'unreadable']);
    expect(failures.every((failure) => failure.error instanceof UnreadableMessageError)).toBe(true);
    expect(warned).toHaveBeenCalledWith('queue message unreadable', {
      messageId: notJson?.messageId,
      errors: [{ path: '', message: 'body is not JSON' }],
    });
    expect(warned).toHaveBeenCalledWith('queue message unreadable', {
      messageId: unknownType?.messageId,
      errors: [{ path: 'type', message: expect.any(String) }],
    });
    expect(warned).toHaveBeenCalledWith('queue message unreadable', {
      messageId: missingName?.messageId,
      errors: [{ path: 'name', message: expect.any(String) }],
    });
  });

  it('reports a record whose handling fails, with its type, and logs the error', async () => {
    // Prepare
    const logged = vi.spyOn(logger, 'error');
    const event = sqsEvent(greeting('explodes'), greeting('1'));
    const failed = event.Records[0]?.messageId;

    // Act
    const result = await invoke(handler, event);

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: failed }] });
    expect(handled).toEqual(['greeting:1']);
    expect(failures).toEqual([{ error: new Error('downstream unavailable'), type: 'greeting' }]);
    expect(logged).toHaveBeenCalledWith('queue message failed', { messageId: failed, error: expect.any(Error) });
  });

  it('throws the batch back whole when every record fails, as Powertools does, so SQS retries it', async () => {
    const failed = invoke(handler, sqsEvent('not json', greeting('explodes')));

    await expect(failed).rejects.toThrow('All records failed processing');
  });

  it('refuses an event that is not an SQS batch, without handling anything', async () => {
    // Prepare
    const logged = vi.spyOn(logger, 'error');

    // Act
    const failed = invoke(handler, { schedule: 'nightly-check', scheduledTime: '2026-03-01T17:00:00Z' });

    // Assess
    await expect(failed).rejects.toThrow(InvalidEventError);
    expect(handled).toEqual([]);
    expect(logged).toHaveBeenCalledWith('queue event refused', {
      errors: [{ path: 'Records', message: expect.any(String) }],
    });
  });
});
