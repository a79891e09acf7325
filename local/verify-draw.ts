/**
 * `npm run verify-draw -- <draw id>`: reads a draw as published by a running `npm start` (`GET /v1/draws/{id}`, as the
 * demo supervisor) and re-runs it here from its published snapshot, seed and algorithm: the snapshot's SHA-256 must be
 * the one published and the fresh result the one stored. Prints `match` (exit 0) or `mismatch` with what differs
 * (exit 2).
 */
import { parseArgs } from 'node:util';
import { canonicalJson } from '#inspections/domain/draw.ts';
import { checkDraw, drawFromText } from '#inspections/services/draw-check.ts';
import type { DrawDetails } from '#inspections/services/draws.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { user: { type: 'string' } } });
const id = positionals[0];
if (!id) {
  console.error('Usage: npm run verify-draw -- <draw id>');
  process.exit(1);
}
const base = `http://127.0.0.1:${process.env.PORT || '3000'}`;

const request = async (path: string, init?: RequestInit): Promise<Response> => {
  try {
    return await fetch(`${base}${path}`, init);
  } catch (error) {
    console.error(
      `Could not reach ${base} (${error instanceof Error ? error.message : String(error)}): start Greenline first with npm start`,
    );
    process.exit(1);
  }
};

const signedIn = await request('/local/token', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: values.user ?? 'supervisor' }),
});
if (!signedIn.ok) {
  console.error(`Could not sign in (HTTP ${signedIn.status}): ${await signedIn.text()}`);
  process.exit(1);
}
const { token } = (await signedIn.json()) as { token: string };
const response = await request(`/v1/draws/${encodeURIComponent(id)}`, {
  headers: { authorization: `Bearer ${token}` },
});
if (!response.ok) {
  console.error(`Could not read draw ${id} (HTTP ${response.status}): ${await response.text()}`);
  process.exit(1);
}
const draw = (await response.json()) as DrawDetails;
console.log(
  `draw ${draw.id} (${draw.planName}, ${draw.period}), algorithm ${draw.algorithm.name} v${draw.algorithm.version}`,
);
console.log(`seed: ${draw.seed}`);
console.log(`published snapshot SHA-256: ${draw.snapshotHash}`);
const check = checkDraw(draw, draw.snapshot);
console.log(`recomputed snapshot SHA-256: ${check.recomputedHash} (${check.hashMatches ? 'same' : 'DIFFERENT'})`);
if (!check.resultMatches) {
  try {
    const fresh = drawFromText(draw.snapshot, draw.seed).result;
    const published = new Set(draw.result.entities.map((entity) => canonicalJson(entity)));
    const differing = fresh.entities.filter((entity) => !published.has(canonicalJson(entity)));
    console.log(`re-run differs in ${differing.length} of ${fresh.entities.length} drawn firms`);
  } catch (error) {
    console.log(`re-run failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(check.matches ? 'match' : 'mismatch');
process.exit(check.matches ? 0 : 2);
