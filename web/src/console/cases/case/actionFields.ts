/**
 * The inputs each workflow action takes, by the request bodies in schema.gen.ts (`ActionAccept` … `ActionConfirmResult`;
 * `version` is added by the form). Field names are checked against those types.
 */
import type { ActionReturn, operations } from '../../../api/schema.gen.ts';
import type { ActionName } from '../../../common/labels.ts';

export type ActionBody = NonNullable<operations['actOnCasePost']['requestBody']>['content']['application/json'];
type KeysOf<T> = T extends unknown ? keyof T : never;
export type ActionField = Exclude<KeysOf<ActionBody>, 'version'>;

/** The form's fields of an action, in order; `assign` is the department, responsible person and lead pickers. */
export const actionFields: Readonly<Record<ActionName, readonly ActionField[]>> = {
  accept: ['note'],
  reject: ['reason'],
  merge: ['masterCaseId', 'note'],
  assign: ['departmentId', 'responsibleUsername', 'leadUsername', 'note'],
  sign: ['note'],
  return: ['reasonCode', 'reason'],
  'submit-result': ['result', 'publicReply', 'substantiated'],
  'approve-result': ['note'],
  'send-back': ['reason'],
  'request-extension': ['days', 'reason'],
  'approve-extension': ['note'],
  'refuse-extension': ['reason'],
  'request-review': ['reason'],
  rehandle: ['reason'],
  'confirm-result': ['reason'],
  'apply-close-out': ['result', 'evidence'],
  'check-on-site': ['date', 'inspectors', 'findings', 'passed'],
  'sign-off': ['note'],
  publish: ['startDate', 'where', 'note'],
  'strike-off': ['outcome', 'note'],
  'look-back': ['date', 'outcome', 'findings'],
};

/** Optional fields of every action: every other field is required by the API (but see {@link isOptional}). */
export const optionalFields: readonly ActionField[] = ['note', 'substantiated', 'where'];

/** Fields that one action does not require though another does (`date`: the day of a visit, but look-back's is today). */
const optionalIn: { readonly [A in ActionName]?: readonly ActionField[] } = {
  publish: ['startDate'],
  'look-back': ['date'],
};

export const isOptional = (action: ActionName, field: ActionField): boolean =>
  optionalFields.includes(field) || (optionalIn[action]?.includes(field) ?? false);

export const returnReasonCodes: readonly ActionReturn['reasonCode'][] = [
  'not-our-remit',
  'insufficient-information',
  'wrong-location',
  'other',
];
