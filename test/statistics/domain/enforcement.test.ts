import { describe, expect, it } from 'vitest';
import { noFigures } from '#inspections/domain/figures.ts';
import {
  enforcementDifferences,
  enforcementFiguresOf,
  enforcementRepairs,
  recountByUnitAndDay,
} from '#statistics/domain/enforcement.ts';
import { anEnforcementCase, anInspection } from '../support/enforcement.ts';

const east = ['city', 'east'];

describe('the enforcement figures of the statistics', () => {
  it('give the penalty in yuan beside fen, and say what they count', () => {
    const figures = enforcementFiguresOf({ ...noFigures, decisions: 1, penaltyFen: 60_050_050 });

    expect(figures).toMatchObject({ decisions: 1, penaltyFen: 60_050_050, penaltyYuan: 600_500.5 });
    expect(figures.basis).toContain('按发生日统计');
  });
});

describe('the enforcement counters recounted by unit and day', () => {
  it('counts each record on its days for every unit on its path', () => {
    const recounted = recountByUnitAndDay(
      [anInspection(east, '2026-03-05', 2), anInspection(east, '2026-03-05', 3)],
      [
        anEnforcementCase(east, '2026-03-05', {
          decision: { on: '2026-03-09', decisionNumber: '1号', penaltyFen: 100, summary: '罚款' },
        }),
      ],
    );

    expect(recounted).toEqual([
      {
        unitId: 'city',
        day: '2026-03-05',
        figures: { ...noFigures, inspections: 2, inspectorVisits: 5, casesFiled: 1 },
      },
      { unitId: 'city', day: '2026-03-09', figures: { ...noFigures, decisions: 1, penaltyFen: 100 } },
      {
        unitId: 'east',
        day: '2026-03-05',
        figures: { ...noFigures, inspections: 2, inspectorVisits: 5, casesFiled: 1 },
      },
      { unitId: 'east', day: '2026-03-09', figures: { ...noFigures, decisions: 1, penaltyFen: 100 } },
    ]);
  });

  it('lists each counter that differs from its recount, a missing one as 0, and what repairs it', () => {
    const stored = [
      { unitId: 'city', day: '2026-03-05', figures: { inspections: 3, inspectorVisits: 2 } },
      { unitId: 'east', day: '2026-03-30', figures: { casesClosed: 1 } },
    ];
    const recounted = [
      { unitId: 'city', day: '2026-03-05', figures: { ...noFigures, inspections: 1, inspectorVisits: 2 } },
      { unitId: 'city', day: '2026-03-06', figures: { ...noFigures, casesFiled: 1 } },
    ];

    const differences = enforcementDifferences(stored, recounted);

    expect(differences).toEqual([
      { unitId: 'city', day: '2026-03-05', name: 'inspections', stored: 3, recounted: 1 },
      { unitId: 'city', day: '2026-03-06', name: 'casesFiled', stored: 0, recounted: 1 },
      { unitId: 'east', day: '2026-03-30', name: 'casesClosed', stored: 1, recounted: 0 },
    ]);
    expect(enforcementRepairs(differences)).toEqual([
      {
        unitId: 'city',
        deltas: [
          { date: '2026-03-05', add: { inspections: -2 } },
          { date: '2026-03-06', add: { casesFiled: 1 } },
        ],
      },
      { unitId: 'east', deltas: [{ date: '2026-03-30', add: { casesClosed: -1 } }] },
    ]);
  });

  it('finds nothing when the counters equal the recount', () => {
    const records = recountByUnitAndDay([anInspection(east, '2026-03-05')], []);
    expect(enforcementDifferences(records, records)).toEqual([]);
  });
});
