/**
 * The surveys benchmark: does the survey summary's read follow the days of the period, not the number of surveys?
 *
 * For each size N it stores N follow-up surveys of complaints closed in 2026 in a fresh table of an in-memory DynamoDB
 * Local, each created with the domain (`createSurvey`) and stored with the app's own `saveSurvey` — so every survey
 * moves the counters of the three units on its path in its own transaction, exactly as in the app — then answers
 * ~80% of them (`answerSurvey` + `saveSurvey`) and expires ~10% (`expireSurvey` + `saveSurvey`). Then it times
 * `surveySummary` (the counters: one item per day) against the same service with `recount: 'true'` (every survey of
 * the months concerned, tallied): the in-run baseline. Reads and writes are metered with DynamoDB's own figures
 * (ReturnConsumedCapacity) and the items each call returned, by a middleware on the app's document client.
 */
import { createHash } from 'node:crypto';
import {
  type ConsumedCapacity,
  CreateTableCommand,
  DeleteTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tables } from '#platform/catalog/tables.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { addDays, bureauDate } from '#platform/domain/time.ts';
import { type CounterName, counterNames, type SurveyCounts, tally } from '#surveys/domain/figures.ts';
import {
  type AnswerInput,
  answerSurvey,
  createSurvey,
  defaultSurveySettings,
  expireSurvey,
  type Satisfaction,
  type Solved,
  type Survey,
} from '#surveys/domain/survey.ts';
import { createTableInput } from '../local/provision.ts';
import { randomSource } from './case-population.ts';
import { itemSize } from './item-size.ts';
import { withBenchDynamoDb } from './local-dynamodb.ts';

export const defaultSizes: readonly number[] = [2_000, 20_000];

const year = '2026';
const firstDay = `${year}-01-01`;
const daysInYear = 365;
/** The units a survey is counted in: the handling department and the branch and bureau above it (3 counter items). */
const unitPaths: readonly (readonly string[])[] = [
  ['city', 'east', 'east-enforcement'],
  ['city', 'east', 'east-solid-waste'],
  ['city', 'east', 'east-management'],
  ['city', 'west', 'west-enforcement'],
  ['city', 'west', 'west-management'],
];
/** The complainants' cases came in through the city's petition office: its units keep the phone call lists. */
const intakePath = ['city', 'city-petition'];

interface Period {
  readonly label: string;
  readonly unit: string;
  readonly from: string;
  readonly to: string;
}
/** What is asked of the summary: the bureau over a month and over the year, and one department over the month. */
const periods: readonly Period[] = [
  { label: 'city, March', unit: 'city', from: `${year}-03-01`, to: `${year}-03-31` },
  { label: 'city, year', unit: 'city', from: `${year}-01-01`, to: `${year}-12-31` },
  { label: 'east-enforcement, March', unit: 'east-enforcement', from: `${year}-03-01`, to: `${year}-03-31` },
];

/** Survey changes in flight while seeding (one transaction each), as the sweep benchmark's BatchWrites. */
const writeConcurrency = 8;
/** Timed calls of each read after one untimed call; the median is reported. */
const summaryRepeats = 7;
const recountRepeats = 3;

/** The operator who takes an answer by phone. */
const operator = { username: 'operator', via: 'phone' as const };
/** A supervisor of the bureau: the summary and its recount are open to them for every unit. */
const supervisor: Principal = { username: 'supervisor', roles: ['supervisor'], unitId: 'city' };

type Fate = 'answered' | 'expired' | 'pending' | 'no-contact';

/** One survey as it is created, and what then happens to it. */
interface Planned {
  readonly created: Survey;
  readonly tokenHash?: string;
  readonly fate: Fate;
  readonly answer?: { readonly input: AnswerInput; readonly at: Date };
}

const publicReply =
  '经现场核查，您反映的问题属实。我局已责令相关企业立即整改，并于整改完成后进行了复查，相关治理设施已恢复正常运行。感谢您对生态环境保护工作的支持。';
const categories = ['air', 'water', 'noise', 'solid-waste', 'soil'];
const towns = ['城关镇', '东城街道', '西城街道', '南渡镇', '社渚镇'];
const comments = ['处理及时，谢谢。', '噪声仍有反复，希望继续关注。', '态度很好。'];

/**
 * N surveys of complaints closed in 2026, spread evenly over its days (so every day of the bureau has surveys once
 * N ≥ 365) and at random over the five departments. Out of every 100: 80 answered (75% satisfied, 17% basically
 * satisfied, 8% dissatisfied), 10 expired unanswered, 7 left pending, 3 anonymous without contact (no-contact).
 * Contactable complainants are asked by email (55%) or by phone (45%).
 */
const plan = (n: number): Planned[] => {
  const random = randomSource(n);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const planned: Planned[] = [];
  for (let index = 0; index < n; index += 1) {
    const date = addDays(firstDay, Math.floor((index * daysInYear) / n));
    const minutes = 9 * 60 + Math.floor(random() * 9 * 60);
    const closedAt = new Date(
      `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`,
    );
    const roll = random();
    const fate: Fate = roll < 0.8 ? 'answered' : roll < 0.9 ? 'expired' : roll < 0.97 ? 'pending' : 'no-contact';
    const byEmail = fate !== 'no-contact' && random() < 0.55;
    const caseId = `bench-case-${String(index).padStart(6, '0')}`;
    const contact =
      fate === 'no-contact'
        ? {}
        : byEmail
          ? { email: `complainant${index}@example.com` }
          : { phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}` };
    const created = createSurvey({
      id: `bench-survey-${String(index).padStart(6, '0')}`,
      caseId,
      resultCaseId: caseId,
      unitPath: pick(unitPaths),
      intakePath,
      closedAt: closedAt.toISOString(),
      closedDate: bureauDate(closedAt),
      contact,
      subject: {
        caseNumber: `GL-${year}-${String(index + 1).padStart(6, '0')}`,
        category: pick(categories),
        town: pick(towns),
        publicReply,
      },
      callDueDate: addDays(date, 1),
      now: new Date(closedAt.getTime() + 60_000),
      settings: defaultSurveySettings,
    });
    const satisfactionRoll = random();
    const satisfaction: Satisfaction =
      satisfactionRoll < 0.75 ? 'satisfied' : satisfactionRoll < 0.92 ? 'basically-satisfied' : 'dissatisfied';
    const solvedRoll = random();
    const solved: Solved | undefined =
      solvedRoll < 0.7 ? 'yes' : solvedRoll < 0.85 ? 'partly' : solvedRoll < 0.9 ? 'no' : undefined;
    const comment = random() < 0.2 ? pick(comments) : undefined;
    // By email within a few days of closing; by phone on the day the call is due. Either is before the expiry.
    const answeredAt = byEmail
      ? new Date(closedAt.getTime() + (1 + random() * 5) * 86_400_000)
      : new Date(`${created.callDueDate}T10:30:00+08:00`);
    planned.push({
      created,
      ...(byEmail ? { tokenHash: createHash('sha256').update(`token-${index}`).digest('hex') } : {}),
      fate,
      ...(fate === 'answered'
        ? {
            answer: {
              input: { satisfaction, ...(solved ? { solved } : {}), ...(comment ? { comment } : {}) },
              at: answeredAt,
            },
          }
        : {}),
    });
  }
  return planned;
};

/**
 * The order changes are written in: one survey of each day in turn, so the changes in flight touch different days'
 * counters. (Changes to the same counter item at the same time cancel each other's transactions, which `saveSurvey`
 * reports as a conflict; the app retries those. The few that still happen here are retried and counted.)
 */
const interleavedByDay = (planned: readonly Planned[]): Planned[] => {
  const byDay = new Map<string, Planned[]>();
  for (const item of planned) {
    const day = byDay.get(item.created.closedDate) ?? [];
    day.push(item);
    byDay.set(item.created.closedDate, day);
  }
  const days = [...byDay.values()];
  const ordered: Planned[] = [];
  for (let rank = 0; ordered.length < planned.length; rank += 1) {
    for (const day of days) {
      const item = day[rank];
      if (item) ordered.push(item);
    }
  }
  return ordered;
};

/** What one group of metered calls cost: DynamoDB's capacity units, and the items they read or wrote. */
interface Cost {
  calls: number;
  units: number;
  items: number;
  /** Writes only: counter updates among the items (an `Update` of a `SURVEYSTATS#` item). */
  counterUpdates: number;
  /** Writes only: what the table part of the transaction costs at DynamoDB's published rates (see `tableUnitsOf`). */
  tableUnitsAtAwsRates: number;
}
const noCost = (): Cost => ({ calls: 0, units: 0, items: 0, counterUpdates: 0, tableUnitsAtAwsRates: 0 });

const readCommands = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

type TransactItem = {
  Put?: { Item: Record<string, unknown> };
  Update?: { Key: { pk?: unknown } };
  Delete?: unknown;
};
/** 1 KB units of one item in a transaction, table only: a Put by its item's size; an Update or Delete as ≤ 1 KB. */
const tableUnitsOf = (write: TransactItem) => (write.Put ? Math.ceil(itemSize(write.Put.Item) / 1024) : 1);

/** What a survey change is, for the write table: `created (email)`, `answered (phone)`, `not-evaluated (email)` … */
const changeOf = (items: readonly TransactItem[]): string => {
  const survey = items[0]?.Put?.Item as Partial<Survey> | undefined;
  if (!survey) return 'other';
  return `${survey.version === 1 ? 'created' : survey.status} (${survey.channel})`;
};

/**
 * Meters the app's own calls with DynamoDB's figures: while `on`, every read and write the document client sends asks
 * for ReturnConsumedCapacity TOTAL; reads add their capacity units and the items returned (`Count`, or the items of a
 * Get or BatchGet) to `reads`, and each write transaction its units, items and counter updates to `writes`, by the
 * kind of survey change it is. A middleware on the client's stack (as the sweep benchmark's), so the app's code is
 * measured unchanged. Only calls that succeed are counted (a cancelled transaction throws).
 */
const capacityMeter = (client: DynamoDBDocumentClient) => {
  const meter = { on: false, reads: noCost(), writes: new Map<string, Cost>() };
  type Input = { ReturnConsumedCapacity?: string; TransactItems?: TransactItem[] };
  type Output = {
    ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[];
    Count?: number;
    Item?: unknown;
    Responses?: Record<string, unknown[]> | unknown[];
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const isRead = readCommands.has(command);
      if (!meter.on || !(isRead || command === 'TransactWriteItemsCommand')) return next(args);
      const input = args.input as Input;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as Output;
      const units = [output.ConsumedCapacity ?? []].flat().reduce((sum, used) => sum + (used.CapacityUnits ?? 0), 0);
      if (isRead) {
        const responses = output.Responses ?? [];
        const items =
          output.Count ??
          (command === 'GetItemCommand'
            ? Number(output.Item !== undefined)
            : Object.values(responses).reduce<number>(
                (sum, response) => sum + (Array.isArray(response) ? response.length : 1),
                0,
              ));
        Object.assign(meter.reads, {
          calls: meter.reads.calls + 1,
          units: meter.reads.units + units,
          items: meter.reads.items + items,
        });
      } else {
        const writes = input.TransactItems ?? [];
        const change = changeOf(writes);
        const cost = meter.writes.get(change) ?? noCost();
        cost.calls += 1;
        cost.units += units;
        cost.items += writes.length;
        cost.counterUpdates += writes.filter((write) => String(write.Update?.Key.pk).startsWith('SURVEYSTATS#')).length;
        cost.tableUnitsAtAwsRates += 2 * writes.reduce((sum, write) => sum + tableUnitsOf(write), 0);
        meter.writes.set(change, cost);
      }
      return result;
    },
    { step: 'initialize', name: 'benchSurveysMeter' },
  );
  return meter;
};

type Services = Awaited<ReturnType<typeof loadServices>>;

/** Imported only once the environment points at DynamoDB Local (configuration is read when modules load). */
const loadServices = async () => {
  const [{ saveSurvey }, { SurveyConflictError }, { surveySummary }, { getOrgUnit }, { dynamo }, { seedDemo }] =
    await Promise.all([
      import('#surveys/store/surveys.ts'),
      import('#surveys/store/errors.ts'),
      import('#surveys/services/summary.ts'),
      import('#directory/services/lookup.ts'),
      import('#platform/dynamodb/client.ts'),
      import('../local/seed.ts'),
    ]);
  return { saveSurvey, SurveyConflictError, surveySummary, getOrgUnit, seedDemo, meter: capacityMeter(dynamo()) };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `change` on every item with `writeConcurrency` in flight; a conflict is retried (and counted). */
const writeAll = async <T>(items: readonly T[], change: (item: T) => Promise<void>, services: Services) => {
  let next = 0;
  let retries = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writeConcurrency }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        for (let attempt = 1; ; attempt += 1) {
          try {
            await change(item);
            break;
          } catch (error) {
            if (!(error instanceof services.SurveyConflictError) || attempt >= 10) throw error;
            retries += 1;
            await sleep(5 * attempt);
          }
        }
      }
    }),
  );
  return { ms: performance.now() - started, retries };
};

/** One measured read: the median time of the timed calls, and what one call read (the same each time). */
interface Read {
  readonly ms: number;
  readonly units: number;
  readonly items: number;
  readonly calls: number;
}

interface Measured {
  readonly period: Period;
  /** Surveys of the unit closed in the period, and the days among them, as seeded (the bench's own count). */
  readonly surveys: number;
  readonly days: number;
  /** Surveys of every unit closed in the months the period touches: what a recount must read. */
  readonly surveysOfMonths: number;
  readonly summary: Read;
  readonly recount: Read;
  readonly daysRead: number;
  readonly surveysRead: number;
  readonly problems: readonly string[];
}

interface Round {
  readonly n: number;
  readonly createMs: number;
  readonly changeMs: number;
  readonly changes: number;
  readonly retries: number;
  readonly writes: ReadonlyMap<string, Cost>;
  readonly measured: readonly Measured[];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Calls `read` once untimed, then `repeats` times metered; each call starts with the unit's cache warm. */
const measure = async <T>(services: Services, unit: string, repeats: number, read: () => Promise<T>) => {
  await read();
  const times: number[] = [];
  let result: T | undefined;
  let cost = noCost();
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    // The unit is read through the directory's one-minute cache: renewed here, unmetered, so each metered call reads
    // only what the summary itself reads.
    await services.getOrgUnit(unit);
    services.meter.reads = noCost();
    services.meter.on = true;
    const started = performance.now();
    try {
      result = await read();
    } finally {
      services.meter.on = false;
    }
    times.push(performance.now() - started);
    cost = services.meter.reads;
  }
  return { result: result as T, read: { ms: median(times), units: cost.units, items: cost.items, calls: cost.calls } };
};

const countsDiffer = (a: SurveyCounts, b: SurveyCounts): string[] =>
  counterNames.filter((name: CounterName) => a[name] !== b[name]).map((name) => `${name} ${a[name]}≠${b[name]}`);

const measurePeriod = async (services: Services, finals: readonly Survey[], period: Period): Promise<Measured> => {
  const inPeriod = finals.filter(
    (survey) =>
      survey.closedDate >= period.from && survey.closedDate <= period.to && survey.unitPath.includes(period.unit),
  );
  const expected = tally(inPeriod);
  const days = new Set(inPeriod.map((survey) => survey.closedDate)).size;
  const [firstMonth, lastMonth] = [period.from.slice(0, 7), period.to.slice(0, 7)];
  const surveysOfMonths = finals.filter(
    (survey) => survey.closedDate.slice(0, 7) >= firstMonth && survey.closedDate.slice(0, 7) <= lastMonth,
  ).length;
  const query = { unit: period.unit, from: period.from, to: period.to };
  const summary = await measure(services, period.unit, summaryRepeats, () => services.surveySummary(query, supervisor));
  const recount = await measure(services, period.unit, recountRepeats, () =>
    services.surveySummary({ ...query, recount: 'true' }, supervisor),
  );
  const recounted = recount.result.recount;
  const label = period.label;
  const problems = [
    ...countsDiffer(summary.result.counts, expected).map((diff) => `${label}: summary ≠ the surveys seeded: ${diff}`),
    ...(recounted
      ? [
          ...countsDiffer(summary.result.counts, recounted.counts).map(
            (diff) => `${label}: summary ≠ recount: ${diff}`,
          ),
          ...(recounted.matches ? [] : [`${label}: the recount says it does not match`]),
          ...(recounted.surveysRead === inPeriod.length
            ? []
            : [`${label}: the recount tallied ${recounted.surveysRead} surveys, ${inPeriod.length} were seeded`]),
        ]
      : [`${label}: no recount in the answer`]),
    ...(summary.read.items === days
      ? []
      : [`${label}: the summary read ${summary.read.items} items for ${days} days with surveys`]),
    ...(summary.result.daysRead === days ? [] : [`${label}: daysRead ${summary.result.daysRead}, ${days} days`]),
  ];
  return {
    period,
    surveys: inPeriod.length,
    days,
    surveysOfMonths,
    summary: summary.read,
    recount: recount.read,
    daysRead: summary.result.daysRead,
    surveysRead: recounted?.surveysRead ?? 0,
    problems,
  };
};

const round = async (services: Services, admin: DynamoDBClient, n: number): Promise<Round> => {
  const table = `bench-surveys-${n}-${Date.now()}`;
  await admin.send(new CreateTableCommand(createTableInput(tables.main, table)));
  process.env[tables.main.envVar] = table;
  try {
    await services.seedDemo();
    const planned = interleavedByDay(plan(n));
    const { meter } = services;
    meter.writes = new Map();
    meter.on = true;
    let created: Awaited<ReturnType<typeof writeAll>>;
    let changed: Awaited<ReturnType<typeof writeAll>>;
    const finals: Survey[] = [];
    try {
      // Created as the app creates them: with the email's token and the link from the complainant's case.
      created = await writeAll(
        planned,
        (item) =>
          services.saveSurvey(undefined, item.created, {
            ...(item.tokenHash ? { tokenHash: item.tokenHash } : {}),
            linkedCases: [item.created.caseId, item.created.resultCaseId],
          }),
        services,
      );
      const changes = planned.flatMap((item) => {
        const { created: survey, fate, answer } = item;
        if (fate === 'answered' && answer) {
          const by = survey.channel === 'email' ? { username: '投诉人', via: 'email' as const } : operator;
          return [[survey, answerSurvey(survey, answer.input, by, answer.at)] as const];
        }
        if (fate === 'expired') return [[survey, expireSurvey(survey, new Date(survey.expiresAt))] as const];
        finals.push(survey);
        return [];
      });
      for (const [, after] of changes) finals.push(after);
      changed = await writeAll(changes, ([before, after]) => services.saveSurvey(before, after), services);
    } finally {
      meter.on = false;
    }
    const measured: Measured[] = [];
    for (const period of periods) measured.push(await measurePeriod(services, finals, period));
    return {
      n,
      createMs: created.ms,
      changeMs: changed.ms,
      changes: finals.filter((survey) => survey.version > 1).length,
      retries: created.retries + changed.retries,
      writes: new Map(meter.writes),
      measured,
    };
  } finally {
    // Frees the JVM's memory before the next size.
    await admin.send(new DeleteTableCommand({ TableName: table }));
  }
};

const count = (value: number) => value.toLocaleString('en-US');
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints a table: the first columns left-aligned up to `left`, the others right-aligned (as bench/sweep.ts). */
const printTable = <T>(columns: readonly (readonly [string, (row: T) => string])[], rows: readonly T[], left = 1) => {
  const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], index) =>
    Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => (index < left ? value.padEnd(widths[index] ?? 0) : value.padStart(widths[index] ?? 0)))
      .join('  ');
  console.log(line(columns.map(([title]) => title)));
  for (const row of cells) console.log(line(row));
};

const changeOrder = [
  'created (email)',
  'created (phone)',
  'created (none)',
  'answered (email)',
  'answered (phone)',
  'not-evaluated (email)',
  'not-evaluated (phone)',
];

const printResults = (rows: readonly Round[]) => {
  console.log('\nseeding (createSurvey, then answerSurvey / expireSurvey; each change one saveSurvey transaction):');
  for (const row of rows) {
    console.log(
      `  N=${count(row.n)}: ${count(row.n)} created in ${seconds(row.createMs)} ` +
        `(${count(Math.round(row.n / (row.createMs / 1000)))}/s), ${count(row.changes)} answered or expired in ` +
        `${seconds(row.changeMs)} (${count(Math.round(row.changes / (row.changeMs / 1000)))}/s), ` +
        `${row.retries} conflicts retried`,
    );
  }

  const last = rows.at(-1);
  if (last) {
    console.log(`\nwhat one survey change writes (N=${count(last.n)}; a 3-unit path, so 3 counter items):`);
    printTable<readonly [string, Cost]>(
      [
        ['change', ([change]) => change],
        ['transactions', ([, cost]) => String(cost.calls)],
        ['items/change', ([, cost]) => fixed(cost.items / cost.calls, 2)],
        ['counter updates/change', ([, cost]) => fixed(cost.counterUpdates / cost.calls, 2)],
        ['WCU/change (Local)', ([, cost]) => fixed(cost.units / cost.calls, 2)],
        ['table WCU/change at AWS rates', ([, cost]) => fixed(cost.tableUnitsAtAwsRates / cost.calls, 2)],
      ],
      [...last.writes.entries()].sort(
        ([a], [b]) =>
          (changeOrder.indexOf(a) + 1 || changeOrder.length + 1) -
          (changeOrder.indexOf(b) + 1 || changeOrder.length + 1),
      ),
    );
  }

  console.log(
    '\nsurvey summary (counters) against its recount (the same service with recount: the surveys), ' +
      'DynamoDB Local in memory, same run',
  );
  type Row = Measured & { readonly n: number };
  printTable<Row>(
    [
      ['N', (row) => String(row.n)],
      ['period', (row) => row.period.label],
      ['surveys', (row) => String(row.surveys)],
      ['days', (row) => String(row.days)],
      ['summary items', (row) => String(row.summary.items)],
      ['summary RCU', (row) => fixed(row.summary.units, 1)],
      ['summary ms', (row) => fixed(row.summary.ms, 1)],
      ['recount items', (row) => String(row.recount.items)],
      ['recount RCU', (row) => fixed(row.recount.units, 1)],
      ['recount ms', (row) => fixed(row.recount.ms, 1)],
      ['items ÷', (row) => fixed(row.summary.items / row.recount.items, 4)],
      ['RCU ÷', (row) => fixed(row.summary.units / row.recount.units, 4)],
      ['time ÷', (row) => fixed(row.summary.ms / row.recount.ms, 3)],
      ['agree', (row) => (row.problems.length === 0 ? 'yes' : 'NO')],
    ],
    rows.flatMap((row) => row.measured.map((measured) => ({ ...measured, n: row.n }))),
    2,
  );

  const [baseline, ...larger] = rows;
  if (!baseline) return;
  for (const row of larger) {
    console.log(`growth ${count(baseline.n)}→${count(row.n)} (N ×${fixed(row.n / baseline.n, 1)}), per period:`);
    for (const [index, measured] of row.measured.entries()) {
      const base = baseline.measured[index];
      if (!base) continue;
      console.log(
        `  ${measured.period.label}: summary items ×${fixed(measured.summary.items / base.summary.items, 2)}, ` +
          `RCU ×${fixed(measured.summary.units / base.summary.units, 2)}, ` +
          `time ×${fixed(measured.summary.ms / base.summary.ms, 2)}; ` +
          `recount items ×${fixed(measured.recount.items / base.recount.items, 2)}, ` +
          `RCU ×${fixed(measured.recount.units / base.recount.units, 2)}, ` +
          `time ×${fixed(measured.recount.ms / base.recount.ms, 2)}`,
      );
    }
  }
  for (const row of rows) {
    for (const measured of row.measured) {
      console.log(
        `  N=${count(row.n)}, ${measured.period.label}: the summary read ${measured.summary.items} counter items ` +
          `in ${measured.summary.calls} call(s) (daysRead ${measured.daysRead}); the recount read ` +
          `${count(measured.recount.items)} items in ${measured.recount.calls} calls — the counters again and the ` +
          `${count(measured.surveysOfMonths)} surveys of every unit closed in its months — and tallied ` +
          `${count(measured.surveysRead)} of them`,
      );
    }
  }
};

/** Figures that contradict the design: counters that disagree with the surveys, or a change that misses a unit. */
const problemsOf = (row: Round): string[] => [
  ...row.measured.flatMap((measured) => measured.problems.map((problem) => `N=${row.n}, ${problem}`)),
  ...[...row.writes.entries()]
    .filter(([, cost]) => cost.counterUpdates !== 3 * cost.calls)
    .map(([change, cost]) => `N=${row.n}, ${change}: ${cost.counterUpdates} counter updates in ${cost.calls} changes`),
];

export const runSurveysBenchmark = async (options: { sizes: readonly number[] }): Promise<boolean> => {
  const started = performance.now();
  return withBenchDynamoDb('bench-surveys-unset', async ({ endpoint, admin }) => {
    const services = await loadServices();
    console.log(`DynamoDB Local on ${endpoint}; surveys closed in ${year}; sizes ${options.sizes.join(', ')}`);
    const rows: Round[] = [];
    for (const n of options.sizes) {
      process.stdout.write(`N=${count(n)}: seeding … `);
      const row = await round(services, admin, n);
      console.log(`seeded in ${seconds(row.createMs + row.changeMs)}`);
      rows.push(row);
    }
    printResults(rows);
    const problems = rows.flatMap(problemsOf);
    for (const problem of problems) console.log(`UNEXPECTED: ${problem}`);
    console.log(`\nsurveys benchmark took ${seconds(performance.now() - started)} in all`);
    return problems.length === 0;
  });
};
