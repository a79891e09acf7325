import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { NewComplaint } from '#intake/domain/complaint-input.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';
import type { AuthorizedEvent } from '#platform/http/auth.ts';
import { apiGatewayEvent } from '../../local/api-gateway-event.ts';
import { authorizerContext } from '../../local/authorizer.ts';
import { type ContextFunction, lambdaContext } from '../../local/lambda-context.ts';
import { tokenClaims } from '../../local/tokens.ts';

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

/**
 * The event API Gateway passes to the function of a route, built as the local server builds it
 * (`apiGatewayEvent` of `local/api-gateway-event.ts`); a `principal` signs in as the local authorizer would pass it on.
 */
export const apiEvent = (options: {
  method: string;
  path: string;
  routeKey: string;
  principal?: Principal;
  body?: unknown;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}): AuthorizedEvent =>
  apiGatewayEvent({
    method: options.method,
    rawPath: options.path,
    rawQueryString: new URLSearchParams(options.query).toString(),
    routeKey: options.routeKey,
    pathParameters: options.pathParameters,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    authorizer: options.principal && authorizerContext(tokenClaims(options.principal)),
  });

/** What a test invocation's `Context` tells of its function: `greenline-test`, as AWS_LAMBDA_FUNCTION_NAME says. */
const testFunction: ContextFunction = { name: 'test', memoryMiB: 512, timeoutSeconds: 30 };

export type HttpResult = APIGatewayProxyStructuredResultV2;

export const bodyOf = <T = Record<string, unknown>>(result: unknown): T =>
  JSON.parse((result as HttpResult).body ?? 'null') as T;

/** Calls a Lambda handler (middy's type asks for more than API Gateway passes) with a test context. */
export const invoke = async (
  handler: unknown,
  event: unknown,
  context: Context = lambdaContext(testFunction),
): Promise<HttpResult> =>
  (await (handler as (event: unknown, context: Context) => Promise<unknown>)(event, context)) as HttpResult;
