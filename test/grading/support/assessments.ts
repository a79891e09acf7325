/** Driving assessments through their routes in integration tests: the officials, the calls, a whole publication. */
import { expect } from 'vitest';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { AssessmentView } from '#grading/services/assessment-view.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { call } from '../../enterprises/support/enterprises.ts';
import { aPrincipal, bodyOf } from '../../support/factories.ts';

export const handler = aPrincipal('handler', 'east-enforcement');
export const lead = aPrincipal('lead', 'east');
export const supervisor = aPrincipal('supervisor', 'city');

export const create = (body: unknown, principal: Principal = handler) =>
  call('POST', '/v1/grading/assessments', { principal, body });

export const act = (id: string, action: string, principal: Principal, body?: unknown) =>
  call('POST', '/v1/grading/assessments/{id}/actions/{action}', {
    principal,
    pathParameters: { id, action },
    ...(body === undefined ? {} : { body }),
  });

export const enterprise = async (uscc: string) =>
  bodyOf<Enterprise>(await call('GET', '/v1/enterprises/{uscc}', { principal: lead, pathParameters: { uscc } }));

/** Creates, submits, accepts and publishes an assessment; answers the published assessment. */
export const publish = async (body: Record<string, unknown>): Promise<AssessmentView> => {
  const draft = bodyOf<AssessmentView>(await create(body));
  for (const [action, principal] of [
    ['submit', handler],
    ['accept', lead],
    ['publish', supervisor],
  ] as const) {
    const response = await act(draft.id, action, principal, {});
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  }
  return bodyOf<AssessmentView>(
    await call('GET', '/v1/grading/assessments/{id}', { principal: lead, pathParameters: { id: draft.id } }),
  );
};
