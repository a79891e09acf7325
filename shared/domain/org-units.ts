export type OrgUnitKind = 'bureau' | 'branch' | 'department';

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly parentId: string | null;
  /** Ids from the root down to and including this unit: the unit's place in the tree. */
  readonly path: readonly string[];
  /** Petition-office units (信访办) receive new complaints. */
  readonly petitionOffice?: boolean;
}

/** A user of `scopeUnitId` acts on items of that unit and of every unit below it. */
export const isWithinScope = (itemUnitPath: readonly string[], scopeUnitId: string): boolean =>
  itemUnitPath.includes(scopeUnitId);

export const childPath = (parent: OrgUnit | null, id: string): string[] => [...(parent?.path ?? []), id];
