import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SupervisionClass } from '#inspections/domain/classes.ts';
import { type DrawSnapshot, generatorState, runDraw, staffingGaps } from '#inspections/domain/draw.ts';
import { defaultRates, drawCount } from '#inspections/domain/plan.ts';

/** 200 firms: 40 key polluters, 20 special, 100 general, 40 on the positive list; 12 inspectors. */
const aSnapshot = (overrides: Partial<DrawSnapshot> = {}): DrawSnapshot => {
  const classOf = (index: number): SupervisionClass =>
    index < 40 ? 'key-polluter' : index < 60 ? 'special' : index < 160 ? 'general' : 'positive-list';
  const entities = Array.from({ length: 200 }, (_, index) => ({
    uscc: `91320000MA${String(index).padStart(8, '0')}`,
    name: `企业${index}`,
    class: classOf(index),
  }));
  const inspectors = Array.from({ length: 12 }, (_, index) => ({
    certificateNumber: `32000${String(index).padStart(4, '0')}`,
    name: `执法人员${index}`,
  }));
  // Inspector 0 has declared ties to every positive-list firm and to 20 key polluters; inspector 1 went to 10 general
  // firms last time.
  const exclusions = [
    ...entities
      .filter((entity, index) => entity.class === 'positive-list' || index < 20)
      .map((entity) => ({ certificateNumber: '320000000', uscc: entity.uscc, reason: 'declared-tie' as const })),
    ...entities
      .slice(60, 70)
      .map((entity) => ({ certificateNumber: '320000001', uscc: entity.uscc, reason: 'last-inspection' as const })),
  ];
  return {
    format: 'greenline-draw-snapshot/1',
    plan: { id: 'PLAN', period: '2026-Q2', rates: defaultRates, inspectorsPerEntity: 2, items: ['A1'] },
    classRulesVersion: 1,
    asOf: '2026-04-01',
    entities,
    inspectors,
    exclusions,
    ...overrides,
  };
};

const state = (seed: number) => [seed | 0, 0x9e3779b9 | 0, 0x7f4a7c15, 0x1b873593];

describe('drawCount', () => {
  it('rounds up (the rate is a floor), never draws more than the pool, and stays exact in hundredths of a percent', () => {
    expect(drawCount(40, 25)).toBe(10);
    expect(drawCount(100, 5)).toBe(5);
    expect(drawCount(40, 2)).toBe(1);
    expect(drawCount(100, 7)).toBe(7);
    expect(drawCount(101, 5)).toBe(6);
    expect(drawCount(3, 100)).toBe(3);
    expect(drawCount(0, 25)).toBe(0);
  });
});

describe('runDraw', () => {
  it('draws over 200 firms the right number per class, two distinct unconflicted inspectors each', () => {
    const snapshot = aSnapshot();

    const result = runDraw(snapshot, state(1));

    expect(result.classes).toEqual([
      { class: 'key-polluter', pool: 40, rate: 25, drawn: 10 },
      { class: 'special', pool: 20, rate: 25, drawn: 5 },
      { class: 'general', pool: 100, rate: 5, drawn: 5 },
      { class: 'positive-list', pool: 40, rate: 2, drawn: 1 },
    ]);
    const perClass = (name: SupervisionClass) => result.entities.filter((entity) => entity.class === name).length;
    expect([perClass('key-polluter'), perClass('special'), perClass('general'), perClass('positive-list')]).toEqual([
      10, 5, 5, 1,
    ]);
    expect(new Set(result.entities.map((entity) => entity.uscc)).size).toBe(21);
    const excluded = new Set(snapshot.exclusions.map((entry) => `${entry.certificateNumber}/${entry.uscc}`));
    for (const entity of result.entities) {
      expect(new Set(entity.inspectors).size).toBe(2);
      for (const certificate of entity.inspectors) expect(excluded.has(`${certificate}/${entity.uscc}`)).toBe(false);
    }
  });

  it('gives the same result for the same snapshot and state, another for another state', () => {
    const snapshot = aSnapshot();

    expect(runDraw(snapshot, state(7))).toEqual(runDraw(aSnapshot(), state(7)));
    expect(runDraw(snapshot, state(7))).not.toEqual(runDraw(snapshot, state(8)));
  });

  it('never sends an inspector with a declared tie or the last inspection to that firm, and always draws the positive list (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 4, maxLength: 4 }), (words) => {
        fc.pre(words.some((word) => word !== 0));
        const snapshot = aSnapshot();
        const result = runDraw(snapshot, words);
        const excluded = new Set(snapshot.exclusions.map((entry) => `${entry.certificateNumber}/${entry.uscc}`));
        return (
          result.entities.every((entity) =>
            entity.inspectors.every((certificate) => !excluded.has(`${certificate}/${entity.uscc}`)),
          ) && result.entities.some((entity) => entity.class === 'positive-list')
        );
      }),
      { numRuns: 300 },
    );
  });

  it('spreads the visits: no inspector goes twice more often than another', () => {
    const result = runDraw(aSnapshot(), state(3));
    const load = new Map<string, number>();
    for (const entity of result.entities) {
      for (const certificate of entity.inspectors) load.set(certificate, (load.get(certificate) ?? 0) + 1);
    }
    const loads = [...load.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
  });

  it('names the firms that could not be staffed, whatever the seed', () => {
    const snapshot = aSnapshot({ inspectors: aSnapshot().inspectors.slice(0, 2) });

    const gaps = staffingGaps(snapshot);

    // Inspector 0 is tied to 20 key polluters and the 40 listed firms; inspector 1 went to 10 general firms.
    expect(gaps).toHaveLength(70);
    expect(gaps[0]).toMatchObject({ eligible: 1 });
  });
});

describe('generatorState', () => {
  it('reads the first 16 bytes of a digest as four 32-bit words, and refuses anything else', () => {
    expect(generatorState(`${'00000001'.repeat(4)}${'f'.repeat(32)}`)).toEqual([1, 1, 1, 1]);
    expect(generatorState('0'.repeat(64))).toEqual([0, 0, 0, 1]);
    expect(() => generatorState('xyz')).toThrow(RangeError);
  });
});
