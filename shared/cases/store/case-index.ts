/**
 * Listing entries: small copies of a case's summary, one per way the case is looked up, kept in the same transaction
 * as the case so lists are never stale. A change rewrites them only when something they show changed (state, colour,
 * deadline, assignment …): six entries cost more to write than the case itself, and most of the nightly check's
 * escalations change nothing a list shows. So an entry's `version` is the case's version when its summary last
 * changed, which can be behind the case's own; act on a case with the version read from the case, not from a list.
 *
 * Keys (access pattern → key), all under the case's own partition so they go with it:
 * - cases visible to a unit (the unit and every unit below it) by received time → pk `CASE#<id>`,
 *   sk `ENTRY#SCOPE#<unitId>`, gsi1pk `SCOPE#<unitId>`, gsi1sk `<receivedAt>#<id>`; one entry for each unit on the case's
 *   path and on its department's path
 * - a responsible person's cases ("my work") → sk `ENTRY#RESPONSIBLE`, gsi1pk `RESPONSIBLE#<username>`
 * - a lead official's cases → sk `ENTRY#LEAD`, gsi1pk `LEAD#<username>`
 * - the cases behind a colour of a unit's four-colour ledger, on the scope entries of the units that hold the case (the
 *   holding unit and those above it) → gsi2pk `LEDGER#<unitId>#<colour>`, gsi2sk `<dueAt>#<id>` for red, yellow and
 *   blue (most urgent first; `9999` when no clock runs), `<finishedAt>#<id>` for green (read newest first); merged
 *   duplicates carry none. So the ledger reads the cases it shows, not every case the unit ever had.
 * - the cases about an enterprise (a complaint naming it as the source, its help plan) → sk `ENTRY#FIRM`,
 *   gsi1pk `FIRM#<uscc>`, by received time
 * - rectification problems whose look-back (回头看) is due, by due day → sk `ENTRY#LOOKBACK`, gsi1pk `LOOKBACK`,
 *   gsi1sk `<dueDate>#<id>`; only while the problem is struck off and its look-back not yet done, so the list reads
 *   the look-backs pending, never the problems done with
 */
import { isDeepStrictEqual } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Case, holderPathOf } from '#cases/domain/case.ts';
import { type CaseSummary, enterpriseOf, ledgerColourOf, summarise } from '#cases/domain/case-summary.ts';
import { scopeUnitIds } from '#cases/domain/workflow.ts';
import type { ProgressColour } from '#deadlines/domain/clocks.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

interface Entry {
  readonly sk: string;
  readonly gsi1pk: string;
  /** The sort key, when not the received time. */
  readonly gsi1sk?: string;
  /** For a scope entry: the unit whose ledger it may appear on. */
  readonly unitId?: string;
}

const entriesOf = (item: Case): Entry[] => [
  ...scopeUnitIds(item).map((unitId) => ({ sk: `ENTRY#SCOPE#${unitId}`, gsi1pk: `SCOPE#${unitId}`, unitId })),
  ...(item.assignment
    ? [
        { sk: 'ENTRY#RESPONSIBLE', gsi1pk: `RESPONSIBLE#${item.assignment.responsibleUsername}` },
        { sk: 'ENTRY#LEAD', gsi1pk: `LEAD#${item.assignment.leadUsername}` },
      ]
    : []),
  ...firmEntries(item),
  ...lookBackEntries(item),
];

/** The gsi1 partition of the cases about an enterprise. */
export const firmPartition = (uscc: string) => `FIRM#${uscc}`;

const firmEntries = (item: Case): Entry[] => {
  const uscc = enterpriseOf(item);
  return uscc ? [{ sk: 'ENTRY#FIRM', gsi1pk: firmPartition(uscc) }] : [];
};

/** The look-backs pending, by due day (see the keys above). */
export const lookBacksDuePartition = 'LOOKBACK';

const lookBackEntries = (item: Case): Entry[] => {
  const due = summarise(item).lookBackDue;
  return due ? [{ sk: 'ENTRY#LOOKBACK', gsi1pk: lookBacksDuePartition, gsi1sk: `${due}#${item.id}` }] : [];
};

/** What an entry shows: the summary without the version, which every write moves (see above). */
const listed = (item: Case) => {
  const { version: _version, ...shown } = summarise(item);
  return shown;
};

/**
 * The transaction items that bring a case's listing entries from `before` (absent for a new case) to `after`: Deletes
 * for the entries `after` no longer has, and Puts for the entries it has when what they show changed (or their index
 * key did, or they are new) — none when nothing they show changed, e.g. when only the next check time moved. Whole
 * Puts, not UpdateItems of the changed attributes: DynamoDB bills an update by the larger of the item before and
 * after, not by what it sends, so an update would cost the same and could not repair an entry that had drifted.
 */
export const entryWrites = (before: Case | undefined, after: Case) => {
  const table = tableName('main');
  const next = entriesOf(after);
  const previous = before ? entriesOf(before) : [];
  const stale = previous.filter((entry) => !next.some((kept) => kept.sk === entry.sk));
  const shownChanged = !before || !isDeepStrictEqual(listed(before), listed(after));
  const changed = next.filter(
    (entry) => shownChanged || previous.find((old) => old.sk === entry.sk)?.gsi1pk !== entry.gsi1pk,
  );
  const summary = summarise(after);
  const holders = holderPathOf(after);
  return [
    ...stale.map((entry) => ({ Delete: { TableName: table, Key: { pk: `CASE#${after.id}`, sk: entry.sk } } })),
    ...changed.map((entry) => ({
      Put: {
        TableName: table,
        Item: {
          pk: `CASE#${after.id}`,
          sk: entry.sk,
          type: 'entry',
          gsi1pk: entry.gsi1pk,
          gsi1sk: entry.gsi1sk ?? `${after.receivedAt}#${after.id}`,
          ...(entry.unitId && holders.includes(entry.unitId) ? ledgerKeys(entry.unitId, summary) : {}),
          ...summary,
        },
      },
    })),
  ];
};

/** Where a scope entry of a unit holding the case stands on that unit's ledger (see the keys above). */
const ledgerKeys = (unitId: string, summary: CaseSummary) => {
  const colour = ledgerColourOf(summary);
  if (!colour) return {};
  const order = colour === 'green' ? summary.finishedAt : (summary.dueAt ?? '9999');
  return { gsi2pk: ledgerPartition(unitId, colour), gsi2sk: `${order}#${summary.id}` };
};

const ledgerPartition = (unitId: string, colour: ProgressColour) => `LEDGER#${unitId}#${colour}`;

export type { CaseSummary };

export interface EntryQuery {
  /** The gsi1 partition: `SCOPE#<unit>`, `RESPONSIBLE#<username>`, `LEAD#<username>` or `FIRM#<uscc>`. */
  readonly partition: string;
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  /** Attribute equality filters on the summary (state, kind, category, channel, responsibleUsername …). */
  readonly equals?: Readonly<Record<string, string | undefined>>;
  /** Only states in this list. */
  readonly states?: readonly string[];
  /** Only entries visible to this unit. */
  readonly visibleTo?: string;
  readonly limit: number;
  readonly cursor?: Record<string, unknown>;
  /** Read in ascending sort-key order (default: newest first). */
  readonly ascending?: boolean;
}

export interface EntryPage {
  readonly items: CaseSummary[];
  readonly cursor?: Record<string, unknown>;
}

/** Reads at most this many index pages per request, so a sparse filter cannot make one request slow. */
const maxPagesPerRequest = 5;

type Filters = Pick<EntryQuery, 'equals' | 'states' | 'visibleTo'>;

/** The filter expression of a query's attribute filters, with its names and values (none when nothing filters). */
const filterOf = (query: Filters, names: Record<string, string>, values: Record<string, unknown>) => {
  const filters: string[] = [];
  for (const [attribute, value] of Object.entries(query.equals ?? {})) {
    if (value === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    filters.push(`#${attribute} = :${attribute}`);
  }
  if (query.states && query.states.length > 0) {
    names['#state'] = 'state';
    const placeholders = query.states.map((state, index) => {
      values[`:state${index}`] = state;
      return `:state${index}`;
    });
    filters.push(`#state in (${placeholders.join(', ')})`);
  }
  if (query.visibleTo) {
    values[':visibleTo'] = query.visibleTo;
    filters.push('contains(scopeUnitIds, :visibleTo)');
  }
  return {
    ...(filters.length > 0 ? { FilterExpression: filters.join(' and ') } : {}),
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  };
};

interface IndexRead {
  readonly IndexName: 'gsi1' | 'gsi2';
  readonly KeyConditionExpression: string;
  readonly ScanIndexForward: boolean;
}

/**
 * Reads index pages until `limit` entries passed the filters, the index has no more, or `maxPagesPerRequest` pages were
 * read; with the items DynamoDB read to find them.
 */
const readIndexPages = async (
  read: IndexRead & ReturnType<typeof filterOf>,
  limit: number,
  startKey: Record<string, unknown> | undefined,
) => {
  const items: CaseSummary[] = [];
  let cursor = startKey;
  let itemsRead = 0;
  for (let page = 0; page < maxPagesPerRequest && items.length < limit; page += 1) {
    const result = await translateSdkErrors('读取事项列表', () =>
      dynamo().send(
        new QueryCommand({
          TableName: tableName('main'),
          ...read,
          Limit: limit - items.length,
          ExclusiveStartKey: cursor,
        }),
      ),
    );
    items.push(...(result.Items ?? []).map((item) => withoutKeys<CaseSummary>(item)));
    itemsRead += result.ScannedCount ?? 0;
    cursor = result.LastEvaluatedKey;
    if (!cursor) break;
  }
  return { items, itemsRead, ...(cursor ? { cursor } : {}) };
};

/** Newest first (unless `ascending`). Filters run on the index's items; the key condition bounds what is read. */
export const queryEntries = async (query: EntryQuery): Promise<EntryPage> => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': query.partition };
  let keyCondition = 'gsi1pk = :pk';
  if (query.receivedFrom || query.receivedTo) {
    values[':from'] = query.receivedFrom ?? '0';
    // The sort key is `<receivedAt>#<id>`: a high character after the instant includes every id received then.
    values[':to'] = `${query.receivedTo ?? '9999'}~`;
    keyCondition += ' and gsi1sk between :from and :to';
  }
  const { items, cursor } = await readIndexPages(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: keyCondition,
      ScanIndexForward: query.ascending ?? false,
      ...filterOf(query, names, values),
    },
    query.limit,
    query.cursor,
  );
  return { items, ...(cursor ? { cursor } : {}) };
};

export interface LedgerEntryQuery extends Pick<EntryQuery, 'equals'> {
  readonly unitId: string;
  readonly colour: ProgressColour;
  /** Green only: the cases finished at or after this instant. */
  readonly finishedSince?: string;
  readonly limit: number;
}

/**
 * The cases behind one colour of a unit's ledger, most urgent first (green: latest finished first), at most `limit`;
 * with the number of index items read to find them.
 */
export const queryLedgerEntries = async (
  query: LedgerEntryQuery,
): Promise<{ items: CaseSummary[]; itemsRead: number }> => {
  if (query.limit === 0) return { items: [], itemsRead: 0 };
  const green = query.colour === 'green';
  const values: Record<string, unknown> = { ':pk': ledgerPartition(query.unitId, query.colour) };
  let keyCondition = 'gsi2pk = :pk';
  if (green && query.finishedSince) {
    values[':since'] = query.finishedSince;
    keyCondition += ' and gsi2sk >= :since';
  }
  const { items, itemsRead } = await readIndexPages(
    {
      IndexName: 'gsi2',
      KeyConditionExpression: keyCondition,
      ScanIndexForward: !green,
      ...filterOf(query, {}, values),
    },
    query.limit,
    undefined,
  );
  return { items, itemsRead };
};
