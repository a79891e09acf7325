import { describe, expect, it } from 'vitest';
import {
  applyPublishedGrade,
  changeEnterprise,
  type Enterprise,
  enterpriseChangeSchema,
  type IndustryGrade,
  isDowngrade,
  newEnterpriseSchema,
  overallGrade,
  registerEnterprise,
  settledHelpPlan,
} from '#enterprises/domain/enterprise.ts';
import { ConflictError } from '#platform/domain/errors.ts';

const at = '2026-03-01T02:00:00.000Z';

const anEnterprise = (overrides: Record<string, unknown> = {}): Enterprise =>
  registerEnterprise(
    newEnterpriseSchema.parse({
      uscc: '91350100M000100Y43',
      name: '示范市某某涂装有限公司',
      industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
      address: '城东街道工业园 8 号',
      town: '城东街道',
      ...overrides,
    }),
    'dispatcher',
    at,
  );

const published = (industry: string, grade: IndustryGrade['grade'], day: string): IndustryGrade => ({
  industry,
  industryName: industry,
  grade,
  assessmentId: `assessment-${industry}-${day}`,
  schemeVersion: 1,
  publishedAt: `2026-03-${day}T02:00:00.000Z`,
});

describe('a firm in several industries takes its lowest industry grade', () => {
  it('graded B in one industry and C in another is C', () => {
    // Arrange
    const enterprise = anEnterprise();

    // Act
    const afterFirst = applyPublishedGrade(enterprise, published('industrial-coating', 'B', '10'), 'supervisor');
    const afterSecond = applyPublishedGrade(afterFirst, published('packaging-printing', 'C', '11'), 'supervisor');

    // Assess
    expect(afterFirst.grade).toBe('B');
    expect(afterSecond.grade).toBe('C');
    expect(afterSecond.industryGrades.map((entry) => `${entry.industry}:${entry.grade}`)).toEqual([
      'industrial-coating:B',
      'packaging-printing:C',
    ]);
    expect(overallGrade([{ grade: 'B' }, { grade: 'C' }])).toBe('C');
  });

  it('a new assessment replaces its industry’s grade only, and the history shows each step', () => {
    const graded = [
      published('industrial-coating', 'D', '10'),
      published('packaging-printing', 'B', '11'),
      published('industrial-coating', 'C', '20'),
    ].reduce((current, entry) => applyPublishedGrade(current, entry, 'supervisor'), anEnterprise());

    expect(graded.grade).toBe('C');
    expect(graded.industryGrades).toHaveLength(2);
    expect(graded.gradeHistory.map((step) => `${step.previousGrade ?? '-'}→${step.grade}`)).toEqual([
      '-→D',
      'D→D',
      'D→C',
    ]);
    expect(graded.version).toBe(4);
  });

  it('a grade recorded at registration is history, and gives way to the first published assessment', () => {
    const listed = anEnterprise({ grade: 'B' });

    const graded = applyPublishedGrade(listed, published('industrial-coating', 'C', '10'), 'supervisor');

    expect(listed.gradeHistory).toEqual([{ at, by: 'dispatcher', source: 'register', grade: 'B' }]);
    expect(graded.grade).toBe('C');
    expect(graded.gradeHistory.at(-1)).toMatchObject({ previousGrade: 'B', grade: 'C', industryGrade: 'C' });
    expect(isDowngrade('B', 'C')).toBe(true);
    expect(isDowngrade(undefined, 'D')).toBe(false);
  });
});

describe('the help plan a D grade opens and a grade of C or better closes', () => {
  const planned = { caseId: 'plan-1', unitId: 'city' };

  it('a D opens one plan, a second D keeps it, a C closes it, and the history says which step did what', () => {
    // Act
    const atD = applyPublishedGrade(anEnterprise(), published('industrial-coating', 'D', '10'), 'supervisor', planned);
    const opened = settledHelpPlan(atD, at, 'system');
    const againD = applyPublishedGrade(opened, published('industrial-coating', 'D', '11'), 'supervisor', {
      caseId: 'plan-2',
      unitId: 'city',
    });
    const atC = applyPublishedGrade(againD, published('industrial-coating', 'C', '12'), 'supervisor', planned);
    const closed = settledHelpPlan(atC, at, 'system');

    // Assess
    expect(atD.helpPlan).toEqual({
      caseId: 'plan-1',
      unitId: 'city',
      state: 'opening',
      assessmentId: 'assessment-industrial-coating-10',
      since: '2026-03-10T02:00:00.000Z',
    });
    expect(opened.helpPlan?.state).toBe('open');
    expect(againD.helpPlan).toEqual(opened.helpPlan);
    expect(atC.helpPlan).toMatchObject({ caseId: 'plan-1', state: 'closing' });
    expect(closed.helpPlan).toBeUndefined();
    expect(closed.gradeHistory.map((step) => [step.grade, step.helpPlanOpened, step.helpPlanClosed])).toEqual([
      ['D', 'plan-1', undefined],
      ['D', undefined, undefined],
      ['C', undefined, 'plan-1'],
    ]);
  });

  it('a B or C firm without a plan gets none, and a plan closing stays closing through another D', () => {
    const atB = applyPublishedGrade(anEnterprise(), published('industrial-coating', 'B', '10'), 'supervisor', planned);
    const closing = applyPublishedGrade(
      applyPublishedGrade(anEnterprise(), published('industrial-coating', 'D', '10'), 'supervisor', planned),
      published('industrial-coating', 'C', '11'),
      'supervisor',
    );

    const dAgain = applyPublishedGrade(closing, published('industrial-coating', 'D', '12'), 'supervisor', {
      caseId: 'plan-2',
      unitId: 'city',
    });

    expect(atB.helpPlan).toBeUndefined();
    expect(dAgain.helpPlan).toMatchObject({ caseId: 'plan-1', state: 'closing' });
  });
});

describe('registering and changing an enterprise', () => {
  it('defaults the flags and positive-list status, and takes industry codes in lower case', () => {
    const enterprise = anEnterprise({ industries: [{ code: ' c3360 ', label: '金属表面处理' }] });

    expect(enterprise).toMatchObject({
      keyPolluter: false,
      vocs: false,
      positiveList: 'not-listed',
      contacts: [],
      industries: [{ code: 'C3360', label: '金属表面处理' }],
      version: 1,
    });
    expect(enterprise.grade).toBeUndefined();
  });

  it('refuses a wrong USCC naming the field, and a malformed industry code', () => {
    const result = newEnterpriseSchema.safeParse({
      uscc: '91350100M000100Y44',
      name: '某厂',
      industries: [{ code: '3360', label: '金属表面处理' }],
      address: '某地',
      town: '城东街道',
    });

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['uscc', 'industries.0.code']);
  });

  it('changes the fields given, refuses a stale version, and has no way to change the grade', () => {
    const enterprise = anEnterprise();

    const changed = changeEnterprise(
      enterprise,
      enterpriseChangeSchema.parse({ town: '城西街道', version: 1 }),
      'admin',
      at,
    );

    expect(changed).toMatchObject({ town: '城西街道', version: 2, updatedBy: 'admin' });
    expect(() => changeEnterprise(changed, { town: '城北街道', version: 1 }, 'admin', at)).toThrow(ConflictError);
    expect(enterpriseChangeSchema.safeParse({ grade: 'A' }).success).toBe(false);
    expect(enterpriseChangeSchema.safeParse({ version: 2 }).success).toBe(false);
  });
});
