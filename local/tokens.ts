/**
 * The local token issuer: it signs ID tokens with the claims of Cognito's (`cognito:username`, `cognito:groups`,
 * `custom:unit`), so functions read the same claims locally as in AWS. The HS256 key is made on first start and kept in
 * the data folder: tokens stay valid across restarts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type JWTPayload, SignJWT } from 'jose';
import type { User } from '#directory/domain/users.ts';
import { claimNames } from '#platform/http/auth.ts';

export const localIssuer = 'https://greenline.local/issuer';
export const localAudience = 'greenline-local';
export const tokenAlgorithm = 'HS256';
/** Cognito's ID tokens last one hour by default; a working day is kinder for local use. */
export const tokenLifetimeSeconds = 12 * 3600;

const keyFileName = 'local-issuer-key.json';

/** Reads the signing key from `<dataDir>/local-issuer-key.json`, creating it on first start. */
export const loadSigningKey = async (dataDir: string): Promise<Uint8Array> => {
  const path = join(dataDir, keyFileName);
  try {
    const stored = JSON.parse(await readFile(path, 'utf8')) as { k?: unknown };
    if (typeof stored.k === 'string' && stored.k.length >= 43) return Buffer.from(stored.k, 'base64url');
    throw new Error(`${path} holds no usable key; delete it to make a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  const content = `${JSON.stringify({ kty: 'oct', alg: tokenAlgorithm, k: key.toString('base64url'), createdAt: new Date().toISOString() }, null, 2)}\n`;
  try {
    await writeFile(path, content, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSigningKey(dataDir);
    throw error;
  }
};

/** A stable UUID-shaped `sub` per username, as Cognito gives each user one. */
const subjectOf = (username: string): string => {
  const hex = createHash('sha256').update(`greenline-local:${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: string;
}

export type TokenSubject = Pick<User, 'username' | 'roles' | 'unitId'> & Partial<Pick<User, 'email' | 'displayName'>>;

/** The claims of the ID token the local issuer signs for `user`, besides the registered ones (sub, iss, aud, times). */
export const tokenClaims = (user: TokenSubject): JWTPayload => ({
  [claimNames.username]: user.username,
  [claimNames.groups]: [...user.roles],
  [claimNames.unit]: user.unitId,
  ...(user.email ? { email: user.email } : {}),
  ...(user.displayName ? { name: user.displayName } : {}),
  token_use: 'id',
});

/**
 * Signs an ID token for `user`. Times are real time, not the settable clock: the authorizer (like API Gateway's)
 * checks expiry against real time, so moving the local clock does not expire tokens.
 */
export const issueToken = async (
  user: TokenSubject,
  key: Uint8Array,
  options: { issuedAt?: Date; lifetimeSeconds?: number; issuer?: string; audience?: string } = {},
): Promise<IssuedToken> => {
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const expiresAt = issuedAt + (options.lifetimeSeconds ?? tokenLifetimeSeconds);
  const token = await new SignJWT({ ...tokenClaims(user), auth_time: issuedAt })
    .setProtectedHeader({ alg: tokenAlgorithm, typ: 'JWT' })
    .setSubject(subjectOf(user.username))
    .setIssuer(options.issuer ?? localIssuer)
    .setAudience(options.audience ?? localAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key);
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
};
