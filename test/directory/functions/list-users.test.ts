import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Colleague } from '#directory/domain/users.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let listUsers: unknown;

const users = (principal: Principal, query: Record<string, string> = {}) =>
  invoke(
    listUsers,
    apiEvent({
      method: 'GET',
      path: '/v1/directory/users',
      routeKey: 'GET /v1/directory/users',
      principal,
      query,
    }),
  );

const usernames = async (principal: Principal, query: Record<string, string> = {}) =>
  bodyOf<{ items: Colleague[] }>(await users(principal, query)).items.map((user) => user.username);

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: listUsers } = await import('../../../functions/directory/list-users.ts'));
});
afterAll(() => aws.stop());

describe('GET /v1/directory/users', () => {
  it('lists the handlers of a department for the responsible-person picker, without contact details', async () => {
    // Act
    const response = await users(demo.lead, { unit: 'east-enforcement', role: 'handler' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf<{ items: Colleague[] }>(response).items).toEqual([
      { username: 'handler', displayName: '薛峰（监察大队）', roles: ['handler'], unitId: 'east-enforcement' },
    ]);
    expect(response.body).not.toContain('@greenline.local');
  });

  it('lets a dispatcher pick people anywhere in the unit their petition office serves, where they assign cases', async () => {
    expect(await usernames(demo.dispatcher, { unit: 'west-enforcement', role: 'handler' })).toEqual(['handler3']);
    expect(await usernames(demo.dispatcher, { role: 'lead' })).toEqual(['lead', 'lead3', 'lead2']);
  });

  it('lists everyone in the caller’s scope by default, unit by unit in tree order', async () => {
    expect(await usernames(demo.lead)).toEqual(['lead', 'lead3', 'handler', 'handler4', 'handler2']);
    expect(await usernames(demo.supervisor)).toEqual([
      'admin',
      'supervisor',
      'dispatcher',
      'operator',
      'lead',
      'lead3',
      'handler',
      'handler4',
      'handler2',
      'lead2',
      'handler3',
    ]);
  });

  it('filters the scope by role: the leads a supervisor may name', async () => {
    expect(await usernames(demo.supervisor, { role: 'lead' })).toEqual(['lead', 'lead3', 'lead2']);
    expect(await usernames(demo.supervisor, { unit: 'east', role: 'lead' })).toEqual(['lead', 'lead3']);
    expect(await usernames(demo.supervisor, { unit: 'east', role: 'handler' })).toEqual([]);
  });

  it('refuses a unit outside the caller’s scope, or unknown, with 403 problem+json', async () => {
    for (const unit of ['west-enforcement', 'city', 'no-such-unit']) {
      const response = await users(demo.lead, { unit });

      expect(response.statusCode).toBe(403);
      expect(response.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('refuses an unknown role or parameter with 400', async () => {
    expect((await users(demo.lead, { role: 'mayor' })).statusCode).toBe(400);
    expect((await users(demo.lead, { department: 'east' })).statusCode).toBe(400);
  });
});
