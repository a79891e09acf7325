/**
 * The campaign page: phases, tasks with the state and colour of their cases and their weekly report status, the
 * tasks × weeks grid, and the figures (tasks done, reports filed and missing by week). Pure: the campaign, its tasks'
 * cases, its reports and tallies, today and the calendar are inputs.
 */
import { type CaseState, isFinishedState } from '#cases/domain/case.ts';
import type { WorkingCalendar } from '#deadlines/domain/calendar.ts';
import type { ProgressColour } from '#deadlines/domain/clocks.ts';
import { type Rate, rate } from '#platform/domain/rate.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { type Campaign, type CampaignTask, currentPhaseOf, type Phase } from './campaign.ts';
import { campaignGrid, type GridRow, type WeekFigures, type WeekReport, type WeekTally, weekFigures } from './grid.ts';
import { type ReportStatus, type ReportWeek, reportWeeks } from './reporting.ts';

/** What the campaign page shows of a task's case. */
export interface TaskCaseState {
  readonly number: string;
  readonly state: CaseState;
  readonly colour?: ProgressColour;
  /** The nearest running deadline. */
  readonly dueAt?: string;
  readonly finishedAt?: string;
  readonly late?: boolean;
  readonly createdAt: string;
}

export type TaskView = Omit<CampaignTask, 'department' | 'coDepartments'> & {
  readonly department: { readonly id: string; readonly name: string };
  readonly coDepartments: readonly { readonly id: string; readonly name: string }[];
  /** The task's case now; absent only if the case cannot be read. */
  readonly case?: TaskCaseState;
  readonly reportStatus: ReportStatus;
};

export interface TaskFigures {
  readonly total: number;
  readonly closed: number;
  readonly open: number;
  readonly byState: Readonly<Partial<Record<CaseState, number>>>;
  readonly byColour: Readonly<Partial<Record<ProgressColour, number>>>;
  /** Tasks done: closed task cases ÷ tasks. */
  readonly doneRate: Rate;
}

export interface CampaignFigures {
  readonly tasks: TaskFigures;
  readonly weeks: readonly WeekFigures[];
  /** How the figures are counted. */
  readonly basis: string;
}

export type CampaignView = Omit<Campaign, 'tasks' | 'status' | 'requestHash' | 'scopeUnitIds'> & {
  /** The day the view was computed for (Asia/Shanghai). */
  readonly today: string;
  readonly currentPhase?: Phase;
  readonly weeks: readonly ReportWeek[];
  readonly tasks: readonly TaskView[];
  readonly grid: readonly GridRow[];
  readonly figures: CampaignFigures;
};

const figuresBasis =
  '任务完成率 = 已办结的任务事项数 ÷ 任务数，取自各任务事项的当前状态（每次读取本活动的任务，不扫描全表）；' +
  '各周已报送数取自报送时同一事务内累加的计数；未报送（黄、红）与未到报送日按今天的日期从报送记录推算。/ Tasks done: ' +
  'closed task cases ÷ tasks, from the tasks’ cases; reports filed per week from counters kept with each report; ' +
  'missing and not yet due worked out from the reports as of today.';

const tally = <K extends string>(keys: readonly (K | undefined)[]): Partial<Record<K, number>> => {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};

/** The campaign as its page shows it on `now`. */
export const campaignView = (input: {
  readonly campaign: Campaign;
  /** The task cases by case id. */
  readonly cases: ReadonlyMap<string, TaskCaseState>;
  readonly reports: readonly WeekReport[];
  readonly tallies: readonly WeekTally[];
  readonly now: Date;
  readonly calendar: WorkingCalendar;
}): CampaignView => {
  const { campaign, cases, now, calendar } = input;
  const today = bureauDate(now);
  const weeks = reportWeeks(campaign.period, campaign.reporting, calendar);
  const createdOn = bureauDate(new Date(campaign.createdAt));
  const grid = campaignGrid({
    weeks,
    reports: input.reports,
    today,
    tasks: campaign.tasks.map((task) => {
      const state = cases.get(task.caseId);
      const finishedAt = state?.finishedAt;
      return {
        number: task.number,
        startedOn: state ? bureauDate(new Date(state.createdAt)) : createdOn,
        ...(finishedAt ? { finishedOn: bureauDate(new Date(finishedAt)) } : {}),
      };
    }),
  });
  const tasks = campaign.tasks.map((task, index): TaskView => {
    const { department, coDepartments, ...rest } = task;
    const state = cases.get(task.caseId);
    return {
      ...rest,
      department: { id: department.id, name: department.name },
      coDepartments: coDepartments.map((unit) => ({ id: unit.id, name: unit.name })),
      ...(state ? { case: state } : {}),
      reportStatus: grid[index]?.reportStatus ?? 'nothing-due',
    };
  });
  const states = campaign.tasks.map((task) => cases.get(task.caseId)?.state);
  const closed = states.filter((state) => state === 'closed').length;
  const open = states.filter((state) => state !== undefined && !isFinishedState(state)).length;
  const { tasks: _tasks, status: _status, requestHash: _hash, scopeUnitIds: _scope, ...shown } = campaign;
  const currentPhase = currentPhaseOf(campaign.phases, today);
  return {
    ...shown,
    today,
    ...(currentPhase ? { currentPhase } : {}),
    weeks,
    tasks,
    grid,
    figures: {
      tasks: {
        total: campaign.tasks.length,
        closed,
        open,
        byState: tally(states),
        byColour: tally(campaign.tasks.map((task) => cases.get(task.caseId)?.colour)),
        doneRate: rate('已办结任务数 ÷ 任务数', closed, campaign.tasks.length),
      },
      weeks: weekFigures(weeks, grid, input.tallies),
      basis: figuresBasis,
    },
  };
};

/** A campaign as the list shows it. */
export interface CampaignSummary {
  readonly id: string;
  readonly name: string;
  readonly unitId: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly phases: readonly Phase[];
  readonly taskCount: number;
  readonly createdAt: string;
  readonly createdBy: string;
}

export const campaignSummary = (campaign: Campaign): CampaignSummary => ({
  id: campaign.id,
  name: campaign.name,
  unitId: campaign.unitId,
  period: campaign.period,
  phases: campaign.phases,
  taskCount: campaign.tasks.length,
  createdAt: campaign.createdAt,
  createdBy: campaign.createdBy,
});
