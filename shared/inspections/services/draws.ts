/**
 * Running a draw (`POST /v1/draws`), reading one with its verification (`GET /v1/draws/{id}`) and listing a period's.
 *
 * The snapshot is taken from the pools as they stand: every registered firm with its class (the class rules in force,
 * today), the active inspectors by certificate, and the exclusions — each inspector's declared ties and the inspectors
 * of each firm's last inspection. The seed is the official's (a public value fixed before the draw) or 128 random bits
 * made here; either is published with the snapshot's hash and the algorithm.
 */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { listEveryEnterprise } from '#enterprises/services/every-enterprise.ts';
import { classRules, supervisionClassOf } from '#inspections/domain/classes.ts';
import { canonicalJson, type DrawSnapshot, drawAlgorithm, staffingGaps } from '#inspections/domain/draw.ts';
import { type Draw, type DrawCheck, drawsQuerySchema, newDrawSchema } from '#inspections/domain/draw-record.ts';
import { periodOf } from '#inspections/domain/plan.ts';
import { getLastInspections, getStoredDraw, listDraws, saveDraw } from '#inspections/store/draws.ts';
import { DrawNotFoundError, PlanDrawnError } from '#inspections/store/errors.ts';
import { getPlan, listInspectors } from '#inspections/store/plans.ts';
import { now } from '#platform/clock.ts';
import { ConflictError, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requirePlanner, requireReader } from './access.ts';
import { checkDraw, drawFromText } from './draw-check.ts';

/** A draw as officials see it: without the user names behind the certificates, with its snapshot and a fresh check. */
export interface DrawDetails extends Omit<Draw, 'inspectorUsers' | 'unitPath'> {
  readonly inspectors: readonly {
    readonly certificateNumber: string;
    readonly name: string;
    readonly username: string;
  }[];
  readonly snapshot: string;
  readonly check: DrawCheck;
  /** The drawn firms inspected so far: USCC → inspection id. */
  readonly inspected: Readonly<Record<string, string>>;
}

const detailsOf = (draw: Draw, snapshotJson: string, done: Readonly<Record<string, string>>): DrawDetails => {
  const { inspectorUsers, unitPath: _path, ...rest } = draw;
  return {
    ...rest,
    inspectors: Object.entries(inspectorUsers)
      .map(([certificateNumber, user]) => ({ certificateNumber, ...user }))
      .sort((a, b) => a.certificateNumber.localeCompare(b.certificateNumber)),
    snapshot: snapshotJson,
    check: checkDraw(draw, snapshotJson),
    inspected: done,
  };
};

export const createDraw = async (body: unknown, principal: Principal): Promise<DrawDetails> => {
  requirePlanner(principal);
  const input = parseWith(newDrawSchema, body);
  const plan = await getPlan(input.planId);
  if (!plan) throw new ValidationError([{ path: 'planId', message: '抽查计划不存在' }]);
  if (plan.drawId) throw new PlanDrawnError(`该计划已抽取过（${plan.drawId}），每个计划只抽取一次`);
  const at = now();
  const today = bureauDate(at);
  const [firms, pool, unit] = await Promise.all([listEveryEnterprise(), listInspectors(), getOrgUnit(plan.unitId)]);
  const active = pool.filter((inspector) => inspector.active);
  const last = await getLastInspections(firms.map((firm) => firm.uscc));
  const certificateOf = new Map(active.map((inspector) => [inspector.username, inspector.certificateNumber]));
  const registered = new Set(firms.map((firm) => firm.uscc));

  const exclusions = [
    ...active.flatMap((inspector) =>
      inspector.ties
        .filter((tie) => registered.has(tie.uscc))
        .map((tie) => ({
          certificateNumber: inspector.certificateNumber,
          uscc: tie.uscc,
          reason: 'declared-tie' as const,
        })),
    ),
    ...last.flatMap((visit) =>
      visit.usernames.flatMap((username) => {
        const certificateNumber = certificateOf.get(username);
        return certificateNumber ? [{ certificateNumber, uscc: visit.uscc, reason: 'last-inspection' as const }] : [];
      }),
    ),
  ].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  const snapshot: DrawSnapshot = {
    format: 'greenline-draw-snapshot/1',
    plan: {
      id: plan.id,
      period: plan.period,
      rates: plan.rates,
      inspectorsPerEntity: plan.inspectorsPerEntity,
      items: plan.items.map((item) => item.code),
    },
    classRulesVersion: classRules.version,
    asOf: today,
    entities: firms
      .map((firm) => ({ uscc: firm.uscc, name: firm.name, class: supervisionClassOf(firm, today) }))
      .sort((a, b) => (a.uscc < b.uscc ? -1 : 1)),
    inspectors: active
      .map((inspector) => ({ certificateNumber: inspector.certificateNumber, name: inspector.name }))
      .sort((a, b) => (a.certificateNumber < b.certificateNumber ? -1 : 1)),
    exclusions,
  };
  // Seed-independent, so refusing here cannot be used to try seeds until one pleases.
  const gaps = staffingGaps(snapshot);
  if (gaps.length > 0) {
    throw new ConflictError(
      `可抽取的执法人员不足（每家须 ${plan.inspectorsPerEntity} 人且无须回避）：${gaps
        .slice(0, 10)
        .map((gap) => `${gap.name}（${gap.eligible} 人）`)
        .join('、')}${gaps.length > 10 ? ` 等 ${gaps.length} 家` : ''}；请补充执法人员库`,
    );
  }

  const seed = input.seed ?? randomBytes(16).toString('hex');
  const snapshotJson = canonicalJson(snapshot);
  const { snapshotHash, result } = drawFromText(snapshotJson, seed);
  const drawn = new Set(result.entities.flatMap((entity) => entity.inspectors));
  const draw: Draw = {
    id: ulid(),
    planId: plan.id,
    planName: plan.name,
    period: plan.period,
    unitId: unit.id,
    unitPath: unit.path,
    items: plan.items,
    algorithm: drawAlgorithm,
    seed,
    seedSource: input.seed === undefined ? 'generated' : 'given',
    snapshotHash,
    result,
    inspectorUsers: Object.fromEntries(
      active
        .filter((inspector) => drawn.has(inspector.certificateNumber))
        .map((inspector) => [inspector.certificateNumber, { username: inspector.username, name: inspector.name }]),
    ),
    drawnAt: at.toISOString(),
    drawnBy: principal.username,
  };
  await saveDraw(draw, snapshotJson, plan.version);
  return detailsOf(draw, snapshotJson, {});
};

export const readDraw = async (id: string, principal: Principal): Promise<DrawDetails> => {
  requireReader(principal);
  const stored = await getStoredDraw(id);
  if (!stored) throw new DrawNotFoundError(`抽取 ${id} 不存在`);
  return detailsOf(stored.draw, stored.snapshotJson, stored.done);
};

export type DrawSummary = Omit<Draw, 'inspectorUsers' | 'unitPath' | 'result'> & {
  readonly classes: Draw['result']['classes'];
  readonly drawnCount: number;
};

export const readDraws = async (query: unknown, principal: Principal): Promise<DrawSummary[]> => {
  requireReader(principal);
  const { period } = parseWith(drawsQuerySchema, query);
  const draws = await listDraws(period ?? periodOf(bureauDate(now())));
  return draws.map(({ inspectorUsers: _users, unitPath: _path, result, ...rest }) => ({
    ...rest,
    classes: result.classes,
    drawnCount: result.entities.length,
  }));
};

/** For `npm run verify-draw`: the stored draw and its snapshot, checked again. */
export const verifyStoredDraw = async (id: string): Promise<{ draw: Draw; check: DrawCheck } | undefined> => {
  const stored = await getStoredDraw(id);
  return stored ? { draw: stored.draw, check: checkDraw(stored.draw, stored.snapshotJson) } : undefined;
};
