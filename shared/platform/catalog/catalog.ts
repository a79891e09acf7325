/**
 * The composed catalog: every capability's functions and schedules, with the shared tables, queues and buckets.
 * Adding a capability adds one line to each composition below and edits nothing else.
 */
import { campaignsFunctions } from '#campaigns/resources.ts';
import { casesFunctions, casesSchedules } from '#cases/resources.ts';
import { deadlinesFunctions, deadlinesSchedules } from '#deadlines/resources.ts';
import { directoryFunctions } from '#directory/resources.ts';
import { enterprisesFunctions } from '#enterprises/resources.ts';
import { gradingFunctions, gradingSchedules } from '#grading/resources.ts';
import { inspectionsFunctions } from '#inspections/resources.ts';
import { intakeFunctions } from '#intake/resources.ts';
import { ledgerFunctions } from '#ledger/resources.ts';
import { noticesFunctions } from '#notices/resources.ts';
import { rectificationFunctions } from '#rectification/resources.ts';
import { statisticsFunctions } from '#statistics/resources.ts';
import { surveysFunctions, surveysSchedules } from '#surveys/resources.ts';
import { platformFunctions } from '../resources.ts';
import type { FunctionDefinition, QueueDefinition, QueueKey, ScheduleDefinition } from './definitions.ts';
import { queueDefinitions } from './queues.ts';

export const functions = {
  ...platformFunctions,
  ...casesFunctions,
  ...intakeFunctions,
  ...deadlinesFunctions,
  ...ledgerFunctions,
  ...directoryFunctions,
  ...noticesFunctions,
  ...surveysFunctions,
  ...statisticsFunctions,
  ...campaignsFunctions,
  ...rectificationFunctions,
  ...enterprisesFunctions,
  ...gradingFunctions,
  ...inspectionsFunctions,
} as const;

export type FunctionName = keyof typeof functions;

const declaredSchedules = {
  ...deadlinesSchedules,
  ...casesSchedules,
  ...surveysSchedules,
  ...gradingSchedules,
} as const;

export type ScheduleName = keyof typeof declaredSchedules;

/** A function a schedule or a queue names must exist: a typo fails at the first import, not at deploy time. */
const knownFunction = (name: string, where: string): FunctionName => {
  if (!(name in functions)) throw new Error(`${where} names an unknown function: ${name}`);
  return name as FunctionName;
};

export const schedules = Object.fromEntries(
  Object.values<ScheduleDefinition>(declaredSchedules).map((schedule) => [
    schedule.name,
    { ...schedule, target: knownFunction(schedule.target, `schedule ${schedule.name}`) },
  ]),
) as Readonly<
  Record<ScheduleName, ScheduleDefinition & { readonly name: ScheduleName; readonly target: FunctionName }>
>;

export const queues = Object.fromEntries(
  Object.values(queueDefinitions).map((queue) => [
    queue.key,
    { ...queue, consumer: knownFunction(queue.consumer, `queue ${queue.key}`) },
  ]),
) as Readonly<Record<QueueKey, QueueDefinition & { readonly consumer: FunctionName }>>;

export const functionDefinitions: readonly FunctionDefinition[] = Object.values(functions);

/**
 * The payload a schedule delivers to its target function: in AWS the schedule's input, with the scheduled time filled
 * in by EventBridge Scheduler (`<aws.scheduler.scheduled-time>`); locally the same JSON, sent by the local scheduler.
 */
export interface ScheduledInvocation {
  readonly schedule: ScheduleName;
  /** ISO 8601 instant of the occurrence being fired. */
  readonly scheduledTime: string;
}

/** A schedule of the catalog, its target checked. */
export type CatalogSchedule = (typeof schedules)[ScheduleName];
/** A queue of the catalog, its consumer checked. */
export type CatalogQueue = (typeof queues)[QueueKey];
