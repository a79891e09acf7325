import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  actOnAssessment,
  allowedAssessmentActions,
  changeAssessment,
  draftAssessment,
} from '#grading/domain/assessment.ts';
import { exampleScheme } from '#grading/domain/example-scheme.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import { aPrincipal } from '../../support/factories.ts';
import { aScheme, exampleAnswers } from '../support/factories.ts';

const handler = aPrincipal('handler', 'east-enforcement');
const lead = aPrincipal('lead', 'east');
const supervisor = aPrincipal('supervisor', 'city');
const at = '2026-03-02T02:00:00.000Z';

const aDraft = (values = exampleAnswers({ 'vocs-treatment': 'D' })): Assessment =>
  draftAssessment({
    id: '01KASSESSMENTAAAAAAAAAAAAA',
    uscc: '91350100M000100Y43',
    enterpriseName: '某某涂装有限公司',
    scheme: exampleScheme,
    values,
    attachments: [],
    by: handler.username,
    at,
  });

const walk = (assessment: Assessment, steps: readonly [Parameters<typeof actOnAssessment>[1], typeof handler][]) =>
  steps.reduce(
    (current, [action, principal]) => actOnAssessment(current, action, {}, exampleScheme, principal, at),
    assessment,
  );

describe('an assessment’s workflow', () => {
  it('walks draft → submitted → accepted → published, recording each step and the grade published', () => {
    // Act
    const published = walk(aDraft(), [
      ['submit', handler],
      ['accept', lead],
      ['publish', supervisor],
    ]);

    // Assess
    expect(published).toMatchObject({ status: 'published', publishedGrade: 'D', publishedAt: at, version: 4 });
    expect(published.history.map((entry) => `${entry.action}:${entry.toStatus}`)).toEqual([
      'create:draft',
      'submit:submitted',
      'accept:accepted',
      'publish:published',
    ]);
  });

  it('is returned with a reason, changed and submitted again', () => {
    const submitted = walk(aDraft(), [['submit', handler]]);

    expect(() => actOnAssessment(submitted, 'return', {}, exampleScheme, lead, at)).toThrow(ValidationError);
    const returned = actOnAssessment(submitted, 'return', { reason: '缺少监测报告' }, exampleScheme, lead, at);
    const changed = changeAssessment(
      returned,
      { values: exampleAnswers({ 'vocs-treatment': 'C' }) },
      exampleScheme,
      'handler',
      at,
    );
    const again = actOnAssessment(changed, 'submit', {}, exampleScheme, handler, at);

    expect(returned.history.at(-1)).toMatchObject({ action: 'return', reason: '缺少监测报告', toStatus: 'returned' });
    expect(changed.result.grade).toBe('C');
    expect(again.status).toBe('submitted');
  });

  it('refuses to submit while a required indicator is unanswered, naming it', () => {
    const draft = aDraft(exampleAnswers().filter((value) => value.indicatorId !== 'transport'));

    expect(() => actOnAssessment(draft, 'submit', {}, exampleScheme, handler, at)).toThrow(
      expect.objectContaining({ errors: [{ path: 'values', message: '必填指标“运输方式”（transport）尚未填写' }] }),
    );
  });

  it('refuses what a role may not do, a step out of order, and a reviewer accepting their own submission', () => {
    const submitted = walk(aDraft(), [['submit', handler]]);
    const selfReviewing = { ...lead, username: 'handler' };

    expect(() => actOnAssessment(aDraft(), 'submit', {}, exampleScheme, lead, at)).toThrow(ForbiddenError);
    expect(() => actOnAssessment(aDraft(), 'publish', {}, exampleScheme, supervisor, at)).toThrow(ConflictError);
    expect(() => actOnAssessment(submitted, 'accept', {}, exampleScheme, selfReviewing, at)).toThrow(
      '提交人不能审核自己提交的评定',
    );
    expect(allowedAssessmentActions(submitted, selfReviewing)).toEqual(['return']);
    expect(allowedAssessmentActions(submitted, lead)).toEqual(['accept', 'return']);
  });

  it('refuses changes once submitted, and a stale version', () => {
    const submitted = walk(aDraft(), [['submit', handler]]);

    expect(() => changeAssessment(submitted, { note: '补充' }, exampleScheme, 'handler', at)).toThrow(ConflictError);
    expect(() => changeAssessment(aDraft(), { note: '补充', version: 7 }, exampleScheme, 'handler', at)).toThrow(
      /当前版本 1/,
    );
  });

  it('publishes A+ only for an A result of a scheme with the A+ tier', () => {
    const scheme = aScheme();
    const draftOf = (values: Assessment['values']) =>
      draftAssessment({
        ...{ id: 'x', uscc: 'u', enterpriseName: 'n', attachments: [], by: 'handler', at },
        scheme,
        values,
      });
    const accepted = (values: Assessment['values']) =>
      ['submit', 'accept'].reduce(
        (current, action, index) =>
          actOnAssessment(
            current,
            action as 'submit' | 'accept',
            {},
            scheme,
            [handler, lead][index] as typeof handler,
            at,
          ),
        draftOf(values),
      );
    const atA = accepted([
      { indicatorId: 'treatment', option: 'rto' },
      { indicatorId: 'nmhc', value: 10 },
    ]);
    const atB = accepted([
      { indicatorId: 'treatment', option: 'regenerated' },
      { indicatorId: 'nmhc', value: 10 },
    ]);

    expect(actOnAssessment(atA, 'publish', { aPlus: true }, scheme, supervisor, at).publishedGrade).toBe('A+');
    expect(() => actOnAssessment(atB, 'publish', { aPlus: true }, scheme, supervisor, at)).toThrow(ValidationError);
    expect(() => actOnAssessment(atA, 'publish', { aPlus: true }, { aPlus: false }, supervisor, at)).toThrow(
      ValidationError,
    );
  });

  it('checks answers against the scheme when drafting', () => {
    expect(() => aDraft([{ indicatorId: 'transport', option: 'teleport' }])).toThrow(ValidationError);
  });
});
