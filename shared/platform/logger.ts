import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/logger/correlationId';

/** Structured JSON logs; the service name comes from POWERTOOLS_SERVICE_NAME, set on every function. */
export const logger = new Logger({ serviceName: 'greenline', correlationIdSearchFn: search });
