/** The reason a request of the statistics page failed, in words for the page. */
import { isProblem, problemText } from '../../api/problems.ts';
import { recordNotFound } from '../../common/RecordLoading.tsx';

/**
 * A problem's `detail` with the messages of its field errors, which say what to change (a validation problem's detail
 * only counts them: `请求内容有 1 处错误：起始日期不能晚于截止日期`); else the status.
 */
export const failureReason = (error: unknown, response: Response): string => {
  if (!isProblem(error)) return `${response.status} ${response.statusText}`.trim();
  const fields = (error.errors ?? []).map((field) => field.message);
  return fields.length > 0 ? `${problemText(error)}：${fields.join('；')}` : problemText(error);
};

/** Why reading a record failed: {@link recordNotFound} for a 404 (named by the page), else {@link failureReason}. */
export const readFailure = (error: unknown, response: Response): string =>
  response.status === 404 ? recordNotFound : failureReason(error, response);
