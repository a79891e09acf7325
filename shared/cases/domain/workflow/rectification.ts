/**
 * Rectification problems (整改问题) found by inspections or self-checks: one problem, one plan, one responsible person,
 * one deadline, evidence of the fix, close-out (销号), and a look-back months later. A problem an inspection found is
 * neither refused nor merged as a duplicate (those are complaint matters). A failed look-back (回头看), recorded by the
 * petition office that keeps the ledger, asks the lead official to have it re-handled.
 */
import type { KindWorkflow } from './rules.ts';

export const rectificationWorkflow: KindWorkflow = {
  label: '整改问题',
  actions: {
    accept: { from: ['registered'], actor: 'petition-office', label: '列入整改台账' },
    assign: { from: ['accepted', 'returned'], actor: 'petition-office' },
    sign: { from: ['assigned'], actor: 'department' },
    return: { from: ['assigned'], actor: 'department' },
    'submit-result': { from: ['in-progress'], actor: 'department', label: '提交整改结果' },
    'approve-result': { from: ['result-submitted'], actor: 'lead', label: '审核通过并销号' },
    'send-back': { from: ['result-submitted'], actor: 'lead' },
    'request-extension': { from: ['assigned', 'in-progress'], actor: 'department' },
    'approve-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
    'refuse-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
    'request-review': { from: ['closed'], actor: 'petition-office', label: '回头看发现反弹，申请复核' },
    rehandle: { from: ['review-requested'], actor: 'lead' },
    'confirm-result': { from: ['review-requested'], actor: 'lead' },
  },
};
