import { presentCase } from '#cases/services/present-case.ts';
import { queueUrl, tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { parseBody } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { rectificationApi } from '#rectification/api.ts';
import { createProblem } from '#rectification/services/create-problem.ts';

tableName('main');
queueUrl('notices');

export const handler = httpHandler(async (event) => {
  const principal = principalFromEvent(event);
  const problem = await createProblem(parseBody(rectificationApi.createProblem, event), principal);
  return jsonResponse(201, await presentCase(problem, principal, 'register-rectification-problem'), {
    location: `/v1/cases/${problem.id}`,
  });
});
