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
};

/** Optional fields: every other field is required by the API. */
export const optionalFields: readonly ActionField[] = ['note', 'substantiated'];

export const returnReasonCodes: readonly ActionReturn['reasonCode'][] = [
  'not-our-remit',
  'insufficient-information',
  'wrong-location',
  'other',
];
