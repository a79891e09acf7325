/**
 * The publication (一公开), `GET /v1/public/inspections?period=`: the period's draws with their verification data (the
 * snapshot itself, its SHA-256, the seed, the algorithm) and, for each drawn firm, who was drawn (name and certificate
 * number only), and once inspected the result: the items checked, the summary, the findings and the outcome. No
 * username, unit, tie or anything of a complainant is shown.
 */
import type { SupervisionClass } from '#inspections/domain/classes.ts';
import type { ClassTally, DrawAlgorithm } from '#inspections/domain/draw.ts';
import { publicInspectionsQuerySchema } from '#inspections/domain/draw-record.ts';
import { type InspectionOutcome, publicationPolicy } from '#inspections/domain/inspection.ts';
import type { PublicInspector } from '#inspections/domain/inspectors.ts';
import { periodOf } from '#inspections/domain/plan.ts';
import { getStoredDraw, listDraws } from '#inspections/store/draws.ts';
import { getInspections } from '#inspections/store/records.ts';
import { now } from '#platform/clock.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';

export interface PublicInspectionResult {
  readonly number: string;
  readonly date: string;
  readonly inspectors: readonly PublicInspector[];
  readonly itemsChecked: readonly string[];
  readonly summary: string;
  readonly findings: readonly string[];
  readonly outcome: InspectionOutcome;
  readonly publishedAt: string;
  readonly publishBy: string;
}

export interface PublicDrawnEntity {
  readonly order: number;
  readonly uscc: string;
  readonly name: string;
  readonly class: SupervisionClass;
  readonly inspectors: readonly PublicInspector[];
  readonly result?: PublicInspectionResult;
}

export interface PublicDraw {
  readonly id: string;
  readonly planName: string;
  readonly drawnAt: string;
  readonly items: readonly string[];
  readonly algorithm: DrawAlgorithm;
  readonly seed: string;
  readonly seedSource: 'given' | 'generated';
  readonly snapshotHash: string;
  /** The snapshot's canonical JSON, exactly as hashed: re-run the draw from it and the seed. */
  readonly snapshot: string;
  readonly classes: readonly ClassTally[];
  readonly entities: readonly PublicDrawnEntity[];
}

export interface PublicInspections {
  readonly period: string;
  readonly publicationPolicy: string;
  readonly draws: readonly PublicDraw[];
}

export const readPublicInspections = async (query: unknown): Promise<PublicInspections> => {
  const { period: asked } = parseWith(publicInspectionsQuerySchema, query);
  const period = asked ?? periodOf(bureauDate(now()));
  const listed = await listDraws(period);
  const draws = await Promise.all(
    listed.map(async (summary): Promise<PublicDraw | undefined> => {
      const stored = await getStoredDraw(summary.id);
      if (!stored) return undefined;
      const { draw, snapshotJson, done } = stored;
      const inspections = new Map(
        (await getInspections(Object.values(done))).map((inspection) => [inspection.uscc, inspection]),
      );
      const named = (certificate: string): PublicInspector => ({
        name: draw.inspectorUsers[certificate]?.name ?? '',
        certificateNumber: certificate,
      });
      return {
        id: draw.id,
        planName: draw.planName,
        drawnAt: draw.drawnAt,
        items: draw.items.map((item) => item.label),
        algorithm: draw.algorithm,
        seed: draw.seed,
        seedSource: draw.seedSource,
        snapshotHash: draw.snapshotHash,
        snapshot: snapshotJson,
        classes: draw.result.classes,
        entities: draw.result.entities.map((entity) => {
          const inspection = inspections.get(entity.uscc);
          return {
            order: entity.order,
            uscc: entity.uscc,
            name: entity.name,
            class: entity.class,
            inspectors: entity.inspectors.map(named),
            ...(inspection
              ? {
                  result: {
                    number: inspection.number,
                    date: inspection.date,
                    inspectors: inspection.inspectors.map(({ name, certificateNumber }) => ({
                      name,
                      certificateNumber,
                    })),
                    itemsChecked: inspection.itemsChecked.map((item) => item.label),
                    summary: inspection.summary,
                    findings: inspection.findings.map((finding) => finding.description),
                    outcome: inspection.outcome,
                    publishedAt: inspection.publishedAt,
                    publishBy: inspection.publishBy,
                  },
                }
              : {}),
          };
        }),
      };
    }),
  );
  return {
    period,
    publicationPolicy: publicationPolicy.label,
    draws: draws.filter((draw): draw is PublicDraw => draw !== undefined),
  };
};
