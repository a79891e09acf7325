import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { functions, queues } from '#platform/catalog/catalog.ts';
import type { ProvisionedQueue } from '../../local/provision.ts';
import { failedMessageIds, localRetryDelaySeconds, queueCounts, startQueuePoller } from '../../local/queue-poller.ts';
import { type LocalAws, startLocalAws } from '../support/local-aws.ts';
import { fakeHandlers } from './fake-handlers.ts';

let aws: LocalAws;
let sqs: SQSClient;
let notices: ProvisionedQueue;

beforeAll(async () => {
  aws = await startLocalAws();
  sqs = new SQSClient({ endpoint: aws.sqsEndpoint, region: 'ap-east-1' });
  notices = aws.provisioned.queues.notices;
});
afterAll(async () => {
  sqs.destroy();
  await aws.stop();
});

const bodiesOf = (event: unknown) => (event as SQSEvent).Records.map((record) => record.body);

describe('a queue poller', () => {
  it('gives the consumer a real SQS event and deletes what it handled', async () => {
    // Prepare
    const fakes = fakeHandlers({ 'send-notice': async () => ({ batchItemFailures: [] }) });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: notices.url,
        MessageBody: '{"type":"complaint-registered"}',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'event' } },
      }),
    );

    // Act
    const poller = startQueuePoller({ sqs, queue: notices, loadHandler: fakes.loadHandler, retryDelaySeconds: 0 });
    await expect.poll(() => fakes.invocations.length, { timeout: 5_000 }).toBe(1);
    await poller.stop();

    // Assess
    const [record] = (fakes.invocations[0]?.event as SQSEvent | undefined)?.Records ?? [];
    expect(record).toMatchObject({
      body: '{"type":"complaint-registered"}',
      eventSource: 'aws:sqs',
      eventSourceARN: expect.stringMatching(new RegExp(`^arn:aws:sqs:ap-east-1:\\d{12}:${aws.prefix}-notices$`)),
      awsRegion: 'ap-east-1',
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      messageId: expect.any(String),
      receiptHandle: expect.any(String),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d+$/),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
        SenderId: expect.any(String),
      },
      messageAttributes: { kind: { dataType: 'String', stringValue: 'event' } },
    });
    expect(fakes.invocations[0]?.context.functionName).toBe('greenline-send-notice');
    const [counts] = await queueCounts(sqs, [notices]);
    expect(counts).toMatchObject({ visible: 0, inFlight: 0, deadLetter: { visible: 0 } });
  });

  it('deletes only the messages that succeeded in a partly failed batch; the failed one comes back', async () => {
    // Prepare
    const fakes = fakeHandlers({
      'send-notice': async (event) => ({
        batchItemFailures: (event as SQSEvent).Records.filter((record) => record.body === 'bad').map((record) => ({
          itemIdentifier: record.messageId,
        })),
      }),
    });
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: notices.url,
        Entries: ['good-1', 'bad', 'good-2'].map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );

    // Act
    const poller = startQueuePoller({ sqs, queue: notices, loadHandler: fakes.loadHandler, retryDelaySeconds: 0 });
    await expect
      .poll(() => fakes.invocations.flatMap(({ event }) => bodiesOf(event)).filter((body) => body === 'bad').length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3);
    await poller.stop();

    // Assess
    const bodies = fakes.invocations.flatMap(({ event }) => bodiesOf(event));
    expect(bodies.filter((body) => body === 'good-1')).toHaveLength(1);
    expect(bodies.filter((body) => body === 'good-2')).toHaveLength(1);
    const [counts] = await queueCounts(sqs, [notices]);
    expect((counts?.visible ?? 0) + (counts?.inFlight ?? 0) + (counts?.deadLetter.visible ?? 0)).toBe(1);
  });

  it('moves a message whose consumer keeps failing to the dead-letter queue after maxReceiveCount receives', async () => {
    // Prepare
    const fakes = fakeHandlers({
      'send-notice': async () => {
        throw new Error('SES is down');
      },
    });
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: notices.url, MessageBody: 'doomed' }));
    const seen = () =>
      fakes.invocations.flatMap(({ event }) => (event as SQSEvent).Records).filter((r) => r.messageId === MessageId);

    // Act
    const poller = startQueuePoller({ sqs, queue: notices, loadHandler: fakes.loadHandler, retryDelaySeconds: 0 });
    let dead: string[] = [];
    await expect
      .poll(
        async () => {
          const { Messages = [] } = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: notices.deadLetterUrl,
              MaxNumberOfMessages: 10,
              VisibilityTimeout: 0,
            }),
          );
          dead = Messages.map((message) => message.MessageId as string);
          return dead.includes(MessageId as string);
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(true);
    await poller.stop();

    // Assess
    expect(seen()).toHaveLength(queues.notices.maxReceiveCount);
    expect(seen().map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('the local retry delay', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is the consumer’s timeout, so a retry comes after the in-progress window of an invocation that died', () => {
    expect(localRetryDelaySeconds(queues.notices)).toBe(functions['send-notice'].timeoutSeconds);
  });

  it('can be made longer with LOCAL_RETRY_DELAY_SECONDS, never shorter than the consumer’s timeout', () => {
    vi.stubEnv('LOCAL_RETRY_DELAY_SECONDS', '90');
    expect(localRetryDelaySeconds(queues.notices)).toBe(90);
    vi.stubEnv('LOCAL_RETRY_DELAY_SECONDS', '5');
    expect(localRetryDelaySeconds(queues.notices)).toBe(functions['send-notice'].timeoutSeconds);
    vi.stubEnv('LOCAL_RETRY_DELAY_SECONDS', 'soon');
    expect(localRetryDelaySeconds(queues.notices)).toBe(functions['send-notice'].timeoutSeconds);
  });
});

describe('failedMessageIds', () => {
  const event = { Records: [{ messageId: 'a' }, { messageId: 'b' }] } as SQSEvent;

  it('reads batchItemFailures as Lambda does', () => {
    expect(failedMessageIds(undefined, event)).toEqual(new Set());
    expect(failedMessageIds({}, event)).toEqual(new Set());
    expect(failedMessageIds({ batchItemFailures: [] } satisfies SQSBatchResponse, event)).toEqual(new Set());
    expect(failedMessageIds({ batchItemFailures: [{ itemIdentifier: 'b' }] }, event)).toEqual(new Set(['b']));
  });

  it('fails the whole batch for an identifier that is empty or not in the batch', () => {
    expect(failedMessageIds({ batchItemFailures: [{ itemIdentifier: '' }] }, event)).toEqual(new Set(['a', 'b']));
    expect(failedMessageIds({ batchItemFailures: [{ itemIdentifier: 'zz' }] }, event)).toEqual(new Set(['a', 'b']));
    expect(failedMessageIds({ batchItemFailures: 'all' }, event)).toEqual(new Set(['a', 'b']));
  });
});
