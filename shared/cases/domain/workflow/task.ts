/**
 * Campaign tasks (专项行动任务): numbered tasks of a plan, each with a responsible department, leader and person. A
 * task comes from the plan: it is neither refused nor merged, and there is no complainant to be dissatisfied, so a
 * finished task has no review; the department may still return one that is not its remit, and ask for more time.
 */
import type { KindWorkflow } from './rules.ts';

export const taskWorkflow: KindWorkflow = {
  label: '专项行动任务',
  actions: {
    accept: { from: ['registered'], actor: 'petition-office', label: '确认任务' },
    assign: { from: ['accepted', 'returned'], actor: 'petition-office' },
    sign: { from: ['assigned'], actor: 'department' },
    return: { from: ['assigned'], actor: 'department' },
    'submit-result': { from: ['in-progress'], actor: 'department', label: '提交完成情况' },
    'approve-result': { from: ['result-submitted'], actor: 'lead' },
    'send-back': { from: ['result-submitted'], actor: 'lead' },
    'request-extension': { from: ['assigned', 'in-progress'], actor: 'department' },
    'approve-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
    'refuse-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
  },
};
