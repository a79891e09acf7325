import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { OfficialRole, Principal } from '#directory/domain/roles.ts';
import type { NewComplaint } from '#intake/domain/complaint-input.ts';
import type { AuthorizedEvent } from '#platform/http/auth.ts';

/** A complaint body that passes validation; override what a test is about. */
export const aComplaint = (overrides: Record<string, unknown> = {}): NewComplaint & Record<string, unknown> =>
  ({
    channel: 'hotline',
    complainant: {
      name: '李女士',
      phone: '13812345678',
      email: 'li@example.cn',
      anonymous: false,
      confidential: false,
    },
    place: { address: '城东街道建设路 18 号', town: '城东街道' },
    source: { name: '某某金属制品有限公司' },
    category: 'noise',
    description: '工厂夜间持续作业，噪声很大，影响居民休息。',
    urgency: 'normal',
    ...overrides,
  }) as NewComplaint & Record<string, unknown>;

export const aPrincipal = (role: OfficialRole, unitId: string, username: string = role): Principal => ({
  username,
  roles: [role],
  unitId,
});

/** An API Gateway HTTP API v2 event as the JWT authorizer passes it on. */
export const apiEvent = (options: {
  method: string;
  path: string;
  routeKey: string;
  principal?: Principal;
  body?: unknown;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}): AuthorizedEvent => ({
  version: '2.0',
  routeKey: options.routeKey,
  rawPath: options.path,
  rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
  ...(options.query ? { queryStringParameters: options.query } : {}),
  headers: { 'content-type': 'application/json', ...options.headers },
  ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
  ...(options.body === undefined
    ? {}
    : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  isBase64Encoded: false,
  requestContext: {
    accountId: 'local',
    apiId: 'local',
    domainName: '127.0.0.1',
    domainPrefix: '127',
    http: {
      method: options.method,
      path: options.path,
      protocol: 'HTTP/1.1',
      sourceIp: '127.0.0.1',
      userAgent: 'test',
    },
    requestId: randomUUID(),
    routeKey: options.routeKey,
    stage: '$default',
    time: new Date().toISOString(),
    timeEpoch: Date.now(),
    ...(options.principal
      ? {
          authorizer: {
            jwt: {
              claims: {
                'cognito:username': options.principal.username,
                'cognito:groups': `[${options.principal.roles.join(' ')}]`,
                'custom:unit': options.principal.unitId,
              },
              scopes: null,
            },
          },
        }
      : {}),
  },
});

export const lambdaContext = (functionName = 'greenline-test'): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:ap-east-1:000000000000:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export type HttpResult = APIGatewayProxyStructuredResultV2;

export const bodyOf = <T = Record<string, unknown>>(result: unknown): T =>
  JSON.parse((result as HttpResult).body ?? 'null') as T;

/** Calls a Lambda handler (middy's type asks for more than API Gateway passes) with a test context. */
export const invoke = async (
  handler: unknown,
  event: unknown,
  context: Context = lambdaContext(),
): Promise<HttpResult> =>
  (await (handler as (event: unknown, context: Context) => Promise<unknown>)(event, context)) as HttpResult;
