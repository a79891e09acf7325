import { activeClocks } from '#deadlines/domain/time-limit-policies.ts';
import type { Case } from './case.ts';
import { scopeUnitIds } from './workflow.ts';

/** A case as lists, the ledger and digests show it. */
export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly kind: Case['kind'];
  readonly state: Case['state'];
  readonly version: number;
  readonly unitId: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly channel?: string;
  readonly category?: string;
  readonly urgency?: string;
  readonly town?: string;
  readonly departmentId?: string;
  readonly responsibleUsername?: string;
  readonly leadUsername?: string;
  readonly colour?: string;
  readonly late?: boolean;
  /** The earliest deadline among the clocks running now. */
  readonly dueAt?: string;
  readonly scopeUnitIds: readonly string[];
}

export const summarise = (item: Case): CaseSummary => ({
  id: item.id,
  number: item.number,
  kind: item.kind,
  state: item.state,
  version: item.version,
  unitId: item.unitId,
  receivedAt: item.receivedAt,
  updatedAt: item.updatedAt,
  ...(item.complaint
    ? {
        channel: item.complaint.channel,
        category: item.complaint.category,
        urgency: item.complaint.urgency,
        ...(item.complaint.place.town ? { town: item.complaint.place.town } : {}),
      }
    : {}),
  ...(item.assignment
    ? {
        departmentId: item.assignment.departmentId,
        responsibleUsername: item.assignment.responsibleUsername,
        leadUsername: item.assignment.leadUsername,
      }
    : {}),
  ...(item.colour ? { colour: item.colour } : {}),
  ...(item.late ? { late: true } : {}),
  ...(runningDue(item) ? { dueAt: runningDue(item) } : {}),
  scopeUnitIds: scopeUnitIds(item),
});

const runningDue = (item: Case): string | undefined =>
  (activeClocks[item.state] ?? [])
    .map((name) => item.timeLimits?.clocks[name]?.dueAt)
    .filter((due): due is string => Boolean(due))
    .sort()[0];
