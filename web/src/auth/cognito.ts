/**
 * Sign-in through Cognito's hosted UI: the authorization-code flow with PKCE (no client secret in the page). The ID
 * token is what the API's JWT authorizer checks.
 */
import type { AuthConfig } from './config.ts';
import { jwtClaims, type Session, userFromClaims } from './session.ts';

type Cognito = Extract<AuthConfig, { mode: 'cognito' }>;

const verifierKey = 'greenline.pkce';
const callbackPath = '/console/callback';

const base64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const redirectUri = () => `${window.location.origin}${callbackPath}`;

/** Leaves for the hosted UI; it comes back to `/console/callback?code=…`. */
export const beginCognitoSignIn = async (config: Cognito, returnTo: string): Promise<void> => {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(verifierKey, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile email',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  window.location.assign(`${config.domain}/oauth2/authorize?${query}`);
};

/** Exchanges the code of the callback URL for tokens; returns the session and where to go next. */
export const completeCognitoSignIn = async (
  config: Cognito,
  search: URLSearchParams,
): Promise<{ session: Session; returnTo: string }> => {
  const saved = JSON.parse(sessionStorage.getItem(verifierKey) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(verifierKey);
  const code = search.get('code');
  if (!saved || !code || search.get('state') !== saved.state) throw new Error('登录回调无效，请重新登录');
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error(`令牌交换失败（${response.status}）`);
  const { id_token: token } = (await response.json()) as { id_token: string };
  const claims = jwtClaims(token);
  return {
    session: { token, expiresAt: new Date(Number(claims.exp) * 1000).toISOString(), user: userFromClaims(claims) },
    returnTo: saved.returnTo,
  };
};
