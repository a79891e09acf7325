import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { type ScheduledInvocation, schedules } from '#platform/catalog/catalog.ts';
import { z } from '#platform/domain/zod.ts';
import { logger } from '#platform/logger.ts';
import { InvalidEventError } from './errors.ts';
import { problemsOf } from './payload.ts';

/** What EventBridge Scheduler (or the local scheduler) delivers: a schedule of the catalog and its occurrence. */
export const scheduledInvocationSchema = z.object({
  schedule: z.enum(Object.values(schedules).map((schedule) => schedule.name)),
  scheduledTime: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<ScheduledInvocation>;

const parseInvocation = (event: unknown): ScheduledInvocation => {
  const result = scheduledInvocationSchema.safeParse(event);
  if (!result.success) {
    throw new InvalidEventError('not a scheduled invocation', problemsOf(result.error), { cause: result.error });
  }
  return result.data;
};

/**
 * The one place where a scheduled run's error is reported. It is logged and thrown on, so the invocation fails and
 * EventBridge Scheduler retries it (and, past its retries, sends it to the schedule's dead-letter queue).
 */
const reportFailure = (): MiddlewareObj<unknown, unknown> => ({
  onError: async (request) => {
    if (request.error instanceof InvalidEventError) {
      logger.error('scheduled invocation refused', { errors: request.error.errors });
    } else {
      logger.error('scheduled run failed', { error: request.error });
    }
  },
});

/**
 * Wraps a scheduled function with the house middleware: structured logs with the Lambda context, the payload parsed as
 * a `ScheduledInvocation` of the catalog (anything else fails the invocation), and one place reporting failures.
 *
 * @example
 * export const handler = scheduledHandler((invocation) => runNightlyCheck(new Date(invocation.scheduledTime)));
 */
export const scheduledHandler = <Result>(run: (invocation: ScheduledInvocation, context: Context) => Promise<Result>) =>
  middy<unknown, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(reportFailure())
    .handler(async (event, context) => run(parseInvocation(event), context));
