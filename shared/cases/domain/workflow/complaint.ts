/**
 * Complaints (信访件): every action applies. The petition office accepts, rejects or merges a duplicate and assigns;
 * the department signs for it or returns it, and submits the result; the lead official approves results and
 * extensions; a complainant's dissatisfaction, recorded by intake, asks the lead official for a review.
 */
import type { ActionName } from './actions.ts';
import type { KindRule, KindWorkflow } from './rules.ts';

/** Every action but a rectification problem's close-out and look-back: the API documents the workflow with this table. */
export const complaintRules: Readonly<Partial<Record<ActionName, KindRule>>> = {
  accept: { from: ['registered'], actor: 'petition-office' },
  reject: { from: ['registered'], actor: 'petition-office' },
  merge: { from: ['registered'], actor: 'petition-office' },
  assign: { from: ['accepted', 'returned'], actor: 'petition-office' },
  sign: { from: ['assigned'], actor: 'department' },
  return: { from: ['assigned'], actor: 'department' },
  'submit-result': { from: ['in-progress'], actor: 'department' },
  'approve-result': { from: ['result-submitted'], actor: 'lead' },
  'send-back': { from: ['result-submitted'], actor: 'lead' },
  'request-extension': { from: ['assigned', 'in-progress'], actor: 'department' },
  'approve-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
  'refuse-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
  'request-review': { from: ['closed'], actor: 'intake' },
  rehandle: { from: ['review-requested'], actor: 'lead' },
  'confirm-result': { from: ['review-requested'], actor: 'lead' },
};

export const complaintWorkflow: KindWorkflow = { label: '信访件', actions: complaintRules };
