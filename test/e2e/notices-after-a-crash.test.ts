/**
 * The notice worker dies in the middle of a batch (Ctrl-C on one machine, a crash or a timeout in AWS): the emails
 * sent before it died are not sent again, the one it was sending when it died is sent exactly once when SQS delivers
 * its message again, and nothing reaches the dead-letter queue. Against the real stand-ins (fauxqs, DynamoDB Local,
 * the SES stand-in), the real worker, the local queue poller with its default retry delay, and the catalog's figures
 * (send-notice's 30 s timeout, the notices queue's receive count), so it takes about half a minute.
 */
import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import {
  ChangeMessageVisibilityBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LambdaHandler } from '../../local/functions.ts';
import { lambdaContext } from '../../local/lambda-context.ts';
import { queueCounts, startQueuePoller, toSqsEvent } from '../../local/queue-poller.ts';
import { apiClient } from '../support/api.ts';
import { seedDirectory } from '../support/directory.ts';
import { aComplaint } from '../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../support/local-aws.ts';

let aws: LocalAws;
let sqs: SQSClient;
let sendNotice: LambdaHandler;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  sqs = new SQSClient({ endpoint: aws.sqsEndpoint, region: 'ap-east-1' });
  ({ handler: sendNotice } = (await import('../../functions/notices/send-notice.ts')) as unknown as {
    handler: LambdaHandler;
  });
});
afterAll(async () => {
  sqs.destroy();
  await aws.stop();
});

/** Receives what waits on the notices queue, as the event source mapping would (the queue's visibility timeout). */
const receiveNotices = async (count: number): Promise<Message[]> => {
  const received: Message[] = [];
  while (received.length < count) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: aws.provisioned.queues.notices.url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    received.push(...Messages);
  }
  return received;
};

/** Makes SES hang on its `n`-th call, for good: the worker dies there. Every other call reaches the SES stand-in. */
const sesDyingAtCall = (n: number) => {
  const realSend = SESv2Client.prototype.send as unknown as (this: unknown, command: SendEmailCommand) => unknown;
  const ses = mockClient(SESv2Client);
  let calls = 0;
  let dead = false;
  ses.on(SendEmailCommand).callsFake((input: SendEmailCommandInput, getClient: () => unknown) => {
    calls += 1;
    if (calls !== n) return realSend.call(getClient(), new SendEmailCommand(input));
    dead = true;
    return new Promise(() => undefined);
  });
  return { died: () => dead, restore: () => ses.restore() };
};

const keyOf = (to: string, subject: string) => `${to} | ${subject}`;

/** The emails the batch calls for, one per recipient, as the worker works them out. */
const emailsCalledFor = async (batch: readonly Message[]): Promise<string[]> => {
  const { emailsFor, noticeMessageSchema } = await import('#notices/services/send-notice.ts');
  const emails = await Promise.all(
    batch.map((message) => emailsFor(noticeMessageSchema.parse(JSON.parse(message.Body ?? '')))),
  );
  return emails.flat().map((email) => keyOf(email.to, email.subject));
};

it('sends every email exactly once after the worker died mid-batch, and leaves the dead-letter queue empty', {
  timeout: 120_000,
}, async () => {
  // Prepare: four complaints, whose notices wait on the queue; SES will hang on the third email sent.
  const api = apiClient();
  const cases = [];
  for (let index = 0; index < 4; index += 1) cases.push(await api.submit(aComplaint()));
  const batch = await receiveNotices(cases.length);
  const ses = sesDyingAtCall(3);

  // Act 1: the worker takes the batch and dies while sending the third email (its idempotency record in progress).
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: aws.provisioned.queues.notices.url, AttributeNames: ['QueueArn'] }),
  );
  void sendNotice(toSqsEvent(batch, Attributes?.QueueArn ?? ''), lambdaContext('send-notice')).catch(() => undefined);
  await expect.poll(ses.died, { timeout: 10_000 }).toBe(true);
  ses.restore();
  const sentBeforeTheCrash = (await storedEmails(aws.sesEndpoint)).length;

  // Act 2: the batch is delivered again at once — the worst case (in AWS the queue's visibility timeout, 180 s,
  // passes first; an at-least-once duplicate or a restart after the poller gave the messages back can be sooner).
  await sqs.send(
    new ChangeMessageVisibilityBatchCommand({
      QueueUrl: aws.provisioned.queues.notices.url,
      Entries: batch.map((message, index) => ({
        Id: String(index),
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: 0,
      })),
    }),
  );
  const poller = startQueuePoller({
    sqs,
    queue: aws.provisioned.queues.notices,
    loadHandler: async () => sendNotice,
  });
  try {
    await expect
      .poll(
        async () => {
          const [counts] = await queueCounts(sqs, [aws.provisioned.queues.notices]);
          return (counts?.visible ?? 0) + (counts?.inFlight ?? 0) + (counts?.delayed ?? 0);
        },
        { timeout: 100_000, interval: 500 },
      )
      .toBe(0);
  } finally {
    await poller.stop();
  }

  // Assess: each email the notices call for went out once — those sent before the crash not again, the one SES
  // swallowed after its in-progress window — and no message was given up.
  const [counts] = await queueCounts(sqs, [aws.provisioned.queues.notices]);
  expect(counts?.deadLetter.visible).toBe(0);
  expect(sentBeforeTheCrash).toBeGreaterThan(0);
  const sent = (await storedEmails(aws.sesEndpoint)).map((email) =>
    keyOf(email.destination.to.join(','), email.subject),
  );
  expect(sent.sort()).toEqual((await emailsCalledFor(batch)).sort());
});
