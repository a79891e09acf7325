import { type CaseListQuery, openStates, periodBound } from '#cases/domain/case-query.ts';
import { type CaseSummary, type EntryPage, firmPartition, queryEntries } from '#cases/store/case-index.ts';
import { requireInScope } from '#directory/domain/scope.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';

export interface CaseList {
  readonly items: readonly CaseSummary[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

const encodeCursor = (cursor: Record<string, unknown> | undefined) =>
  cursor ? Buffer.from(JSON.stringify(cursor)).toString('base64url') : undefined;

const cursorKeys = ['gsi1pk', 'gsi1sk', 'pk', 'sk'];

/**
 * The key a previous page ended at, checked against the query it continues: exactly the index's key attributes, of the
 * same partition and within the same period. DynamoDB answers a key of another partition with an error, which a
 * tampered cursor must not turn into a 500.
 */
const decodeCursor = (
  cursor: string | undefined,
  continues: { partition: string; receivedFrom?: string; receivedTo?: string },
): Record<string, string> | undefined => {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const key = decoded as Record<string, unknown> | undefined;
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.keys(key).sort().join() === cursorKeys.join() &&
    Object.values(key).every((value) => typeof value === 'string') &&
    key.gsi1pk === continues.partition &&
    (!continues.receivedFrom || (key.gsi1sk as string) >= continues.receivedFrom) &&
    (!continues.receivedTo || (key.gsi1sk as string) <= `${continues.receivedTo}~`);
  if (!valid) throw new ValidationError([{ path: 'cursor', message: '分页游标无效或不属于本次查询' }]);
  return key as Record<string, string>;
};

const toList = (page: EntryPage): CaseList => {
  const nextCursor = encodeCursor(page.cursor);
  return { items: page.items, ...(nextCursor ? { nextCursor } : {}) };
};

/**
 * Cases of a unit and the units below it (default: the caller's unit), of one responsible person, or about one
 * enterprise (those of them the unit may see), newest first.
 * Served by gsi1 listing entries; the unit asked for must lie within the caller's scope.
 */
export const listCases = async (
  query: CaseListQuery,
  principal: Principal,
  /** Further equality filters on the listing entries (a rectification problem's `source`, `band`, `colour`). */
  more: Readonly<Record<string, string | undefined>> = {},
): Promise<CaseList> => {
  const receivedFrom = periodBound(query.receivedFrom, 'from');
  const receivedTo = periodBound(query.receivedTo, 'to');
  const byFirm = Boolean(query.uscc);
  const byAssignee = Boolean(query.assignee && !query.unit && !byFirm);
  const unitId = query.unit ?? principal.unitId;
  const partition = query.uscc
    ? firmPartition(query.uscc)
    : byAssignee
      ? `RESPONSIBLE#${query.assignee}`
      : `SCOPE#${unitId}`;
  const common = {
    partition,
    receivedFrom,
    receivedTo,
    equals: { state: query.state, kind: query.kind, category: query.category, channel: query.channel, ...more },
    limit: query.limit,
    cursor: decodeCursor(query.cursor, { partition, receivedFrom, receivedTo }),
  };
  if (byAssignee) return toList(await queryEntries({ ...common, visibleTo: principal.unitId }));
  if (unitId !== principal.unitId) {
    const unit = await getOrgUnit(unitId);
    requireInScope(unit.path, principal, '所查单位不在您的管辖范围内');
  }
  return toList(
    await queryEntries({
      ...common,
      equals: { ...common.equals, responsibleUsername: query.assignee },
      // A firm's cases come from every unit: only those visible to the unit asked for.
      ...(byFirm ? { visibleTo: unitId } : {}),
    }),
  );
};

export interface MyWork {
  /** Open cases where the caller is the responsible person. */
  readonly responsible: readonly CaseSummary[];
  /** Open cases where the caller is the lead official. */
  readonly lead: readonly CaseSummary[];
  /** Cases assigned to the caller's department and not yet signed for (handlers). */
  readonly awaitingSignature: readonly CaseSummary[];
  /** Cases waiting for the petition office (dispatchers): new and returned. */
  readonly awaitingDispatch: readonly CaseSummary[];
}

const pageSize = 100;

/** The "my work" view: what waits for the caller, by the roles they hold. */
export const myWork = async (principal: Principal): Promise<MyWork> => {
  const has = (role: Principal['roles'][number]) => principal.roles.includes(role);
  const none = Promise.resolve({ items: [] as CaseSummary[] });
  const [responsible, lead, awaitingSignature, awaitingDispatch] = await Promise.all([
    has('handler')
      ? queryEntries({ partition: `RESPONSIBLE#${principal.username}`, states: openStates, limit: pageSize })
      : none,
    has('lead') ? queryEntries({ partition: `LEAD#${principal.username}`, states: openStates, limit: pageSize }) : none,
    has('handler')
      ? queryEntries({
          partition: `SCOPE#${principal.unitId}`,
          equals: { state: 'assigned', departmentId: principal.unitId },
          limit: pageSize,
        })
      : none,
    has('dispatcher')
      ? queryEntries({ partition: `SCOPE#${principal.unitId}`, states: ['registered', 'returned'], limit: pageSize })
      : none,
  ]);
  return {
    responsible: responsible.items,
    lead: lead.items,
    awaitingSignature: awaitingSignature.items,
    awaitingDispatch: awaitingDispatch.items,
  };
};
