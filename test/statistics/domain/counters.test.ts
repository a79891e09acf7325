import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, CaseState, Extension, Transfer, TransferBody } from '#cases/domain/case.ts';
import { caseStates, transferBodies } from '#cases/domain/case.ts';
import { type CounterCell, cellKey, counterDelta, countersOf, recount } from '#statistics/domain/counters.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';

const figuresAt = (cells: readonly CounterCell[], unitId: string, bucket: string) =>
  Object.fromEntries(
    cells.filter((cell) => cell.unitId === unitId && cell.bucket === bucket).map((cell) => [cell.name, cell.value]),
  );

describe('what a case adds to the counters (countersOf)', () => {
  it('counts a closed, late hotline complaint for the department holding it and every unit above, on the day it was received', () => {
    // Arrange: received 20 November (Beijing), assigned to 城东分局 监察大队, closed late after 12 working days
    const item = aCase({
      state: 'closed',
      assignment: { ...demoAssignment, assignedAt: '2026-11-20T02:00:00.000Z', assignedBy: 'dispatcher' },
      closedAt: '2026-12-08T02:00:00.000Z',
      late: true,
      workingDaysToClose: 12,
      returnCount: 1,
      extensions: [{ status: 'approved' } as Extension, { status: 'refused' } as Extension],
      colour: 'green',
    });

    // Act
    const cells = countersOf(item);

    // Assess
    expect(new Set(cells.map((cell) => cell.unitId))).toEqual(new Set(['city', 'east', 'east-enforcement']));
    expect(cells.some((cell) => cell.unitId === 'city-petition')).toBe(false);
    const received = figuresAt(cells, 'east', 'R#2026-11-20');
    expect(received).toMatchObject({
      received: 1,
      accepted: 1,
      closed: 1,
      closedLate: 1,
      returns: 1,
      extensions: 1,
      'closeDays=12': 1,
    });
    expect(received.closedOnTime).toBeUndefined();
    expect(received.open).toBeUndefined();
    // By dimension in an item of their own, so that figures without such a grouping read only the totals.
    expect(Object.keys(received).some((name) => name.includes('|'))).toBe(false);
    expect(figuresAt(cells, 'east', 'D#2026-11-20')).toEqual({
      'received|kind=complaint': 1,
      'accepted|kind=complaint': 1,
      'closed|kind=complaint': 1,
      'closedLate|kind=complaint': 1,
      'extensions|kind=complaint': 1,
      'returns|kind=complaint': 1,
      'closeDays=12|kind=complaint': 1,
      'received|channel=hotline': 1,
      'accepted|channel=hotline': 1,
      'closed|channel=hotline': 1,
      'closedLate|channel=hotline': 1,
      'extensions|channel=hotline': 1,
      'returns|channel=hotline': 1,
      'closeDays=12|channel=hotline': 1,
      'received|category=noise': 1,
      'accepted|category=noise': 1,
      'closed|category=noise': 1,
      'closedLate|category=noise': 1,
      'extensions|category=noise': 1,
      'returns|category=noise': 1,
      'closeDays=12|category=noise': 1,
    });
    expect(figuresAt(cells, 'city', 'F#2026-12-08')).toMatchObject({
      finished: 1,
      'finished.closed': 1,
      'finished|kind=complaint|category=noise': 1,
    });
    expect(figuresAt(cells, 'city', 'OPEN')).toEqual({});
  });

  it('counts an open case where it is held now, by colour and state, and overdue when red', () => {
    const cells = countersOf(aCase({ state: 'accepted', colour: 'red' }));

    expect(figuresAt(cells, 'city-petition', 'R#2026-11-20')).toMatchObject({
      received: 1,
      accepted: 1,
      open: 1,
      openOverdue: 1,
    });
    expect(figuresAt(cells, 'city', 'OPEN')).toMatchObject({
      'colour.red': 1,
      'colour.red|kind=complaint': 1,
      'colour.red|category=noise': 1,
      'colour.red|kind=complaint|category=noise': 1,
      'state.accepted': 1,
    });
  });

  it('counts the transfers of a case, in total and by receiving body, in its cohort and by dimension', () => {
    // Arrange: two leads handed to the police and one to the discipline body, on a case assigned to 监察大队
    const transfer = (body: TransferBody) => ({ body }) as Transfer;
    const item = aCase({
      state: 'in-progress',
      assignment: demoAssignment,
      transfers: [transfer('police'), transfer('discipline'), transfer('police')],
    });

    // Act
    const cells = countersOf(item);

    // Assess
    for (const unitId of ['city', 'east', 'east-enforcement']) {
      const received = figuresAt(cells, unitId, 'R#2026-11-20');
      expect(received).toMatchObject({ transfers: 3, 'transfers.police': 2, 'transfers.discipline': 1 });
      expect(received['transfers.judiciary']).toBeUndefined();
    }
    expect(figuresAt(cells, 'east', 'D#2026-11-20')).toMatchObject({
      'transfers|kind=complaint': 3,
      'transfers.police|kind=complaint': 2,
      'transfers.discipline|channel=hotline': 1,
    });
    expect(figuresAt(cells, 'city', 'OPEN').transfers).toBeUndefined();
  });

  it('counts the day of receipt in Asia/Shanghai: 23:30 UTC is the next day', () => {
    const cells = countersOf(aCase({ receivedAt: '2026-11-19T23:30:00.000Z' }));
    expect(cells.some((cell) => cell.bucket === 'R#2026-11-20')).toBe(true);
  });
});

describe('the counters kept by deltas equal a recount (property)', () => {
  const units = [
    { unitId: 'city-petition', unitPath: ['city', 'city-petition'] },
    { unitId: 'west-petition', unitPath: ['city', 'west', 'west-petition'] },
  ];
  const assignments = [
    undefined,
    { ...demoAssignment, assignedAt: '2026-01-01T00:00:00.000Z', assignedBy: 'dispatcher' },
    {
      ...demoAssignment,
      departmentId: 'west-management',
      departmentPath: ['city', 'west', 'west-management'],
      assignedAt: '2026-01-01T00:00:00.000Z',
      assignedBy: 'dispatcher',
    },
  ];
  const change = fc.record({
    target: fc.nat(5),
    state: fc.constantFrom<CaseState>(...caseStates),
    colour: fc.constantFrom(undefined, 'blue', 'yellow', 'red', 'green' as const),
    late: fc.boolean(),
    unit: fc.nat(units.length - 1),
    assignment: fc.nat(assignments.length - 1),
    kind: fc.constantFrom('complaint' as const, 'task' as const),
    receivedDay: fc.integer({ min: 1, max: 28 }),
    closedDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
    days: fc.option(fc.nat(40), { nil: undefined }),
    returns: fc.nat(3),
    reviews: fc.nat(2),
    approvedExtensions: fc.nat(2),
    transfers: fc.array(fc.constantFrom(...transferBodies), { maxLength: 3 }),
  });

  type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

  it('after every change of any of six cases, alone or two at once (a merge)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(change, fc.option(change, { nil: undefined })), { maxLength: 40 }), (steps) => {
        const cases = new Map<number, Case>();
        const kept = new Map<string, number>();
        const changeOf = (spec: Change) => {
          const before = cases.get(spec.target);
          const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T04:00:00.000Z`;
          const after = aCase({
            id: `case-${spec.target}`,
            kind: spec.kind,
            ...(spec.kind === 'task' ? { complaint: undefined } : {}),
            ...units[spec.unit],
            state: spec.state,
            ...(spec.colour ? { colour: spec.colour } : {}),
            late: spec.late,
            receivedAt: before?.receivedAt ?? day(spec.receivedDay),
            ...(spec.closedDay ? { closedAt: day(spec.closedDay) } : {}),
            ...(spec.days !== undefined ? { workingDaysToClose: spec.days } : {}),
            ...(assignments[spec.assignment] ? { assignment: assignments[spec.assignment] } : {}),
            returnCount: spec.returns,
            reviewCount: spec.reviews,
            extensions: Array.from({ length: spec.approvedExtensions }, () => ({ status: 'approved' }) as Extension),
            ...(spec.transfers.length > 0 ? { transfers: spec.transfers.map((body) => ({ body }) as Transfer) } : {}),
          });
          return { before, after };
        };
        for (const [first, second] of steps) {
          const changes = [changeOf(first), ...(second && second.target !== first.target ? [changeOf(second)] : [])];
          for (const cell of counterDelta(changes))
            kept.set(cellKey(cell), (kept.get(cellKey(cell)) ?? 0) + cell.value);
          for (const { after } of changes) cases.set(Number(after.id.slice(5)), after);

          const recounted = recount(cases.values());
          const nonZero = [...kept.entries()].filter(([, value]) => value !== 0);
          expect(new Map(nonZero)).toEqual(new Map([...recounted.entries()].map(([key, cell]) => [key, cell.value])));
        }
      }),
      { numRuns: 200 },
    );
  });
});
