/**
 * What must hold of the case itself before an action, beyond its state: the policy's limits on returns and
 * extensions, a pending extension to decide, a duplicate holding no duplicates of its own. Each is knowable from the
 * case, its policy and the time alone, so the same check refuses the action (`performAction`) and leaves it out of the
 * actions offered (`allowedActions`). What only the action's input reveals (the master of a merge, the people of an
 * assignment, an extension's length) is checked by the step (`steps.ts`).
 */
import type { TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { type CloseOut, pendingLookBack } from '#rectification/domain/details.ts';
import type { Case, Extension } from '../case.ts';
import type { ActionName } from './actions.ts';

/** The extension request awaiting the lead official's decision, if any. */
export const pendingExtension = (item: Case): Extension | undefined =>
  item.extensions.find((extension) => extension.status === 'requested');

export interface PreconditionArgs {
  readonly item: Case;
  /** The case's time-limit policy, in the version its deadlines came from. */
  readonly policy: TimeLimitPolicy;
  readonly now: Date;
  /** For `merge`, when known: the master named, so the refusal can say which case to merge the other way. */
  readonly master?: Pick<Case, 'number'>;
}

/** Why the action cannot be taken on this case now (a 409), or undefined when nothing stands in its way. */
type Precondition = (args: PreconditionArgs) => string | undefined;

const decisionPending: Precondition = ({ item }) => (pendingExtension(item) ? undefined : '没有待审批的延期申请');

/**
 * A close-out step (销号) follows the one before it and is taken once: `needs` names the step that must be there and
 * why, `done` the step itself.
 */
const closeOutStep =
  (needs: (closeOut: CloseOut) => boolean, missing: string, done: keyof CloseOut, already: string): Precondition =>
  ({ item }) => {
    const closeOut = item.rectification?.closeOut ?? {};
    if (!needs(closeOut)) return missing;
    return closeOut[done] ? already : undefined;
  };

/** The preconditions of the actions that have one. */
export const preconditions: { readonly [A in ActionName]?: Precondition } = {
  // One level only: a duplicate's complainant is told through its master's `mergedCases`, and its tracking follows its
  // `mergedInto`; a case that already holds duplicates would leave them behind a master that is itself merged.
  merge: ({ item, master }) =>
    item.mergedCases.length > 0
      ? `本件已有 ${item.mergedCases.length} 件重复件并入，不能再合并到其他事项；可将${master ? ` ${master.number} ` : '其他事项'}合并到本件`
      : undefined,

  return: ({ item, policy }) =>
    item.returnCount >= policy.maxReturns ? `已退单 ${item.returnCount} 次，达到上限，请与信访办协调后办理` : undefined,

  'request-extension': ({ item, policy, now }) => {
    if (policy.maxExtensions <= 0 || policy.maxExtensionDays <= 0) return '此类事项不能延期';
    if (pendingExtension(item)) return '已有待审批的延期申请';
    const finish = item.timeLimits?.clocks.finish;
    if (finish && now.getTime() >= new Date(finish.dueAt).getTime()) return '已超过办理期限，延期须在期限届满前申请';
    const used = item.extensions.filter((extension) => extension.status !== 'refused').length;
    return used >= policy.maxExtensions ? `此类事项最多延期 ${policy.maxExtensions} 次` : undefined;
  },

  'approve-extension': decisionPending,
  'refuse-extension': decisionPending,

  'apply-close-out': ({ item }) => (item.rectification ? undefined : '该事项没有整改问题的内容，不能申请销号'),
  'check-on-site': closeOutStep(
    (closeOut) => closeOut.application !== undefined,
    '承办科室尚未申请销号，不能现场核查',
    'onSiteCheck',
    '已现场核查，请勿重复核查',
  ),
  'sign-off': closeOutStep(
    (closeOut) => closeOut.onSiteCheck?.passed === true,
    '须先经现场核查通过，才能签字确认',
    'signOff',
    '包案领导已签字确认',
  ),
  publish: closeOutStep(
    (closeOut) => closeOut.signOff !== undefined,
    '须先由包案领导签字确认，才能公示',
    'publication',
    '已公示，请勿重复公示',
  ),
  'strike-off': closeOutStep(
    (closeOut) => closeOut.publication !== undefined,
    '须先公示整改结果，才能销号',
    'struckOff',
    '已销号',
  ),
  'look-back': ({ item }) => (pendingLookBack(item.rectification) ? undefined : '本问题没有待进行的回头看'),
};
