import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs; the service name comes from POWERTOOLS_SERVICE_NAME, set on every function. No JMESPath
 * `correlationIdSearchFn`: the HTTP wrapper sets the correlation id itself (http/handler.ts), and the search would put
 * Powertools' JMESPath interpreter (~24 KB) into every bundle.
 */
export const logger = new Logger({ serviceName: 'greenline' });
