import { describe, expect, it } from 'vitest';
import { canonicalJson, type DrawSnapshot } from '#inspections/domain/draw.ts';
import { defaultRates } from '#inspections/domain/plan.ts';
import { checkDraw, drawFromText, sha256Hex } from '#inspections/services/draw-check.ts';

const snapshot: DrawSnapshot = {
  format: 'greenline-draw-snapshot/1',
  plan: { id: 'PLAN', period: '2026-Q2', rates: defaultRates, inspectorsPerEntity: 2, items: ['A1'] },
  classRulesVersion: 1,
  asOf: '2026-04-01',
  entities: Array.from({ length: 200 }, (_, index) => ({
    uscc: `91320000MA${String(index).padStart(8, '0')}`,
    name: `企业${index}`,
    class: index % 5 === 0 ? 'key-polluter' : index % 7 === 0 ? 'positive-list' : 'general',
  })),
  inspectors: Array.from({ length: 6 }, (_, index) => ({ certificateNumber: `C${index}0000`, name: `人员${index}` })),
  exclusions: [],
};

describe('canonicalJson', () => {
  it('is one text for one value, whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: '中', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"中"}],"b":1}');
    expect(canonicalJson({ a: [{ c: null, d: '中' }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ d: '中', c: null }] }));
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('verifying a published draw', () => {
  const text = canonicalJson(snapshot);
  const seed = '2026年第85期福彩3D开奖号码 4 1 7';
  const published = { seed, ...drawFromText(text, seed) };

  it('re-runs from the published snapshot and seed to the same result', () => {
    expect(published.snapshotHash).toBe(sha256Hex(text));
    expect(checkDraw(published, text)).toEqual({
      hashMatches: true,
      resultMatches: true,
      matches: true,
      recomputedHash: published.snapshotHash,
    });
  });

  it('fails when one byte of the snapshot changes: another hash, and the draw no longer matches', () => {
    const index = text.indexOf('企业17');
    const changed = `${text.slice(0, index)}企业71${text.slice(index + 4)}`;
    const oneByte = text.replace('"asOf":"2026-04-01"', '"asOf":"2026-04-02"');

    for (const tampered of [changed, oneByte]) {
      const check = checkDraw(published, tampered);
      expect(check.hashMatches).toBe(false);
      expect(check.matches).toBe(false);
      expect(check.recomputedHash).not.toBe(published.snapshotHash);
    }
    // The hash seeds the generator: the same pools with another hash draw otherwise.
    expect(drawFromText(oneByte, seed).result).not.toEqual(published.result);
  });

  it('fails for another seed and for a snapshot that is no longer JSON', () => {
    expect(checkDraw({ ...published, seed: `${seed}!` }, text).matches).toBe(false);
    expect(checkDraw(published, text.slice(0, -1)).matches).toBe(false);
  });
});
