import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import type { CaseClock } from '#deadlines/domain/clocks.ts';
import type { NightlyReport } from '#deadlines/services/nightly-check.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { beijing } from '../../support/time.ts';

/**
 * What the nightly check writes for a case, against DynamoDB Local: every read path shows a new colour, and an
 * escalation that changes nothing a list shows writes no listing entry.
 */

/** One TransactWriteItems the app sent: the sort keys it wrote and the capacity DynamoDB reported for it. */
interface Written {
  readonly keys: string[];
  readonly capacityUnits: number;
}

let aws: LocalAws;
let store: typeof import('#cases/store/cases.ts');
let index: typeof import('#cases/store/case-index.ts');
let runNightlyCheck: (at: Date) => Promise<NightlyReport>;
const written: Written[] = [];

const finishClock: CaseClock = {
  startedAt: '2026-09-01T02:00:00.000Z',
  dueAt: '2026-11-02T15:59:59.999Z',
  dueDate: '2026-11-02',
  warnFrom: '2026-10-24T16:00:00.000Z',
  reminderAt: '2026-11-02T16:00:00.000Z',
  supervisionAt: '2026-11-09T16:00:00.000Z',
};

/** Assigned and in progress, blue, its finish clock running: the nightly check next looks at it when the warning starts. */
const stored: Case = aCase({
  id: '01KCASEWRITESAAAAAAAAAAAAA',
  state: 'in-progress',
  version: 4,
  historyLength: 4,
  receivedAt: '2026-09-01T01:00:00.000Z',
  createdAt: '2026-09-01T01:00:00.000Z',
  updatedAt: '2026-09-01T02:00:00.000Z',
  assignment: demoAssignment,
  colour: 'blue',
  timeLimits: { policyId: 'petition-regulation', policyVersion: 1, clocks: { finish: finishClock } },
  nextCheckAt: finishClock.warnFrom,
});

/** The nightly check at 01:00 Beijing time on `date`, and the transactions it sent. */
const night = async (date: string) => {
  const from = written.length;
  const report = await runNightlyCheck(beijing(`${date}T01:00:00`));
  return { report, writes: written.slice(from) };
};

const entryKeys = (write: Written | undefined) => (write?.keys ?? []).filter((key) => key.startsWith('ENTRY#'));

/** What each way of listing the case shows of it (the lists, my work, the ledger and the digest read these). */
const listed = async () =>
  Promise.all(
    [
      'SCOPE#city',
      'SCOPE#city-petition',
      'SCOPE#east',
      'SCOPE#east-enforcement',
      'RESPONSIBLE#handler',
      'LEAD#lead',
    ].map(async (partition) => {
      const { items } = await index.queryEntries({ partition, limit: 10 });
      const entry = items.find((item) => item.id === stored.id);
      return { partition, colour: entry?.colour, dueAt: entry?.dueAt };
    }),
  );

beforeAll(async () => {
  aws = await startLocalAws();
  store = await import('#cases/store/cases.ts');
  index = await import('#cases/store/case-index.ts');
  ({ runNightlyCheck } = await import('#deadlines/services/nightly-check.ts'));
  const { dynamo } = await import('#platform/dynamodb/client.ts');
  const { tableName } = await import('#platform/config.ts');

  // Records each transaction's keys and the capacity DynamoDB reports for it.
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      const input = args.input as {
        ReturnConsumedCapacity?: string;
        TransactItems: Record<string, { Item?: { sk: string }; Key?: { sk: string } }>[];
      };
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity[] }).ConsumedCapacity ?? [];
      written.push({
        keys: input.TransactItems.flatMap((item) =>
          Object.values(item).map((write) => String(write.Item?.sk ?? write.Key?.sk)),
        ),
        capacityUnits: consumed.reduce((sum, table) => sum + (table.CapacityUnits ?? 0), 0),
      });
      return result;
    },
    { step: 'initialize', name: 'caseWritesTestMeter' },
  );

  const table = tableName('main');
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table, Item: store.toCaseItem(stored) } },
        ...index.entryWrites(undefined, stored),
      ],
    }),
  );
  written.length = 0;
});
afterAll(async () => {
  await aws.stop();
});

describe('what the nightly check writes for a case', () => {
  it('puts every listing entry when the colour changes, so every read path shows the new colour', async () => {
    // Act
    const { report, writes } = await night('2026-10-25');

    // Assess
    expect(report).toMatchObject({ read: 1, colourChanges: 1, notices: 1 });
    expect(entryKeys(writes[0])).toHaveLength(6);
    expect((await store.getCase(stored.id)).colour).toBe('yellow');
    expect((await listed()).filter((entry) => entry.colour !== 'yellow')).toEqual([]);
  });

  it('writes the case, its history entry and the notice, but no listing entry, for an escalation without a colour change', async () => {
    // Prepare: the deadline passes (red, with the reminder); the supervision day comes a week later.
    const red = await night('2026-11-03');

    // Act
    const { report, writes } = await night('2026-11-10');

    // Assess
    expect(red.report).toMatchObject({ read: 1, colourChanges: 1, notices: 2 });
    expect(report).toMatchObject({ read: 1, colourChanges: 0, notices: 1 });
    expect(writes.map((write) => write.keys)).toEqual([
      ['CASE', 'HISTORY#000007', `NOTICE#finish#deadline-supervision#${finishClock.dueAt}`],
    ]);
    // DynamoDB Local counts each distinct per-item figure once per transaction (bench/README.md): the capacity it
    // reports barely moves when entries are left out, so the items written above are the measure that tells.
    expect(writes[0]?.capacityUnits).toBeLessThanOrEqual(red.writes[0]?.capacityUnits ?? 0);
    const found = await store.getCase(stored.id);
    expect([found.colour, found.version, found.nextCheckAt]).toEqual(['red', 7, undefined]);
    expect((await listed()).filter((entry) => entry.colour !== 'red' || entry.dueAt !== finishClock.dueAt)).toEqual([]);
  });
});
