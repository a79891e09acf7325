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
 */
import { isDeepStrictEqual } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '#cases/domain/case.ts';
import { type CaseSummary, summarise } from '#cases/domain/case-summary.ts';
import { scopeUnitIds } from '#cases/domain/workflow.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

interface Entry {
  readonly sk: string;
  readonly gsi1pk: string;
}

const entriesOf = (item: Case): Entry[] => [
  ...scopeUnitIds(item).map((unitId) => ({ sk: `ENTRY#SCOPE#${unitId}`, gsi1pk: `SCOPE#${unitId}` })),
  ...(item.assignment
    ? [
        { sk: 'ENTRY#RESPONSIBLE', gsi1pk: `RESPONSIBLE#${item.assignment.responsibleUsername}` },
        { sk: 'ENTRY#LEAD', gsi1pk: `LEAD#${item.assignment.leadUsername}` },
      ]
    : []),
];

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
          gsi1sk: `${after.receivedAt}#${after.id}`,
          ...summary,
        },
      },
    })),
  ];
};

export type { CaseSummary };

export interface EntryQuery {
  /** The gsi1 partition: `SCOPE#<unit>`, `RESPONSIBLE#<username>` or `LEAD#<username>`. */
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
}

export interface EntryPage {
  readonly items: CaseSummary[];
  readonly cursor?: Record<string, unknown>;
}

/** Reads at most this many index pages per request, so a sparse filter cannot make one request slow. */
const maxPagesPerRequest = 5;

/** Newest first. Filters run on the index's items; the key condition bounds what is read. */
export const queryEntries = async (query: EntryQuery): Promise<EntryPage> => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': query.partition };
  const filters: string[] = [];
  let keyCondition = 'gsi1pk = :pk';
  if (query.receivedFrom || query.receivedTo) {
    values[':from'] = query.receivedFrom ?? '0';
    // The sort key is `<receivedAt>#<id>`: a high character after the instant includes every id received then.
    values[':to'] = `${query.receivedTo ?? '9999'}~`;
    keyCondition += ' and gsi1sk between :from and :to';
  }
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

  const items: CaseSummary[] = [];
  let cursor = query.cursor;
  for (let page = 0; page < maxPagesPerRequest && items.length < query.limit; page += 1) {
    const result = await translateSdkErrors('读取事项列表', () =>
      dynamo().send(
        new QueryCommand({
          TableName: tableName('main'),
          IndexName: 'gsi1',
          KeyConditionExpression: keyCondition,
          ...(filters.length > 0 ? { FilterExpression: filters.join(' and ') } : {}),
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: query.limit - items.length,
          ExclusiveStartKey: cursor,
        }),
      ),
    );
    items.push(...(result.Items ?? []).map((item) => withoutKeys<CaseSummary>(item)));
    cursor = result.LastEvaluatedKey;
    if (!cursor) break;
  }
  return { items, ...(cursor ? { cursor } : {}) };
};

/** Every entry a query matches, page after page (for the ledger, which counts all of a unit's cases). */
export const queryAllEntries = async (query: Omit<EntryQuery, 'limit' | 'cursor'>): Promise<CaseSummary[]> => {
  const items: CaseSummary[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await queryEntries({ ...query, limit: 1000, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
};
