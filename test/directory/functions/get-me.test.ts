import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '#directory/domain/users.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let getMe: unknown;

const me = (principal?: Principal) =>
  invoke(
    getMe,
    apiEvent({ method: 'GET', path: '/v1/me', routeKey: 'GET /v1/me', ...(principal ? { principal } : {}) }),
  );

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: getMe } = await import('../../../functions/directory/get-me.ts'));
});
afterAll(() => aws.stop());

describe('GET /v1/me', () => {
  it('names the caller, their roles and their unit with the path to it', async () => {
    // Act
    const response = await me(demo.handler);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf<Profile>(response)).toEqual({
      username: 'handler',
      displayName: '薛峰（监察大队）',
      roles: ['handler'],
      unitId: 'east-enforcement',
      unitName: '监察大队',
      unitPath: [
        { id: 'city', name: '示范市生态环境局' },
        { id: 'east', name: '城东分局' },
        { id: 'east-enforcement', name: '监察大队' },
      ],
    });
  });

  it('shows no email or phone', async () => {
    const response = await me(demo.supervisor);

    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('@greenline.local');
    expect(bodyOf<Profile>(response).unitPath).toEqual([{ id: 'city', name: '示范市生态环境局' }]);
  });

  it('answers 404 for a caller the directory does not know, and 401 without claims', async () => {
    expect((await me(aPrincipal('handler', 'east-enforcement', 'stranger'))).statusCode).toBe(404);
    expect((await me()).statusCode).toBe(401);
  });
});
