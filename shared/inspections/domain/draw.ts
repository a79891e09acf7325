/**
 * The random draw (双随机), a pure function of three things published together: the pools' snapshot (as canonical
 * JSON), the plan inside it, and a seed fixed before the draw. Anyone holding the published snapshot and seed can run
 * it again and must get the same result; changing one byte of the snapshot changes its SHA-256 and hence the
 * generator's state, and verification fails.
 *
 * The algorithm (`greenline-draw`, version 1):
 * 1. The generator: pure-rand's xoroshiro128+ (pinned at 8.4.2, the version whose `uniformInt` this was written
 *    against), its 128-bit state the first 16 bytes of SHA-256(`greenline-draw/1\n<snapshot SHA-256 hex>\n<seed>`),
 *    read as four big-endian 32-bit words. Hashing is the caller's (the domain does no I/O and imports no Node module):
 *    see {@link generatorInput} and {@link generatorState}.
 * 2. Firms: for each class in the order key polluter, special, general, positive list, the class's firms in USCC order,
 *    `ceil(pool × rate)` of them picked by a partial Fisher–Yates shuffle (`uniformInt(i, n − 1)` for i = 0, 1, …).
 * 3. Inspectors: for each picked firm in draw order, the active inspectors (certificate order) minus those excluded for
 *    it (a declared tie; the same inspector at the firm's last inspection), shuffled by Fisher–Yates, then the least
 *    loaded so far first (a stable sort, so ties keep their random order); the first `inspectorsPerEntity` go.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { ConflictError } from '#platform/domain/errors.ts';
import { type SupervisionClass, supervisionClasses } from './classes.ts';
import { drawCount } from './plan.ts';

/** The algorithm's name and version, published with every draw. */
export interface DrawAlgorithm {
  readonly name: string;
  readonly version: number;
  readonly generator: string;
  readonly description: string;
}

export const drawAlgorithm: DrawAlgorithm = {
  name: 'greenline-draw',
  version: 1,
  generator: 'pure-rand@8.4.2 xoroshiro128plus, uniformInt',
  description:
    '生成器状态 = SHA-256("greenline-draw/1\\n" + 快照 SHA-256 + "\\n" + 种子) 的前 16 字节；按类别（重点排污单位、特殊监管对象、' +
    '一般排污单位、正面清单企业）对按统一社会信用代码排序的企业做部分 Fisher–Yates 抽取，数量为 ceil(类别企业数 × 比例)；' +
    '再为每家抽中企业从未回避的在库执法人员中洗牌后按已分配次数从少到多选取。',
};

export type ExclusionReason = 'declared-tie' | 'last-inspection';

/** What the draw reads, published with it (canonical JSON). Inspectors are named by certificate, never username. */
export interface DrawSnapshot {
  readonly format: 'greenline-draw-snapshot/1';
  readonly plan: {
    readonly id: string;
    readonly period: string;
    readonly rates: Readonly<Record<SupervisionClass, number>>;
    readonly inspectorsPerEntity: number;
    readonly items: readonly string[];
  };
  /** The class rules' version and the day the classes were taken. */
  readonly classRulesVersion: number;
  readonly asOf: string;
  /** Every registered firm, by USCC. */
  readonly entities: readonly { readonly uscc: string; readonly name: string; readonly class: SupervisionClass }[];
  /** The active inspectors, by certificate number. */
  readonly inspectors: readonly { readonly certificateNumber: string; readonly name: string }[];
  /** Who may not go where (回避), by certificate number and USCC. */
  readonly exclusions: readonly {
    readonly certificateNumber: string;
    readonly uscc: string;
    readonly reason: ExclusionReason;
  }[];
}

export interface ClassTally {
  readonly class: SupervisionClass;
  readonly pool: number;
  readonly rate: number;
  readonly drawn: number;
}

export interface DrawnEntity {
  /** 1, 2, … in draw order. */
  readonly order: number;
  readonly uscc: string;
  readonly name: string;
  readonly class: SupervisionClass;
  /** Certificate numbers, in the order drawn. */
  readonly inspectors: readonly string[];
}

export interface DrawResult {
  readonly classes: readonly ClassTally[];
  readonly entities: readonly DrawnEntity[];
}

/**
 * JSON with every object's keys sorted (by UTF-16 code units) and no whitespace: one text for one value, whatever
 * order its keys were built in. Arrays keep their order; `undefined` properties are left out; a non-finite number or
 * anything not JSON is refused.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
};

/** The text whose SHA-256 seeds the generator. */
export const generatorInput = (snapshotHash: string, seed: string): string =>
  `${drawAlgorithm.name}/${drawAlgorithm.version}\n${snapshotHash}\n${seed}`;

/** The generator's state from a SHA-256 digest in hex: its first 16 bytes as four big-endian 32-bit words. */
export const generatorState = (digestHex: string): readonly number[] => {
  if (!/^[0-9a-f]{64}$/.test(digestHex)) throw new RangeError('generatorState: not a SHA-256 digest in hex');
  const words = [0, 1, 2, 3].map((index) => Number.parseInt(digestHex.slice(index * 8, index * 8 + 8), 16) | 0);
  // xoroshiro's all-zero state never moves: a 2^-128 chance, but a pure function must answer it.
  return words.every((word) => word === 0) ? [0, 0, 0, 1] : words;
};

const key = (certificateNumber: string, uscc: string) => `${certificateNumber}\u0000${uscc}`;

/** The firms of the pool that have fewer than the plan's inspectors left once the exclusions are taken out. */
export const staffingGaps = (
  snapshot: DrawSnapshot,
): readonly { readonly uscc: string; readonly name: string; readonly eligible: number }[] => {
  const excluded = new Set(snapshot.exclusions.map((exclusion) => key(exclusion.certificateNumber, exclusion.uscc)));
  return snapshot.entities.flatMap((entity) => {
    const eligible = snapshot.inspectors.filter(
      (inspector) => !excluded.has(key(inspector.certificateNumber, entity.uscc)),
    ).length;
    return eligible < snapshot.plan.inspectorsPerEntity ? [{ uscc: entity.uscc, name: entity.name, eligible }] : [];
  });
};

/** Fisher–Yates over the first `count` places of a copy of `items`: those places, in the order drawn. */
const pick = <T>(rng: RandomGenerator, items: readonly T[], count: number): T[] => {
  const copy = [...items];
  for (let index = 0; index < count; index += 1) {
    const other = uniformInt(rng, index, copy.length - 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy.slice(0, count);
};

/**
 * Runs the draw of `snapshot` from the generator state `state` ({@link generatorState}). Throws a ConflictError when
 * a drawn firm has too few inspectors left (check {@link staffingGaps} first: that does not depend on the seed).
 */
export const runDraw = (snapshot: DrawSnapshot, state: readonly number[]): DrawResult => {
  const rng = xoroshiro128plusFromState(state);
  const byUscc = [...snapshot.entities].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  const classes: ClassTally[] = [];
  const picked: (typeof snapshot.entities)[number][] = [];
  for (const name of supervisionClasses) {
    const pool = byUscc.filter((entity) => entity.class === name);
    const rate = snapshot.plan.rates[name];
    const count = drawCount(pool.length, rate);
    classes.push({ class: name, pool: pool.length, rate, drawn: count });
    picked.push(...pick(rng, pool, count));
  }

  const excluded = new Set(snapshot.exclusions.map((exclusion) => key(exclusion.certificateNumber, exclusion.uscc)));
  const inspectors = snapshot.inspectors
    .map((inspector) => inspector.certificateNumber)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const load = new Map<string, number>(inspectors.map((certificate) => [certificate, 0]));
  const entities = picked.map((entity, index): DrawnEntity => {
    const eligible = inspectors.filter((certificate) => !excluded.has(key(certificate, entity.uscc)));
    if (eligible.length < snapshot.plan.inspectorsPerEntity) {
      throw new ConflictError(`${entity.name} 可抽取的执法人员不足 ${snapshot.plan.inspectorsPerEntity} 人`);
    }
    const shuffled = pick(rng, eligible, eligible.length);
    const chosen = shuffled
      .map((certificate, position) => ({ certificate, position, load: load.get(certificate) ?? 0 }))
      .sort((a, b) => a.load - b.load || a.position - b.position)
      .slice(0, snapshot.plan.inspectorsPerEntity)
      .map((entry) => entry.certificate);
    for (const certificate of chosen) load.set(certificate, (load.get(certificate) ?? 0) + 1);
    return { order: index + 1, uscc: entity.uscc, name: entity.name, class: entity.class, inspectors: chosen };
  });
  return { classes, entities };
};
