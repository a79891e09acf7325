import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { apiClient } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws, storedEmails } from '../../support/local-aws.ts';
import { sqsEvent } from '../../support/sqs-event.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let sendNotice: unknown;

const registeredEvent = async () => {
  const created = await api.submit(aComplaint({ urgency: 'urgent' }));
  const event = {
    id: `evt-${created.id}`,
    type: 'complaint-registered',
    caseId: created.id,
    occurredAt: new Date().toISOString(),
  };
  return { created, body: JSON.stringify(event) };
};

const emailsFor = async (number: string) =>
  (await storedEmails(aws.sesEndpoint)).filter((email) => email.subject.includes(number));

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: sendNotice } = await import('../../../functions/notices/send-notice.ts'));
});
afterAll(() => aws.stop());

describe('send-notice', () => {
  it('emails the petition office about a new complaint, in Chinese, without the complainant’s identity', async () => {
    const { created, body } = await registeredEvent();

    const result = await invoke(sendNotice, sqsEvent(body));

    expect(result).toEqual({ batchItemFailures: [] });
    const [email, ...others] = await emailsFor(created.number);
    expect(others).toEqual([]);
    expect(email?.destination.to).toEqual(['dispatcher@greenline.local']);
    expect(email?.subject).toBe(`【紧急】【新信访件】${created.number} 噪声污染 · 城东街道`);
    expect(email?.body.text).toContain('请及时审查是否受理');
    expect(email?.body.text).toContain(`${process.env.PUBLIC_BASE_URL}/console/cases/${created.id}`);
    expect(email?.body.text).not.toContain('李女士');
    expect(email?.body.text).not.toContain('13812345678');
  });

  it('sends nothing twice when SQS delivers the same message again', async () => {
    const { created, body } = await registeredEvent();

    await invoke(sendNotice, sqsEvent(body));
    await invoke(sendNotice, sqsEvent(body, body));

    expect(await emailsFor(created.number)).toHaveLength(1);
  });

  it('reports a poison message as a failed item and still processes the rest of the batch', async () => {
    const { created, body } = await registeredEvent();
    const event = sqsEvent('not json', body, JSON.stringify({ type: 'unknown' }));

    const result = await invoke(sendNotice, event);

    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: event.Records[0]?.messageId },
        { itemIdentifier: event.Records[2]?.messageId },
      ],
    });
    expect(await emailsFor(created.number)).toHaveLength(1);
  });

  it('fails the batch when SES rejects the email, and sends it once on the retry', async () => {
    const { created, body } = await registeredEvent();
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Throttling'), { name: 'TooManyRequestsException' }));
    const event = sqsEvent(body);

    // A batch whose every record failed is thrown back whole, as Powertools does, so SQS retries it.
    const failed = invoke(sendNotice, event);
    await expect(failed).rejects.toThrow('All records failed processing');
    ses.restore();
    const retried = await invoke(sendNotice, event);

    expect(retried).toEqual({ batchItemFailures: [] });
    expect(await emailsFor(created.number)).toHaveLength(1);
  });

  it('sends one email at a time across the batch, so two invocations never send more than two at once', async () => {
    // Prepare
    const events = [await registeredEvent(), await registeredEvent(), await registeredEvent()];
    const ses = mockClient(SESv2Client);
    let sending = 0;
    let mostAtOnce = 0;
    let sent = 0;
    ses.on(SendEmailCommand).callsFake(async () => {
      sending += 1;
      mostAtOnce = Math.max(mostAtOnce, sending);
      await new Promise((resolve) => setTimeout(resolve, 10));
      sending -= 1;
      sent += 1;
      return { MessageId: `fake-${sent}` };
    });

    // Act
    const result = await invoke(sendNotice, sqsEvent(...events.map((event) => event.body)));
    ses.restore();

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sent).toBeGreaterThanOrEqual(events.length);
    expect(mostAtOnce).toBe(1);
  });

  it('starts no notice with too little of the invocation left, and sends it once on the next delivery', async () => {
    // Prepare: an invocation with 3 s left, less than a notice is given to finish in.
    const { created, body } = await registeredEvent();
    const event = sqsEvent(body);
    const endingContext = lambdaContext({ name: 'send-notice', memoryMiB: 512, timeoutSeconds: 3 });

    // Act
    const ending = invoke(sendNotice, event, endingContext);
    await expect(ending).rejects.toThrow('All records failed processing');
    const sentWhileEnding = await emailsFor(created.number);
    const retried = await invoke(sendNotice, event);

    // Assess: nothing was left in progress, so the next delivery sends at once.
    expect(sentWhileEnding).toEqual([]);
    expect(retried).toEqual({ batchItemFailures: [] });
    expect(await emailsFor(created.number)).toHaveLength(1);
  });
});
