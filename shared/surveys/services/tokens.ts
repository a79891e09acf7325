import { createHash, randomBytes } from 'node:crypto';

/**
 * A survey link's token: 160 random bits (27 base64url characters). Only its SHA-256 is stored, as the key it is
 * looked up by, so neither a database reader nor a guess can answer someone else's survey; the survey it resolves to
 * decides whether it may still answer (once, before the deadline).
 */
export const issueToken = (): { readonly token: string; readonly hash: string } => {
  const token = randomBytes(20).toString('base64url');
  return { token, hash: hashToken(token) };
};

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
