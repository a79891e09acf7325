/**
 * The local stand-in for API Gateway's JWT authorizer on official routes: it reads `Authorization`, verifies the
 * token's signature, issuer, audience and expiry (against real time, never the settable clock), and hands the
 * claims to the function in `requestContext.authorizer.jwt`, as API Gateway does.
 */
import { errors, type JWTPayload, jwtVerify } from 'jose';
import type { JwtAuthorizerContext } from '#platform/http/auth.ts';
import { localAudience, localIssuer, tokenAlgorithm } from './tokens.ts';

export type AuthorizerResult =
  | { readonly authorized: true; readonly context: JwtAuthorizerContext }
  | {
      readonly authorized: false;
      /** For `WWW-Authenticate: Bearer error_description="…"`, as API Gateway answers. */
      readonly reason: string;
      /** For the problem+json answer. */
      readonly detail: string;
    };

export interface JwtAuthorizer {
  authorize(authorization: string | undefined): Promise<AuthorizerResult>;
}

type Claims = JwtAuthorizerContext['jwt']['claims'];

/**
 * API Gateway passes every claim as a string (numbers too; an array as `[a b]`). Locally an array stays an array (as
 * `shared/platform/http/auth.ts` expects of the local runtime); other values become strings as in AWS.
 */
const claimsOf = (payload: JWTPayload): Claims => {
  const claims: Claims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = value.map(String);
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
};

/**
 * The context API Gateway's JWT authorizer hands to the function for a verified token's claims. The tests make the
 * context of a caller with it (`authorizerContext(tokenClaims(user))`), as the local authorizer would.
 */
export const authorizerContext = (payload: JWTPayload): JwtAuthorizerContext => ({
  jwt: {
    claims: claimsOf(payload),
    scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : null,
  },
});

const refusal = (error: unknown): { reason: string; detail: string } => {
  if (error instanceof errors.JWTExpired) return { reason: 'the token has expired', detail: '令牌已过期，请重新登录' };
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return { reason: 'the token signature is invalid', detail: '令牌签名无效' };
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return { reason: `the ${error.claim} claim is invalid`, detail: `令牌的 ${error.claim} 声明无效` };
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return { reason: 'the token is signed with an unexpected algorithm', detail: '令牌的签名算法不被接受' };
  }
  return { reason: 'the token is malformed', detail: '令牌格式错误' };
};

export const createJwtAuthorizer = (options: {
  key: Uint8Array;
  issuer?: string;
  audience?: string;
}): JwtAuthorizer => ({
  authorize: async (authorization) => {
    // API Gateway takes the token with or without the `Bearer ` prefix.
    const token = authorization
      ?.trim()
      .replace(/^bearer\s+/i, '')
      .trim();
    if (!token) {
      return { authorized: false, reason: 'the Authorization header is missing', detail: '缺少 Authorization 请求头' };
    }
    try {
      const { payload } = await jwtVerify(token, options.key, {
        algorithms: [tokenAlgorithm],
        issuer: options.issuer ?? localIssuer,
        audience: options.audience ?? localAudience,
        requiredClaims: ['exp', 'iat'],
      });
      return { authorized: true, context: authorizerContext(payload) };
    } catch (error) {
      return { authorized: false, ...refusal(error) };
    }
  },
});
