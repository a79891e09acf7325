import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isOfficialRole, type OfficialRole, type Principal } from '#platform/domain/principal.ts';
import { UnauthenticatedError } from './errors.ts';

/**
 * Claim names of the tokens the API accepts. In AWS they are Cognito ID tokens (groups are Cognito groups, the unit a
 * custom attribute); the local issuer signs tokens with the same claims.
 */
export const claimNames = {
  username: 'cognito:username',
  groups: 'cognito:groups',
  unit: 'custom:unit',
} as const;

type JwtClaims = Record<string, string | number | boolean | string[]>;

export interface JwtAuthorizerContext {
  jwt: { claims: JwtClaims; scopes: string[] | null };
}

export type AuthorizedEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: JwtAuthorizerContext };
};

/** API Gateway passes an array claim as the string `[a b]`; the local runtime passes a real array. */
const parseGroups = (value: JwtClaims[string] | undefined): string[] => {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
};

/** The verified caller of an official route. Throws when the authorizer passed no usable claims. */
export const principalFromEvent = (event: AuthorizedEvent): Principal => {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const username = claims?.[claimNames.username];
  const unitId = claims?.[claimNames.unit];
  if (typeof username !== 'string' || typeof unitId !== 'string' || !username || !unitId) {
    throw new UnauthenticatedError('令牌缺少用户或单位信息');
  }
  const roles = parseGroups(claims?.[claimNames.groups]).filter(isOfficialRole) as OfficialRole[];
  return { username, roles, unitId };
};
