/**
 * Who sees what: a user sees the items of their own unit and of every unit below it. An item's scope is the set of
 * units on its paths from the root (a case: its owning unit's path and, once assigned, its department's path), so
 * "may this user see it" is one membership test, the same for every read.
 */
import { ForbiddenError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';

/** The units whose users may see an item lying on `paths` (each a path from the root unit down). */
export const scopeOf = (...paths: ReadonlyArray<readonly string[] | undefined>): string[] => [
  ...new Set(paths.flatMap((path) => path ?? [])),
];

/** Whether the caller's unit is in `scope` (a scope from {@link scopeOf}, or a unit's path). */
export const isInScope = (scope: readonly string[], principal: Pick<Principal, 'unitId'>): boolean =>
  scope.includes(principal.unitId);

/** Throws a ForbiddenError with `message` unless the caller's unit is in `scope`. */
export const requireInScope = (
  scope: readonly string[],
  principal: Pick<Principal, 'unitId'>,
  message = '该事项不在您所在单位的管辖范围内',
): void => {
  if (!isInScope(scope, principal)) throw new ForbiddenError(message);
};
