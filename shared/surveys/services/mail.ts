import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { categoryLabels } from '#cases/domain/labels.ts';
import type { PollutionCategory } from '#intake/domain/complaint-input.ts';
import { sendEmail } from '#platform/adapters/mailer.ts';
import { publicBaseUrl, tableName } from '#platform/config.ts';
import type { Survey } from '#surveys/domain/survey.ts';
import { surveyEmail } from '#surveys/notices.ts';

/** As in send-notice: a completed record answers later deliveries without sending; kept longer than a survey lives. */
const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: 90 * 24 * 3600 });
let sendOnce: ((input: { key: string; to: string; subject: string; text: string }) => Promise<unknown>) | undefined;

/** Lets an in-progress record left by a dying invocation expire with that invocation (see send-notice). */
export const registerMailContext = (context: Context): void => config.registerLambdaContext(context);

/** Sends a survey's invitation or reminder to `to`, at most once per survey and kind, however often it is retried. */
export const sendSurveyEmail = async (
  kind: 'invitation' | 'reminder',
  survey: Survey,
  to: string,
  token: string,
): Promise<void> => {
  sendOnce ??= makeIdempotent(
    async ({ to, subject, text }: { key: string; to: string; subject: string; text: string }) => ({
      messageId: await sendEmail({ to, subject, text }),
    }),
    { persistenceStore: new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') }), config },
  );
  const category = categoryLabels[survey.subject.category as PollutionCategory] ?? survey.subject.category;
  const content = surveyEmail(kind, survey, category, { baseUrl: publicBaseUrl(), token });
  await sendOnce({ key: `survey-${kind}:${survey.id}`, to, ...content });
};
