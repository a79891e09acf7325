import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { tableName } from '#config';
import type { Case } from '#domain/case.ts';
import type { NewComplaint } from '#domain/complaint-input.ts';
import { ValidationError } from '#domain/errors.ts';
import type { Principal } from '#domain/roles.ts';
import { submitComplaint } from './intake.ts';

/** Hotline systems retry for a day at most; a key is remembered that long. */
const idempotencyConfig = new IdempotencyConfig({
  eventKeyJmesPath: 'key',
  payloadValidationJmesPath: 'complaint',
  expiresAfterSeconds: 24 * 3600,
});

const submitOnce = makeIdempotent(
  async (request: { key: string; complaint: NewComplaint; principal: Principal }) =>
    submitComplaint(request.complaint, request.principal),
  {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') }),
    config: idempotencyConfig,
  },
);

const keyPattern = /^[\x21-\x7e]{1,128}$/;

/**
 * Registers a complaint; with an `Idempotency-Key`, a retry of the same request by the same caller returns the first
 * complaint instead of a second one, and reusing the key for a different complaint is refused.
 */
export const submitComplaintIdempotently = async (
  complaint: NewComplaint,
  principal: Principal,
  idempotencyKey: string | undefined,
  context: Context,
): Promise<Case> => {
  if (idempotencyKey === undefined) return submitComplaint(complaint, principal);
  if (!keyPattern.test(idempotencyKey)) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: '幂等键须为 1–128 个可见 ASCII 字符' }]);
  }
  idempotencyConfig.registerLambdaContext(context);
  return submitOnce({ key: `${principal.username}:${idempotencyKey}`, complaint, principal });
};
