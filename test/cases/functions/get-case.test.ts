import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let getCase: unknown;
let caseId: string;

const read = (id: string, principal?: Principal) =>
  invoke(
    getCase,
    apiEvent({
      method: 'GET',
      path: `/v1/cases/${id}`,
      routeKey: 'GET /v1/cases/{id}',
      pathParameters: { id },
      ...(principal ? { principal } : {}),
    }),
  );

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: getCase } = await import('../../../functions/cases/get-case.ts'));
  const created = await apiClient().submit(
    aComplaint({ complainant: { name: '王先生', phone: '13900001111', anonymous: false, confidential: true } }),
  );
  caseId = created.id;
});
afterAll(() => aws.stop());

describe('GET /v1/cases/{id}', () => {
  it('returns the case with its history to the petition office, complainant shown', async () => {
    const response = await read(caseId, aPrincipal('dispatcher', 'city-petition'));

    expect(response.statusCode).toBe(200);
    const found = bodyOf<CaseView>(response);
    expect(found).toMatchObject({ id: caseId, state: 'registered' });
    expect(found.complaint?.complainant).toMatchObject({ name: '王先生', phone: '13900001111', unmasked: true });
    expect(found.history).toEqual([
      expect.objectContaining({ sequence: 1, action: 'register', actor: 'operator', toState: 'registered' }),
    ]);
  });

  it('hides a confidential complainant from a supervisor', async () => {
    const response = await read(caseId, aPrincipal('supervisor', 'city'));

    expect(response.statusCode).toBe(200);
    expect(bodyOf<CaseView>(response).complaint?.complainant).toEqual({
      anonymous: false,
      confidential: true,
      unmasked: false,
    });
    expect(response.body).not.toContain('13900001111');
  });

  it('lists the actions the caller may take on the case now, none for a reader without a part in it', async () => {
    const dispatcher = bodyOf<CaseView>(await read(caseId, aPrincipal('dispatcher', 'city-petition')));
    const supervisor = bodyOf<CaseView>(await read(caseId, aPrincipal('supervisor', 'city')));

    expect(dispatcher.allowedActions).toEqual(['accept', 'reject', 'merge']);
    expect(supervisor.allowedActions).toEqual([]);
    expect(dispatcher.runningClocks).toEqual(['accept']);
  });

  it('follows the case through the workflow: after assignment the department may sign for it or return it', async () => {
    const api = apiClient();
    const assigned = await api.submit();
    await api.act(assigned.id, 'accept', demo.dispatcher);
    await api.act(assigned.id, 'assign', demo.dispatcher, demoAssignmentInput);

    const handler = bodyOf<CaseView>(await read(assigned.id, demo.handler));
    const lead = bodyOf<CaseView>(await read(assigned.id, demo.lead));
    const dispatcher = bodyOf<CaseView>(await read(assigned.id, demo.dispatcher));

    expect(handler.allowedActions).toEqual(['sign', 'return', 'request-extension']);
    expect(lead.allowedActions).toEqual([]);
    expect(dispatcher.allowedActions).toEqual([]);
    // The accept clock is done; signing for it and finishing it both run.
    expect(handler.runningClocks).toEqual(['sign', 'finish']);
    expect(Object.keys(handler.timeLimits?.clocks ?? {}).sort()).toEqual(['accept', 'finish', 'sign']);
  });

  it('refuses a user outside the case’s unit scope with 403', async () => {
    const response = await read(caseId, aPrincipal('handler', 'east-enforcement'));
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('王先生');
  });

  it('answers 404 for an unknown case and 400 for a malformed id', async () => {
    expect((await read('01KZZZZZZZZZZZZZZZZZZZZZZZ', aPrincipal('dispatcher', 'city-petition'))).statusCode).toBe(404);
    const malformed = await read('../etc', aPrincipal('dispatcher', 'city-petition'));
    expect(malformed.statusCode).toBe(400);
    expect(bodyOf<{ errors: unknown[] }>(malformed).errors).toEqual([{ path: '', message: '编号格式不正确' }]);
  });

  it('answers 401 without claims', async () => {
    expect((await read(caseId)).statusCode).toBe(401);
  });

  it('records every read of unmasked personal data, and only those', async () => {
    const { listPersonalDataAccess } = await import('#cases/store/access-log.ts');
    const before = (await listPersonalDataAccess(caseId)).length;

    await read(caseId, aPrincipal('dispatcher', 'city-petition'));
    await read(caseId, aPrincipal('supervisor', 'city'));

    const log = await listPersonalDataAccess(caseId);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ caseId, username: 'dispatcher', purpose: 'read-case' });
  });

  it('shows the access records to a supervisor, and to nobody without the role', async () => {
    const { handler: getAccessLog } = await import('../../../functions/cases/get-access-log.ts');
    const accessLog = (principal: Principal) =>
      invoke(
        getAccessLog,
        apiEvent({
          method: 'GET',
          path: `/v1/cases/${caseId}/access-log`,
          routeKey: 'GET /v1/cases/{id}/access-log',
          pathParameters: { id: caseId },
          principal,
        }),
      );

    const supervisor = await accessLog(aPrincipal('supervisor', 'city'));
    const dispatcher = await accessLog(aPrincipal('dispatcher', 'city-petition'));

    expect(supervisor.statusCode).toBe(200);
    expect(bodyOf<{ accesses: { username: string; purpose: string }[] }>(supervisor).accesses).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'dispatcher', purpose: 'read-case' })]),
    );
    expect(dispatcher.statusCode).toBe(403);
  });
});
