import type { ProgressColour } from '#deadlines/domain/clocks.ts';
import { activeClocks } from '#deadlines/domain/time-limit-policies.ts';
import { closeOutStageOf, pendingLookBack } from '#rectification/domain/details.ts';
import { type Case, finishedAtOf } from './case.ts';
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
  /** When it was finished (closed, rejected or merged). */
  readonly finishedAt?: string;
  /** A rectification problem: the start of its description, its source, band, close-out stage and look-back due. */
  readonly title?: string;
  readonly source?: string;
  readonly band?: string;
  readonly closeOutStage?: string;
  readonly lookBackDue?: string;
  /** The enterprise the case is about: a complaint's named source, a help plan's firm. */
  readonly uscc?: string;
  readonly scopeUnitIds: readonly string[];
}

/** The unified social credit code of the enterprise a case is about, if it names one. */
export const enterpriseOf = (item: Case): string | undefined => item.complaint?.source?.uscc ?? item.helpPlan?.uscc;

/** How much of a problem's description a list shows. */
const titleLength = 60;

const rectificationSummary = (item: Case) => {
  const details = item.rectification;
  if (!details) return {};
  const due = item.state === 'closed' ? pendingLookBack(details)?.dueDate : undefined;
  return {
    title:
      details.description.length > titleLength ? `${details.description.slice(0, titleLength)}…` : details.description,
    source: details.source,
    band: details.band,
    closeOutStage: closeOutStageOf(details.closeOut),
    ...(due ? { lookBackDue: due } : {}),
  };
};

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
  ...(finishedAtOf(item) ? { finishedAt: finishedAtOf(item) } : {}),
  ...rectificationSummary(item),
  ...(enterpriseOf(item) ? { uscc: enterpriseOf(item) } : {}),
  scopeUnitIds: scopeUnitIds(item),
});

/**
 * The colour a case shows on the four-colour ledger (四色管理台账): an open case its progress colour (blue until its
 * clocks start), a closed or rejected one green; a merged duplicate none, as it counts with its master.
 */
export const ledgerColourOf = (item: Pick<CaseSummary, 'state' | 'colour'>): ProgressColour | undefined => {
  if (item.state === 'closed' || item.state === 'rejected') return 'green';
  if (item.state === 'merged') return undefined;
  return (item.colour as ProgressColour | undefined) ?? 'blue';
};

const runningDue = (item: Case): string | undefined =>
  (activeClocks[item.state] ?? [])
    .map((name) => item.timeLimits?.clocks[name]?.dueAt)
    .filter((due): due is string => Boolean(due))
    .sort()[0];
