/**
 * A reconciliation as the API runs it: POST /v1/admin/reconcile queues the job (202), the run-reconciliation worker
 * takes the message from the test file's own reconciliations queue (fauxqs) as Lambda's event source mapping would
 * deliver it, and GET /v1/admin/reconciliations/{id} answers what it found. Import after `startLocalAws` resolved.
 */
import { type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { localQueueName } from '#platform/catalog/definitions.ts';
import type { Principal } from '#platform/domain/principal.ts';
import type { ReconciliationResult, ReconciliationView } from '#statistics/domain/reconciliation-job.ts';
import { localAccountId, localRegion } from '../../../local/aws-account.ts';
import { toSqsEvent } from '../../../local/queue-poller.ts';
import { apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';

/** A reconciliation done: the job and what it found. */
export type DoneReconciliation = ReconciliationView & ReconciliationResult;

const handlers: Record<string, unknown> = {};
const load = async (name: 'reconcile-stats' | 'get-reconciliation' | 'run-reconciliation') => {
  handlers[name] ??= (await import(`../../../functions/statistics/${name}.ts`)).handler;
  return handlers[name];
};

let client: SQSClient | undefined;
const sqs = () => {
  client ??= new SQSClient({ useQueueUrlAsEndpoint: false });
  return client;
};

/** POST /v1/admin/reconcile as `principal`. */
export const requestReconciliation = async (body: unknown, principal: Principal): Promise<HttpResult> =>
  invoke(
    await load('reconcile-stats'),
    apiEvent({ method: 'POST', path: '/v1/admin/reconcile', routeKey: 'POST /v1/admin/reconcile', principal, body }),
  );

/** GET /v1/admin/reconciliations/{id} as `principal`. */
export const readReconciliation = async (id: string, principal: Principal): Promise<HttpResult> =>
  invoke(
    await load('get-reconciliation'),
    apiEvent({
      method: 'GET',
      path: `/v1/admin/reconciliations/${id}`,
      routeKey: 'GET /v1/admin/reconciliations/{id}',
      pathParameters: { id },
      principal,
    }),
  );

/** The messages waiting on the reconciliations queue now (received: hidden for the queue's visibility timeout). */
export const receiveReconciliationMessages = async (waitSeconds = 1): Promise<Message[]> => {
  const { Messages = [] } = await sqs().send(
    new ReceiveMessageCommand({
      QueueUrl: process.env.RECONCILIATIONS_QUEUE_URL,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitSeconds,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return Messages;
};

/** The message of reconciliation `id` on the reconciliations queue. */
export const receiveReconciliationMessage = async (id: string): Promise<Message> => {
  for (let tries = 0; tries < 5; tries += 1) {
    const found = (await receiveReconciliationMessages()).find(
      (message) => (JSON.parse(message.Body ?? '{}') as { id?: string }).id === id,
    );
    if (found) return found;
  }
  throw new Error(`no message of reconciliation ${id} on the reconciliations queue`);
};

const queueArn = `arn:aws:sqs:${localRegion}:${localAccountId}:${localQueueName('reconciliations')}`;

/** Delivers `message` to the worker as the event source mapping would; returns the batch response. */
export const deliverReconciliation = async (message: Message) =>
  (await invoke(await load('run-reconciliation'), toSqsEvent([message], queueArn))) as {
    batchItemFailures: { itemIdentifier: string }[];
  };

/**
 * A reconciliation through the API, start to end: asked for by `principal`, run by the worker, read back done. Throws
 * when any step answers otherwise (a refusal is a test of its own: use {@link requestReconciliation}).
 */
export const reconcileThroughApi = async (body: unknown, principal: Principal): Promise<DoneReconciliation> => {
  const requested = await requestReconciliation(body, principal);
  if (requested.statusCode !== 202) {
    throw new Error(`POST /v1/admin/reconcile answered ${requested.statusCode}: ${requested.body}`);
  }
  const { id } = bodyOf<ReconciliationView>(requested);
  const delivered = await deliverReconciliation(await receiveReconciliationMessage(id));
  if (delivered.batchItemFailures.length > 0) throw new Error(`the worker failed reconciliation ${id}`);
  const read = await readReconciliation(id, principal);
  const job = bodyOf<ReconciliationView>(read);
  if (read.statusCode !== 200 || job.status !== 'done') throw new Error(`reconciliation ${id}: ${read.body}`);
  return job as DoneReconciliation;
};
