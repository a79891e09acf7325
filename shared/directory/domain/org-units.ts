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
