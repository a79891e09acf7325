import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import { entryWrites, queryEntries } from '#cases/store/case-index.ts';
import type { CaseClock } from '#deadlines/domain/clocks.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('case-index-test');

const finishClock: CaseClock = {
  startedAt: '2026-11-21T02:00:00.000Z',
  dueAt: '2027-01-20T15:59:59.999Z',
  dueDate: '2027-01-20',
  warnFrom: '2027-01-12T16:00:00.000Z',
  reminderAt: '2027-01-21T16:00:00.000Z',
  supervisionAt: '2027-01-27T16:00:00.000Z',
};

/** An assigned case in progress and red, past its finish deadline: what the nightly check reads on a reminder day. */
const anInProgressCase = (overrides: Partial<Case> = {}): Case =>
  aCase({
    state: 'in-progress',
    version: 4,
    historyLength: 4,
    assignment: demoAssignment,
    colour: 'red',
    timeLimits: { policyId: 'petition-regulation', policyVersion: 1, clocks: { finish: finishClock } },
    nextCheckAt: '2027-01-21T16:00:00.000Z',
    ...overrides,
  });

/** The sort keys of the entries each kind of write touches. */
const touched = (writes: ReturnType<typeof entryWrites>) => ({
  put: writes.flatMap((write) => ('Put' in write ? [write.Put.Item.sk] : [])),
  deleted: writes.flatMap((write) => ('Delete' in write ? [write.Delete.Key.sk] : [])),
});

const everyEntry = [
  'ENTRY#SCOPE#city',
  'ENTRY#SCOPE#city-petition',
  'ENTRY#SCOPE#east',
  'ENTRY#SCOPE#east-enforcement',
  'ENTRY#RESPONSIBLE',
  'ENTRY#LEAD',
];

describe('the listing entries a change writes (entryWrites)', () => {
  beforeEach(() => vi.stubEnv('TABLE_NAME', 'case-index-test'));
  afterEach(() => vi.unstubAllEnvs());

  it('places the case on the ledger of each unit holding it: by deadline while open, by finishing time once green', () => {
    const ledgerKeys = (writes: ReturnType<typeof entryWrites>) =>
      writes.flatMap((write) =>
        'Put' in write && 'gsi2pk' in write.Put.Item ? [`${write.Put.Item.gsi2pk} ${write.Put.Item.gsi2sk}`] : [],
      );
    const open = anInProgressCase();
    // Held by 城东分局's 监察大队: on its ledger and those above it, not the petition office's that registered it.
    expect(ledgerKeys(entryWrites(undefined, open))).toEqual([
      `LEDGER#city#red ${finishClock.dueAt}#${open.id}`,
      `LEDGER#east#red ${finishClock.dueAt}#${open.id}`,
      `LEDGER#east-enforcement#red ${finishClock.dueAt}#${open.id}`,
    ]);
    const closed = { ...open, state: 'closed', colour: 'green', closedAt: '2026-12-01T02:00:00.000Z' } as const;
    expect(ledgerKeys(entryWrites(open, closed))).toContain(`LEDGER#east#green 2026-12-01T02:00:00.000Z#${open.id}`);
    const untimed = aCase({ state: 'registered' });
    expect(ledgerKeys(entryWrites(undefined, untimed))).toEqual([
      `LEDGER#city#blue 9999#${untimed.id}`,
      `LEDGER#city-petition#blue 9999#${untimed.id}`,
    ]);
    expect(ledgerKeys(entryWrites(untimed, { ...untimed, state: 'merged', mergedInto: 'master' }))).toEqual([]);
  });

  it('puts every entry of a new case', () => {
    // Prepare
    const item = anInProgressCase();

    // Act
    const writes = entryWrites(undefined, item);

    // Assess
    expect(touched(writes)).toEqual({ put: everyEntry, deleted: [] });
  });

  it('writes no entry when the nightly check only raised an escalation (its flag, the next check time, the version)', () => {
    // Prepare
    const before = anInProgressCase();
    const after = anInProgressCase({
      version: 5,
      historyLength: 5,
      timeLimits: {
        policyId: 'petition-regulation',
        policyVersion: 1,
        clocks: { finish: { ...finishClock, reminded: true } },
      },
      nextCheckAt: '2027-01-27T16:00:00.000Z',
    });

    // Act
    const writes = entryWrites(before, after);

    // Assess
    expect(writes).toEqual([]);
  });

  it('writes no entry when nothing the entries carry changed', () => {
    // Prepare
    const before = anInProgressCase();
    const after = anInProgressCase({
      version: 5,
      historyLength: 5,
      extensions: [
        { status: 'requested', days: 10, reason: '需补充监测', requestedAt: before.updatedAt, requestedBy: 'handler' },
      ],
    });

    // Act
    const writes = entryWrites(before, after);

    // Assess
    expect(writes).toEqual([]);
  });

  it('rewrites every entry, with the new colour and version, when the colour changes', () => {
    // Prepare
    const before = anInProgressCase({ colour: 'yellow' });
    const after = anInProgressCase({ version: 5, historyLength: 5, colour: 'red' });

    // Act
    const writes = entryWrites(before, after);

    // Assess
    expect(touched(writes)).toEqual({ put: everyEntry, deleted: [] });
    for (const write of writes) {
      expect(write).toMatchObject({ Put: { Item: { colour: 'red', version: 5, id: after.id } } });
    }
  });

  it('on a reassignment deletes the entries of units no longer on the path and puts the others', () => {
    // Prepare
    const before = anInProgressCase();
    const after = anInProgressCase({
      version: 5,
      assignment: {
        ...demoAssignment,
        departmentId: 'east-solid-waste',
        departmentPath: ['city', 'east', 'east-solid-waste'],
        responsibleUsername: 'handler2',
      },
    });

    // Act
    const { put, deleted } = touched(entryWrites(before, after));

    // Assess
    expect(deleted).toEqual(['ENTRY#SCOPE#east-enforcement']);
    expect(put).toEqual(expect.arrayContaining(['ENTRY#SCOPE#east-solid-waste', 'ENTRY#RESPONSIBLE']));
    expect(entryWrites(before, after)).toContainEqual({
      Put: expect.objectContaining({
        Item: expect.objectContaining({ sk: 'ENTRY#RESPONSIBLE', gsi1pk: 'RESPONSIBLE#handler2' }),
      }),
    });
  });

  it('deletes the responsible and lead entries when the assignment is withdrawn', () => {
    // Prepare
    const before = anInProgressCase();
    const { assignment: _assignment, ...rest } = before;
    const after: Case = { ...rest, state: 'returned', version: 5 };

    // Act
    const { deleted } = touched(entryWrites(before, after));

    // Assess
    expect(deleted).toEqual(['ENTRY#SCOPE#east', 'ENTRY#SCOPE#east-enforcement', 'ENTRY#RESPONSIBLE', 'ENTRY#LEAD']);
  });
});

describe('reading the listing entries', () => {
  it.each([['queryEntries', () => queryEntries({ partition: 'SCOPE#city', limit: 20 })]])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});
