/** Idempotency keys: 1–128 visible ASCII characters. */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,128}$/;
