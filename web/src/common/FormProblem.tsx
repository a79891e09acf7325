/**
 * What went wrong with a form's request, shown above its fields: the API's refusal (its detail, with the field errors
 * that no field of the form can show) or the failure to send it at all.
 */
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { isProblem, problemText, showFieldErrors } from '../api/problems.ts';

export interface FormProblem {
  readonly title: string;
  readonly details: readonly string[];
}

/** Why a request was refused in one line: the API's detail, else the status. */
export const refusalTitle = (error: unknown, response: Response): string =>
  isProblem(error) ? problemText(error) : `${response.status} ${response.statusText}`;

/**
 * The problem of a refused request: {@link refusalTitle}, and the API's field errors put under the fields of `form`
 * named in `fields`, the others kept as details.
 */
export const refusalOf = (
  form: FormInstance,
  error: unknown,
  response: Response,
  fields: readonly string[],
): FormProblem => ({
  title: refusalTitle(error, response),
  details: isProblem(error) ? showFieldErrors(form, error, fields) : [],
});

/**
 * A form's request in flight and its problem. `send` runs a request with the form busy and the last problem cleared;
 * the request answers the problem to show (none once it has done its work), and what it throws is shown too.
 */
export const useFormRequest = () => {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem>();
  const send = async (request: () => Promise<FormProblem | undefined>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      setProblem(await request());
    } catch (cause) {
      setProblem({ title: cause instanceof Error ? cause.message : String(cause), details: [] });
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, send };
};

/** The problem above the form: `failed：the problem`, with the details under it. */
export const FormProblemAlert = ({ failed, problem }: { failed: string; problem: FormProblem | undefined }) =>
  problem ? (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${failed}：${problem.title}`}
      description={problem.details.length > 0 ? problem.details.join('；') : undefined}
    />
  ) : null;
