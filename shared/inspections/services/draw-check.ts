/**
 * Running a draw from its published text: the SHA-256 of the snapshot's canonical JSON, the generator seeded from that
 * hash and the seed, the pure draw (`#inspections/domain/draw.ts`). The same steps make the draw and verify it — in
 * the API (`GET /v1/draws/{id}`) and in `npm run verify-draw`.
 */
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  type DrawResult,
  type DrawSnapshot,
  generatorInput,
  generatorState,
  runDraw,
} from '#inspections/domain/draw.ts';
import type { DrawCheck } from '#inspections/domain/draw-record.ts';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The draw of the snapshot published as `snapshotJson` with `seed`, and the snapshot's hash. */
export const drawFromText = (snapshotJson: string, seed: string): { snapshotHash: string; result: DrawResult } => {
  const snapshotHash = sha256Hex(snapshotJson);
  const snapshot = JSON.parse(snapshotJson) as DrawSnapshot;
  return { snapshotHash, result: runDraw(snapshot, generatorState(sha256Hex(generatorInput(snapshotHash, seed)))) };
};

/**
 * Checks a published draw: the snapshot text must hash to the published hash, and a fresh run from it and the seed
 * must give the published result. A snapshot that no longer parses, or no longer draws, does not match.
 */
export const checkDraw = (
  published: { readonly snapshotHash: string; readonly seed: string; readonly result: DrawResult },
  snapshotJson: string,
): DrawCheck => {
  const recomputedHash = sha256Hex(snapshotJson);
  let resultMatches = false;
  try {
    resultMatches =
      canonicalJson(drawFromText(snapshotJson, published.seed).result) === canonicalJson(published.result);
  } catch {
    resultMatches = false;
  }
  const hashMatches = recomputedHash === published.snapshotHash;
  return { hashMatches, resultMatches, matches: hashMatches && resultMatches, recomputedHash };
};

export { canonicalJson };
