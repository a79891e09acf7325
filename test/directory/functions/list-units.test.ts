import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let listUnits: unknown;

const units = (principal?: Principal) =>
  invoke(
    listUnits,
    apiEvent({
      method: 'GET',
      path: '/v1/directory/units',
      routeKey: 'GET /v1/directory/units',
      ...(principal ? { principal } : {}),
    }),
  );

const idsFor = async (principal: Principal) =>
  bodyOf<{ items: OrgUnit[] }>(await units(principal)).items.map((unit) => unit.id);

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: listUnits } = await import('../../../functions/directory/list-units.ts'));
});
afterAll(() => aws.stop());

describe('GET /v1/directory/units', () => {
  it('lists the caller’s unit and every unit below it, in tree order, as stored', async () => {
    // Act
    const response = await units(demo.lead);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf<{ items: OrgUnit[] }>(response).items).toEqual([
      { id: 'east', name: '城东分局', kind: 'branch', parentId: 'city', path: ['city', 'east'] },
      {
        id: 'east-enforcement',
        name: '监察大队',
        kind: 'department',
        parentId: 'east',
        path: ['city', 'east', 'east-enforcement'],
      },
      {
        id: 'east-management',
        name: '管理科',
        kind: 'department',
        parentId: 'east',
        path: ['city', 'east', 'east-management'],
      },
      {
        id: 'east-solid-waste',
        name: '固废科',
        kind: 'department',
        parentId: 'east',
        path: ['city', 'east', 'east-solid-waste'],
      },
    ]);
  });

  it('shows the whole tree from the bureau, each unit before the units below it', async () => {
    const ids = await idsFor(demo.supervisor);

    expect(ids).toHaveLength(15);
    expect(ids[0]).toBe('city');
    expect(ids.indexOf('east')).toBeLessThan(ids.indexOf('east-enforcement'));
    expect(ids.indexOf('west')).toBeLessThan(ids.indexOf('west-enforcement'));
  });

  it('shows a department only itself, and nothing without claims', async () => {
    expect(await idsFor(demo.handler)).toEqual(['east-enforcement']);
    expect((await units()).statusCode).toBe(401);
  });

  it('shows a dispatcher the whole unit their petition office serves: they assign cases there', async () => {
    expect(await idsFor(demo.dispatcher)).toEqual(await idsFor(demo.supervisor));
  });
});
