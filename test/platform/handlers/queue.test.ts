import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { InvalidEventError, UnreadableMessageError } from '#platform/handlers/errors.ts';
import { InvocationEndingError, queueHandler } from '#platform/handlers/queue.ts';
import { logger } from '#platform/logger.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
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

  it('handles the records one after another, in order, when asked not to process in parallel', async () => {
    // Prepare
    let running = 0;
    let mostAtOnce = 0;
    const order: string[] = [];
    const oneAtATime = queueHandler({
      message: messageSchema,
      processInParallel: false,
      handle: async (message) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(message.id);
        running -= 1;
        if (message.id === 'explodes') throw new Error('downstream unavailable');
      },
    });
    const event = sqsEvent(greeting('1'), greeting('explodes'), greeting('3'), greeting('4'));

    // Act
    const result = await invoke(oneAtATime, event);

    // Assess
    expect(mostAtOnce).toBe(1);
    expect(order).toEqual(['1', 'explodes', '3', '4']);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]?.messageId }] });
  });

  it('starts no record with less than minTimeLeftMs of the invocation left: it fails unhandled, to come back', async () => {
    // Prepare: the first record uses up the invocation's time.
    let remainingMs = 10_000;
    const context = {
      ...lambdaContext({ name: 'test', memoryMiB: 128, timeoutSeconds: 10 }),
      getRemainingTimeInMillis: () => remainingMs,
    };
    const beforeTheTimeout = queueHandler({
      message: messageSchema,
      processInParallel: false,
      minTimeLeftMs: 2_000,
      handle: async (message) => {
        handled.push(`${message.type}:${message.id}`);
        remainingMs = 1_500;
      },
      onFailure: (error, message) => failures.push({ error, type: message?.type ?? 'unreadable' }),
    });
    const event = sqsEvent(greeting('1'), greeting('2'), greeting('3'));

    // Act
    const result = await invoke(beforeTheTimeout, event, context);

    // Assess
    expect(handled).toEqual(['greeting:1']);
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: event.Records[1]?.messageId },
        { itemIdentifier: event.Records[2]?.messageId },
      ],
    });
    expect(failures.map((failure) => failure.type)).toEqual(['greeting', 'greeting']);
    expect(failures.every((failure) => failure.error instanceof InvocationEndingError)).toBe(true);
  });

  it('handles the records side by side by default, as Powertools does', async () => {
    // Prepare
    let running = 0;
    let mostAtOnce = 0;
    const sideBySide = queueHandler({
      message: messageSchema,
      handle: async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      },
    });

    // Act
    await invoke(sideBySide, sqsEvent(greeting('1'), greeting('2'), greeting('3')));

    // Assess
    expect(mostAtOnce).toBe(3);
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
