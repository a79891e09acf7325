/**
 * The reconciliation as a job, on the real stand-ins: POST /v1/admin/reconcile checks who may do what and queues the
 * job (202 with its Location), the run-reconciliation worker takes the message from the real reconciliations queue
 * and recounts (and, if asked, repairs) the counters, and GET /v1/admin/reconciliations/{id} answers what it found.
 * A redelivered message runs nothing again; a job another worker holds is left to it; a refusal queues nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconciliationView } from '#statistics/domain/reconciliation-job.ts';
import { apiClient, demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import {
  deliverReconciliation,
  readReconciliation,
  receiveReconciliationMessage,
  receiveReconciliationMessages,
  reconcileThroughApi,
  requestReconciliation,
} from '../support/reconciliation.ts';

let aws: LocalAws;
const admin = aPrincipal('admin', 'city');
const casesSubmitted = 3;
/** The day the complaints were received (Beijing), whose counters the tests tamper with. */
let receivedDay: string;

/** Adds `value` to the city's `closed` counter of the day the complaints came in: a counter the cases disagree with. */
const tamper = async (value: number) => {
  const { adjustCounters } = await import('#cases/services/records.ts');
  await adjustCounters([{ unitId: 'city', bucket: `R#${receivedDay}`, name: 'closed', value }]);
};

const tampered = (by: number) => ({
  unitId: 'city',
  bucket: `R#${receivedDay}`,
  name: 'closed',
  stored: by,
  recounted: 0,
});

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  const api = apiClient();
  for (let index = 0; index < casesSubmitted; index += 1) await api.submit(aComplaint());
  const { bureauDate } = await import('#platform/domain/time.ts');
  receivedDay = bureauDate(new Date());
});
afterAll(() => aws.stop());

describe('POST /v1/admin/reconcile, the run-reconciliation worker and GET /v1/admin/reconciliations/{id}', () => {
  it('queue a check (202 with its Location), run it from the queue, and answer what it found', async () => {
    await tamper(2);

    // Act: ask, let the worker take the queued message, read the job
    const requested = await requestReconciliation({}, demo.supervisor);
    const queued = bodyOf<ReconciliationView>(requested);
    const beforeRun = bodyOf<ReconciliationView>(await readReconciliation(queued.id, demo.supervisor));
    const response = await deliverReconciliation(await receiveReconciliationMessage(queued.id));
    const read = await readReconciliation(queued.id, demo.supervisor);

    // Assess
    expect(requested.statusCode, requested.body).toBe(202);
    expect(requested.headers?.location).toBe(`/v1/admin/reconciliations/${queued.id}`);
    expect(queued).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      status: 'queued',
      requestedAt: expect.any(String),
      requestedBy: 'supervisor',
      repair: false,
    });
    expect(beforeRun).toEqual(queued);
    expect(response.batchItemFailures).toEqual([]);
    expect(read.statusCode, read.body).toBe(200);
    const done = bodyOf<ReconciliationView>(read);
    expect(done).toMatchObject({
      id: queued.id,
      status: 'done',
      requestedBy: 'supervisor',
      repair: false,
      casesRead: casesSubmitted,
      countersRead: expect.any(Number),
      itemsScanned: expect.any(Number),
      capacityUnits: expect.any(Number),
      differences: [tampered(2)],
      differencesFound: 1,
      enforcement: { recordsRead: 0, countersRead: 0, differences: [], differencesFound: 0 },
      repaired: false,
    });
    expect(done.itemsScanned).toBeGreaterThanOrEqual(casesSubmitted);
    expect(Date.parse(done.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(done.startedAt ?? ''));
    expect(done).not.toHaveProperty('attempt');
    expect(done).not.toHaveProperty('leaseUntil');
    // A check repairs nothing: the next one finds the same.
    expect((await reconcileThroughApi({}, demo.supervisor)).differences).toEqual([tampered(2)]);
  });

  it('repair on an administrator’s request, with who and why; the same message again runs nothing', async () => {
    const requested = bodyOf<ReconciliationView>(
      await requestReconciliation({ repair: true, reason: '导入旧数据后核对' }, admin),
    );
    const message = await receiveReconciliationMessage(requested.id);
    expect((await deliverReconciliation(message)).batchItemFailures).toEqual([]);
    const first = bodyOf<ReconciliationView>(await readReconciliation(requested.id, admin));
    await tamper(5);

    // Act: the same message again (an at-least-once duplicate, or a redelivery)
    const again = await deliverReconciliation({ ...message, ReceiptHandle: randomUUID() });

    // Assess: the job is as it was, and the counter tampered with since is not repaired
    expect(first).toMatchObject({
      status: 'done',
      requestedBy: 'admin',
      repair: true,
      reason: '导入旧数据后核对',
      differences: [tampered(2)],
      repaired: true,
    });
    expect(again.batchItemFailures).toEqual([]);
    expect(bodyOf<ReconciliationView>(await readReconciliation(requested.id, admin))).toEqual(first);
    expect((await reconcileThroughApi({}, demo.supervisor)).differences).toEqual([tampered(5)]);
    await tamper(-5);
  });

  it('leave a job another worker holds to it: the delivery fails, for SQS to bring it again later', async () => {
    const { claimReconciliation } = await import('#statistics/store/reconciliations.ts');
    const requested = bodyOf<ReconciliationView>(await requestReconciliation({}, demo.supervisor));
    const message = await receiveReconciliationMessage(requested.id);
    const now = new Date();
    await claimReconciliation(requested.id, now, new Date(now.getTime() + 15 * 60_000));

    // Act: a batch whose every record failed is thrown back whole (Powertools)
    const delivery = deliverReconciliation(message);

    // Assess
    await expect(delivery).rejects.toThrow(/All records failed/);
    expect(bodyOf<ReconciliationView>(await readReconciliation(requested.id, demo.supervisor))).toMatchObject({
      status: 'running',
    });
  });

  it('fail a job for good when no retry can help, and say why', async () => {
    const { createReconciliation } = await import('#statistics/store/reconciliations.ts');
    const id = '01KREC0NC1FA1ED00000000000';
    await createReconciliation({
      id,
      status: 'queued',
      requestedAt: new Date().toISOString(),
      // A unit removed since: the enforcement recount covers the organisation of the requester's unit.
      requestedBy: { username: 'admin', roles: ['admin'], unitId: 'no-such-unit' },
      repair: false,
      attempt: 0,
    });

    const response = await deliverReconciliation({
      MessageId: randomUUID(),
      ReceiptHandle: randomUUID(),
      Body: JSON.stringify({ type: 'reconciliation', id }),
    });

    expect(response.batchItemFailures).toEqual([]);
    const failed = bodyOf<ReconciliationView>(await readReconciliation(id, admin));
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^核对失败：/) });
    expect(failed).not.toHaveProperty('casesRead');
  });

  it('refuse, when asked and before queueing anything, whoever may not and what may not be', async () => {
    const handler = await requestReconciliation({}, demo.handler);
    const lead = await requestReconciliation({}, demo.lead);
    const supervisorRepair = await requestReconciliation({ repair: true, reason: '测试修正' }, demo.supervisor);
    const noReason = await requestReconciliation({ repair: true }, admin);
    const unknownOption = await requestReconciliation({ recount: 'all' }, admin);

    expect(handler.statusCode).toBe(403);
    expect(lead.statusCode).toBe(403);
    expect(supervisorRepair.statusCode).toBe(403);
    expect(bodyOf(supervisorRepair)).toMatchObject({ detail: '只有管理员可以修正统计' });
    expect(noReason.statusCode).toBe(400);
    expect(bodyOf(noReason)).toMatchObject({ errors: [expect.objectContaining({ path: 'reason' })] });
    expect(unknownOption.statusCode).toBe(400);
    expect(await receiveReconciliationMessages(0)).toEqual([]);
  });

  it('show any reconciliation to every administrator and supervisor, to no one else', async () => {
    const done = await reconcileThroughApi({}, demo.supervisor);

    const otherSupervisor = await readReconciliation(done.id, aPrincipal('supervisor', 'city', 'supervisor2'));
    const anAdmin = await readReconciliation(done.id, admin);
    const handler = await readReconciliation(done.id, demo.handler);
    const lead = await readReconciliation(done.id, demo.lead);
    const unknown = await readReconciliation('01KREC0NC1ZZZZZZZZZZZZZZZZ', admin);
    const malformed = await readReconciliation('not-an-id', admin);

    expect(otherSupervisor.statusCode).toBe(200);
    expect(bodyOf(otherSupervisor)).toEqual(done);
    expect(anAdmin.statusCode).toBe(200);
    expect(handler.statusCode).toBe(403);
    expect(lead.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
  });
});
