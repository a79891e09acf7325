import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holderPathOf } from '#cases/domain/case.ts';
import { ledgerColourOf } from '#cases/domain/case-summary.ts';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { ColourCounts, Ledger } from '#ledger/domain/ledger.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { demoUnits } from '../../../local/demo-organisation.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let api: ReturnType<typeof apiClient>;
let getLedger: unknown;
const created: string[] = [];

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
  const registered = await api.submit();
  const accepted = await api.submit();
  await api.act(accepted.id, 'accept', demo.dispatcher);
  const assigned = await api.submit();
  await api.act(assigned.id, 'accept', demo.dispatcher);
  await api.act(assigned.id, 'assign', demo.dispatcher, demoAssignmentInput);
  created.push(registered.id, accepted.id, assigned.id);
});

/** Rejects `count` new complaints of `category` at the petition office: green on its ledger from today. */
const rejectNew = async (count: number, category: string) => {
  for (let index = 0; index < count; index += 1) {
    const item = await api.submit(aComplaint({ category }));
    const response = await api.act(item.id, 'reject', demo.dispatcher, { reason: '不属于生态环境部门职责范围' });
    expect(response.statusCode, response.body).toBe(200);
    created.push(item.id);
  }
};

/** The ledger counts recounted from the cases themselves: each case once, in every unit on its holder's path. */
const recount = async (unitId: string, filter: { category?: string } = {}): Promise<ColourCounts> => {
  const counts: ColourCounts = { red: 0, yellow: 0, blue: 0, green: 0 };
  for (const id of created) {
    const item = bodyOf<CaseView>(await api.read(id, demo.supervisor));
    const colour = ledgerColourOf(item);
    if (!colour || !holderPathOf(item).includes(unitId)) continue;
    if (filter.category && item.complaint?.category !== filter.category) continue;
    counts[colour] += 1;
  }
  return counts;
};

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

  it('counts from the counters what a recount of the cases finds, for every unit and filter', async () => {
    await rejectNew(3, 'air');
    await rejectNew(2, 'noise');

    for (const unit of demoUnits.filter((each) =>
      ['city', 'city-petition', 'east', 'east-enforcement'].includes(each.id),
    )) {
      const board = await ledger(demo.supervisor, { unit: unit.id });
      expect(board.counts, unit.id).toEqual(await recount(unit.id));
      expectRowsAddUp(board);
      for (const row of board.units) expect(row.counts, row.unitId).toEqual(await recount(row.unitId));
      const air = await ledger(demo.supervisor, { unit: unit.id, category: 'air' });
      expect(air.counts, `${unit.id} air`).toEqual(await recount(unit.id, { category: 'air' }));
    }
    const city = await ledger(demo.supervisor, { unit: 'city' });
    expect(city.cases.green.map((item) => item.state)).toEqual(Array(5).fill('rejected'));
    expect(city.cases.blue.map((item) => item.id).sort()).toEqual(created.slice(0, 3).sort());
  });

  it('shows green from the day asked, and reads what it shows, not every case the unit has had', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const none = await ledger(demo.supervisor, { unit: 'city', finishedSince: tomorrow });
    expect(none.counts.green).toBe(0);
    expect(none.cases.green).toEqual([]);

    const before = await ledger(demo.supervisor, { unit: 'city', limit: '2' });
    await rejectNew(6, 'water');
    const after = await ledger(demo.supervisor, { unit: 'city', limit: '2' });

    expect(after.counts.green).toBe(before.counts.green + 6);
    expect(after.cases.green).toHaveLength(2);
    // Six more finished cases today: the same counter items and at most two index entries per colour are read.
    expect(after.itemsRead).toBe(before.itemsRead);
  });
});
