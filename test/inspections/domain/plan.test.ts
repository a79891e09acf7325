import { describe, expect, it } from 'vitest';
import { changePlan, defaultRates, type InspectionPlan, planChangeSchema } from '#inspections/domain/plan.ts';
import { ConflictError } from '#platform/domain/errors.ts';

const aPlan = (overrides: Partial<InspectionPlan> = {}): InspectionPlan => ({
  id: '01KPLANAAAAAAAAAAAAAAAAAAA',
  name: '2026 年第三季度双随机抽查',
  period: '2026-Q3',
  rates: defaultRates,
  items: [{ code: 'A1', label: '污染防治设施运行情况' }],
  inspectorsPerEntity: 2,
  unitId: 'liyang',
  unitPath: ['liyang'],
  createdAt: '2026-06-20T01:00:00.000Z',
  createdBy: 'planner',
  version: 1,
  ...overrides,
});

const at = '2026-06-21T02:00:00.000Z';

describe('changePlan', () => {
  it('replaces the fields given, merges the rates class by class and moves one version on', () => {
    // Prepare
    const change = planChangeSchema.parse({
      name: '2026 年第三季度双随机抽查（调整）',
      rates: { general: 10 },
      items: [
        { code: 'A1', label: '污染防治设施运行情况' },
        { code: 'B2', label: '危险废物贮存' },
      ],
      version: 1,
    });

    // Act
    const changed = changePlan(aPlan(), change, 'supervisor', at);

    // Assess
    expect(changed).toMatchObject({
      name: '2026 年第三季度双随机抽查（调整）',
      rates: { ...defaultRates, general: 10 },
      items: [{ code: 'A1' }, { code: 'B2' }],
      inspectorsPerEntity: 2,
      period: '2026-Q3',
      version: 2,
      updatedAt: at,
      updatedBy: 'supervisor',
    });
  });

  it('refuses a drawn plan, saying why, and a change made on another version', () => {
    const drawn = () =>
      changePlan(aPlan({ drawId: '01KDRAWAAAAAAAAAAAAAAAAAAA' }), planChangeSchema.parse({ name: '新名称' }), 'x', at);
    const stale = () =>
      changePlan(aPlan({ version: 3 }), planChangeSchema.parse({ name: '新名称', version: 2 }), 'x', at);

    expect(drawn).toThrow(ConflictError);
    expect(drawn).toThrow(/已抽取.*不能再修改/);
    expect(stale).toThrow(/当前版本 3/);
  });

  it('names each bad field of a change, and refuses an empty one or a period change', () => {
    const bad = planChangeSchema.safeParse({
      rates: { general: 0, 'positive-list': 101 },
      items: [
        { code: 'A1', label: '事项一' },
        { code: 'A1', label: '事项二' },
      ],
      inspectorsPerEntity: 1,
    });
    const empty = planChangeSchema.safeParse({ version: 2 });
    const period = planChangeSchema.safeParse({ period: '2026-Q4' });

    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'inspectorsPerEntity',
      'items.1.code',
      'rates.general',
      'rates.positive-list',
    ]);
    expect(empty.success).toBe(false);
    expect(period.success).toBe(false);
  });
});
