import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs; the service name comes from POWERTOOLS_SERVICE_NAME, set on every function. */
export const logger = new Logger({ serviceName: 'greenline' });
