/**
 * A stored draw: what was drawn from which plan, with its verification data (the snapshot's SHA-256, the seed, the
 * algorithm) — all published — and, for the officials only, which user holds each certificate drawn.
 */
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import type { DrawAlgorithm, DrawResult } from './draw.ts';
import { periodSchema } from './plan.ts';

/** `POST /v1/draws`. */
export const newDrawSchema = z
  .object({
    planId: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '计划编号格式不正确')
      .describe('抽查计划编号 / the plan'),
    seed: plainText(1, 200)
      .optional()
      .describe(
        '随机种子：抽取前确定并公开的值（如某期公开开奖号码、现场公证人员掷出的数字）；省略则由系统生成 128 位随机数并公开 / ' +
          'a public value fixed before the draw; omitted: 128 random bits made by the system',
      ),
  })
  .strict();
export type NewDraw = z.output<typeof newDrawSchema>;

export const publicInspectionsQuerySchema = z
  .object({ period: periodSchema.optional().describe('期间（季度，如 2026-Q2；默认本季度）/ the quarter') })
  .strict();

export const drawsQuerySchema = z.object({ period: periodSchema.optional().describe('期间 / the quarter') }).strict();

export interface DrawVerification {
  readonly algorithm: DrawAlgorithm;
  readonly seed: string;
  /** `given` by the official (a public value fixed before), or `generated` by the system at the draw. */
  readonly seedSource: 'given' | 'generated';
  /** SHA-256 (hex) of the snapshot's canonical JSON, as UTF-8. */
  readonly snapshotHash: string;
}

export interface Draw extends DrawVerification {
  readonly id: string;
  readonly planId: string;
  readonly planName: string;
  readonly period: string;
  readonly unitId: string;
  readonly unitPath: readonly string[];
  readonly items: readonly { readonly code: string; readonly label: string }[];
  readonly result: DrawResult;
  /** Which user holds each certificate drawn (never published). */
  readonly inspectorUsers: Readonly<Record<string, { readonly username: string; readonly name: string }>>;
  readonly drawnAt: string;
  readonly drawnBy: string;
}

/** A draw checked again: the snapshot's hash and a fresh run from it against what was stored. */
export interface DrawCheck {
  readonly hashMatches: boolean;
  readonly resultMatches: boolean;
  readonly matches: boolean;
  readonly recomputedHash: string;
}
