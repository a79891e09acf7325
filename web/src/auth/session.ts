/**
 * The signed-in official: the ID token and who it names, kept in sessionStorage (gone when the browser closes) and
 * watched by `useSession()`. How the token was obtained (the local issuer or Cognito) does not matter here.
 */
import { useSyncExternalStore } from 'react';

export interface SessionUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly unitId: string;
}

export interface Session {
  readonly token: string;
  /** ISO instant. */
  readonly expiresAt: string;
  readonly user: SessionUser;
}

const storageKey = 'greenline.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

const read = (): Session | null => {
  const raw = sessionStorage.getItem(storageKey);
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      session = raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      session = null;
    }
    cached = { raw, session };
  }
  const session = cached.session;
  return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
};

const notify = () => {
  for (const listener of listeners) listener();
};

export const startSession = (session: Session): void => {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  notify();
};

export const clearSession = (): void => {
  sessionStorage.removeItem(storageKey);
  notify();
};

export const currentToken = (): string | undefined => read()?.token;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useSession = (): Session | null => useSyncExternalStore(subscribe, read);

/** The claims of a JWT's payload (no verification: the API verifies; the console only shows who signed in). */
export const jwtClaims = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
};

/** The user named by a Cognito ID token's claims, as the API reads them (`shared/platform/http/auth.ts`). */
export const userFromClaims = (claims: Record<string, unknown>): SessionUser => ({
  username: String(claims['cognito:username'] ?? ''),
  displayName: String(claims.name ?? claims['cognito:username'] ?? ''),
  roles: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [],
  unitId: String(claims['custom:unit'] ?? ''),
});
