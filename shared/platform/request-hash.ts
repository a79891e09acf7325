import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same body hashes alike however its fields were ordered. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, canonical(object[key])]),
  );
};

/**
 * The SHA-256 (base64url) of a request as canonical JSON: a retry of the same request has the same hash, whatever the
 * order of its fields.
 */
export const requestHash = (request: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(request)), 'utf8')
    .digest('base64url');
