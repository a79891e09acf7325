import { ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let submitComplaint: unknown;
let relayOutbox: unknown;

const receiveAll = async () => {
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: process.env.NOTICES_QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  sqs.destroy();
  return Messages.map((message) => JSON.parse(message.Body ?? '{}'));
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: submitComplaint } = await import('../../../functions/intake/submit-complaint.ts'));
  ({ handler: relayOutbox } = await import('../../../functions/cases/relay-outbox.ts'));
});
afterAll(() => aws.stop());

describe('relay-outbox', () => {
  it('keeps the complaint when the queue is down, and the relay sends its event later, once', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageBatchCommand).rejects(Object.assign(new Error('unavailable'), { name: 'ServiceUnavailable' }));
    const response = await invoke(
      submitComplaint,
      apiEvent({
        method: 'POST',
        path: '/v1/complaints',
        routeKey: 'POST /v1/complaints',
        principal: aPrincipal('operator', 'city-petition'),
        body: aComplaint(),
      }),
    );
    sqs.restore();
    expect(response.statusCode).toBe(201);
    const { id } = bodyOf<{ id: string }>(response);
    expect(await receiveAll()).toEqual([]);

    const tooEarly = await invoke(relayOutbox, { schedule: 'outbox-relay', scheduledTime: new Date().toISOString() });
    const later = new Date(Date.now() + 5 * 60_000).toISOString();
    const relayed = await invoke(relayOutbox, { schedule: 'outbox-relay', scheduledTime: later });
    const again = await invoke(relayOutbox, { schedule: 'outbox-relay', scheduledTime: later });

    expect(tooEarly).toEqual({ pending: 0, relayed: 0 });
    expect(relayed).toEqual({ pending: 1, relayed: 1 });
    expect(again).toEqual({ pending: 0, relayed: 0 });
    expect(await receiveAll()).toEqual([expect.objectContaining({ type: 'complaint-registered', caseId: id })]);
  });
});
