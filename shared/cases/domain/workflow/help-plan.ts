/**
 * Help plans (帮扶) for an enterprise graded D: officials, actions and a deadline, on the same ledger. A plan is
 * neither refused nor merged; it closes when its actions are done and approved, and a firm that still does not
 * re-grade to C gets a new plan rather than a review of the old one.
 */
import type { KindWorkflow } from './rules.ts';

export const helpPlanWorkflow: KindWorkflow = {
  label: '帮扶计划',
  actions: {
    accept: { from: ['registered'], actor: 'petition-office', label: '确认帮扶计划' },
    assign: { from: ['accepted', 'returned'], actor: 'petition-office' },
    sign: { from: ['assigned'], actor: 'department' },
    return: { from: ['assigned'], actor: 'department' },
    'submit-result': { from: ['in-progress'], actor: 'department', label: '提交帮扶成效' },
    'approve-result': { from: ['result-submitted'], actor: 'lead' },
    'send-back': { from: ['result-submitted'], actor: 'lead' },
    'request-extension': { from: ['assigned', 'in-progress'], actor: 'department' },
    'approve-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
    'refuse-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
  },
};
