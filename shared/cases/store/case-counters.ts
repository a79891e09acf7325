/**
 * The case counters (rules: `#statistics/domain/counters.ts`), kept by the writes of this store: every transaction
 * that stores or changes a case adds what the change adds to each counter, so they never drift from the cases.
 *
 * Keys (access pattern → key):
 * - a unit's figures for a period, by received day or finished day → pk `STATS#<unit>`, sk `R#<date>` / `F#<date>`
 *   (one Query between two dates: one item per day that had cases)
 * - a unit's open cases by colour and state → pk `STATS#<unit>`, sk `OPEN` (one GetItem)
 * Each figure is an attribute of its bucket's item (`closed|channel=hotline`), advanced by `ADD`.
 *
 * Errors: anything the SDK throws leaves as a PersistenceError naming the operation, with the SDK's error as `cause`.
 */
import { GetCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '#cases/domain/case.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { type Bucket, type CounterCell, counterDelta } from '#statistics/domain/counters.ts';

const statsKey = (unitId: string, bucket: Bucket) => ({ pk: `STATS#${unitId}`, sk: bucket });

/** The figures of one bucket of a unit, by name. */
export interface CounterBucket {
  readonly unitId: string;
  readonly bucket: Bucket;
  readonly figures: Readonly<Record<string, number>>;
}

/** The UpdateItem of one bucket that adds `cells` (all of that unit and bucket). */
const addTo = (unitId: string, bucket: Bucket, cells: readonly CounterCell[]) => {
  const names: Record<string, string> = { '#type': 'type', '#unit': 'unitId', '#bucket': 'bucket' };
  const values: Record<string, unknown> = { ':type': 'counters', ':unit': unitId, ':bucket': bucket };
  const adds = cells.map((cell, index) => {
    names[`#f${index}`] = cell.name;
    values[`:f${index}`] = cell.value;
    return `#f${index} :f${index}`;
  });
  return {
    TableName: tableName('main'),
    Key: statsKey(unitId, bucket),
    UpdateExpression: `SET #type = :type, #unit = :unit, #bucket = :bucket ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

const byItem = (cells: readonly CounterCell[]) => {
  const items = new Map<string, { unitId: string; bucket: Bucket; cells: CounterCell[] }>();
  for (const cell of cells) {
    const key = `${cell.unitId}\u0000${cell.bucket}`;
    const item = items.get(key) ?? { unitId: cell.unitId, bucket: cell.bucket, cells: [] };
    item.cells.push(cell);
    items.set(key, item);
  }
  return [...items.values()];
};

/** The updates a transaction that changes these cases must carry: one per unit and bucket whose figures change. */
export const counterWrites = (changes: readonly { readonly before?: Case; readonly after: Case }[]) =>
  byItem(counterDelta(changes)).map(({ unitId, bucket, cells }) => ({ Update: addTo(unitId, bucket, cells) }));

const toBucket = (item: Record<string, unknown>): CounterBucket => {
  const { unitId, bucket, ...figures } = withoutKeys<Record<string, unknown>>(item);
  return { unitId: String(unitId), bucket: bucket as Bucket, figures: figures as Record<string, number> };
};

/** The buckets of a unit from `from` to `to` (inclusive, e.g. `R#2026-01-01` to `R#2026-12-31`). */
export const readCounterBuckets = async (unitId: string, from: Bucket, to: Bucket): Promise<CounterBucket[]> => {
  const buckets: CounterBucket[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await translateSdkErrors(`读取单位 ${unitId} 的统计`, () =>
      dynamo().send(
        new QueryCommand({
          TableName: tableName('main'),
          KeyConditionExpression: 'pk = :pk and sk between :from and :to',
          ExpressionAttributeValues: { ':pk': `STATS#${unitId}`, ':from': from, ':to': to },
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    buckets.push(...(page.Items ?? []).map(toBucket));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return buckets;
};

/** A unit's open cases by colour and state. */
export const readOpenCounters = async (unitId: string): Promise<CounterBucket> => {
  const { Item } = await translateSdkErrors(`读取单位 ${unitId} 的在办统计`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: statsKey(unitId, 'OPEN') })),
  );
  return Item ? toBucket(Item) : { unitId, bucket: 'OPEN', figures: {} };
};

/** Adds `cells` to the counters outside any case change: a repair by reconciliation. */
export const adjustCounters = async (cells: readonly CounterCell[]): Promise<void> => {
  for (const { unitId, bucket, cells: own } of byItem(cells)) {
    // A bucket holds at most a few hundred figures; an update's expression stays well within DynamoDB's 4 KB limit
    // in slices of 50.
    for (let start = 0; start < own.length; start += 50) {
      await translateSdkErrors(`修正单位 ${unitId} 的统计`, () =>
        dynamo().send(new UpdateCommand(addTo(unitId, bucket, own.slice(start, start + 50)))),
      );
    }
  }
};

/** What a full read of the table cost: the items DynamoDB read and the read capacity it used (its own figures). */
export interface ScanTotals {
  readonly itemsRead: number;
  readonly capacityUnits: number;
}

/** Where a full read hands each case and each counter bucket, page by page, as they arrive. */
export interface ScanVisitor {
  readonly case: (item: Case) => void;
  readonly counters: (bucket: CounterBucket) => void;
}

/**
 * Reads every case and every counter bucket, for a recount: a Scan of the whole table (reconciliation and the
 * benchmark's baseline only — statistics never scan), in `segments` parallel segments with `inFlight` requests at a
 * time. Each page goes to `visit` as it arrives, so no more than a page per request in flight is held: the caller
 * keeps what it needs (a recount keeps sums, not cases). Segments also keep DynamoDB Local near linear: it re-sorts
 * the rest of a segment for every page, so one segment over 72,000 items took 56–88 s, and 73 took 4.5 s.
 */
export const scanCasesAndCounters = async (
  visit: ScanVisitor,
  { segments = 16, inFlight = 8 }: { segments?: number; inFlight?: number } = {},
): Promise<ScanTotals> => {
  let itemsRead = 0;
  let capacityUnits = 0;
  let nextSegment = 0;
  const readSegment = async (segment: number) => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await translateSdkErrors('重新统计：读取全部事项', () =>
        dynamo().send(
          new ScanCommand({
            TableName: tableName('main'),
            FilterExpression: '#type = :case or #type = :counters',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':case': 'case', ':counters': 'counters' },
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: startKey,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        ),
      );
      itemsRead += page.ScannedCount ?? 0;
      capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const item of page.Items ?? []) {
        if (item.type === 'case') visit.case(withoutKeys<Case>(item));
        else visit.counters(toBucket(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  };
  await Promise.all(
    Array.from({ length: Math.min(inFlight, segments) }, async () => {
      while (nextSegment < segments) {
        const segment = nextSegment;
        nextSegment += 1;
        await readSegment(segment);
      }
    }),
  );
  return { itemsRead, capacityUnits };
};
