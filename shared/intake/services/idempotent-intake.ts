import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import type { Case } from '#cases/domain/case.ts';
import type { NewComplaint } from '#intake/domain/complaint-input.ts';
import { idempotencyKeyPattern } from '#intake/domain/idempotency-key.ts';
import type { PublicComplaint } from '#intake/domain/public-complaint.ts';
import { tableName } from '#platform/config.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { type PublicReceipt, submitPublicComplaint } from './public-intake.ts';
import { submitComplaint } from './register-complaint.ts';

/** Hotline systems retry for a day at most; a key is remembered that long. */
const idempotencyConfig = new IdempotencyConfig({
  eventKeyJmesPath: 'key',
  payloadValidationJmesPath: 'complaint',
  expiresAfterSeconds: 24 * 3600,
});

const persistenceStore = new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') });

const submitOnce = makeIdempotent(
  async (request: { key: string; complaint: NewComplaint; principal: Principal }) =>
    submitComplaint(request.complaint, request.principal),
  { persistenceStore, config: idempotencyConfig },
);

/** A replay returns the receipt with its secret again, so the key is scoped to the client's address. */
const submitPublicOnce = makeIdempotent(
  async (request: { key: string; complaint: PublicComplaint }) => submitPublicComplaint(request.complaint),
  { persistenceStore, config: idempotencyConfig },
);

const checkKey = (idempotencyKey: string, context: Context) => {
  if (!idempotencyKeyPattern.test(idempotencyKey)) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: '幂等键须为 1–128 个可见 ASCII 字符' }]);
  }
  idempotencyConfig.registerLambdaContext(context);
};

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
  checkKey(idempotencyKey, context);
  return submitOnce({ key: `${principal.username}:${idempotencyKey}`, complaint, principal });
};

export const submitPublicComplaintIdempotently = async (
  complaint: PublicComplaint,
  client: string,
  idempotencyKey: string | undefined,
  context: Context,
): Promise<PublicReceipt> => {
  if (idempotencyKey === undefined) return submitPublicComplaint(complaint);
  checkKey(idempotencyKey, context);
  return submitPublicOnce({ key: `public:${client}:${idempotencyKey}`, complaint });
};
