/** A dialog's request refused by the API: why, under the dialog's form. */
import { Alert, type FormInstance } from 'antd';
import { isProblem, problemText, showFieldErrors } from '../api/problems.ts';

/**
 * Why the API refused a dialog's request, in words: the problem's detail with the field errors that name no field of
 * `form` (the others go under their fields, where they say all there is to say: then nothing); else the status.
 */
export const refusalText = (
  form: FormInstance,
  error: unknown,
  response: Response,
  fields: readonly string[],
): string | undefined => {
  if (!isProblem(error)) return `${response.status} ${response.statusText}`.trim();
  const loose = showFieldErrors(form, error, fields);
  return (error.errors ?? []).length === 0 || loose.length > 0 ? [problemText(error), ...loose].join('；') : undefined;
};

export const RefusalAlert = ({
  title,
  refusal,
  testId,
}: {
  title: string;
  refusal: string | undefined;
  testId: string;
}) => (refusal ? <Alert type="error" showIcon data-testid={testId} title={title} description={refusal} /> : null);
