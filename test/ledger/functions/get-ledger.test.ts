import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColourCounts, Ledger } from '#ledger/domain/ledger.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let getLedger: unknown;

const ledger = async (principal: Principal, query: Record<string, string> = {}) =>
  bodyOf<Ledger>(
    await invoke(
      getLedger,
      apiEvent({ method: 'GET', path: '/v1/ledger', routeKey: 'GET /v1/ledger', principal, query }),
    ),
  );

const plus = (a: ColourCounts, b: ColourCounts): ColourCounts => ({
  red: a.red + b.red,
  yellow: a.yellow + b.yellow,
  blue: a.blue + b.blue,
  green: a.green + b.green,
});

/** Every row adds up: the unit's total is its own cases plus the sum of the units below it. */
const expectRowsAddUp = (board: Ledger) => {
  const summed = board.units.map((unit) => unit.counts).reduce(plus, board.own);
  expect(summed).toEqual(board.counts);
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  api = apiClient();
  ({ handler: getLedger } = await import('../../../functions/ledger/get-ledger.ts'));

  // Three complaints at the petition office: one stays there, one is accepted there, one goes to a branch department.
  await api.submit();
  const accepted = await api.submit();
  await api.act(accepted.id, 'accept', demo.dispatcher);
  const assigned = await api.submit();
  await api.act(assigned.id, 'accept', demo.dispatcher);
  await api.act(assigned.id, 'assign', demo.dispatcher, demoAssignmentInput);
});

afterAll(async () => {
  await aws?.stop();
});

describe('GET /v1/ledger', () => {
  it('counts each case in exactly one row, the unit that holds it now, so rows add up at every level', async () => {
    const bureau = await ledger(demo.supervisor, { unit: 'city' });
    const row = (unitId: string) => bureau.units.find((unit) => unit.unitId === unitId)?.counts;

    expect(bureau.counts.blue).toBe(3);
    // The assigned case is held by 城东分局's 监察大队: it counts there, and no longer in the petition office's row.
    expect(row('city-petition')?.blue).toBe(2);
    expect(row('east')?.blue).toBe(1);
    expectRowsAddUp(bureau);

    const branch = await ledger(demo.lead);
    expect(branch.counts.blue).toBe(1);
    expect(branch.units.find((unit) => unit.unitId === 'east-enforcement')?.counts.blue).toBe(1);
    expectRowsAddUp(branch);

    expectRowsAddUp(await ledger(demo.dispatcher));
  });
});
