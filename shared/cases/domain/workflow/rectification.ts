/**
 * Rectification problems (整改问题) found by inspections or self-checks: one problem, one plan, one responsible person,
 * one deadline, evidence of the fix, close-out (销号), and a look-back months later. A problem an inspection found is
 * neither refused nor merged as a duplicate (those are complaint matters).
 *
 * Instead of a result approved by the lead, a problem is closed out (销号) in steps, each by its own actor, each
 * refused out of order (`preconditions.ts`): the department applies with the result and its evidence (申请销号), the
 * office that keeps the ledger checks on site (现场核查; a failed check sends it back to rectifying), the lead official
 * signs (签字确认), the office publishes it (公示, for the policy's working days, shown as an end date) and strikes it
 * off (销号, closed; or 已完成，长期坚持 for a long-term problem), which schedules a look-back (回头看) the policy's months
 * later. The look-back, recorded by the office, confirms it (it stays closed) or finds it rebounded, which reopens it in
 * one step: back to in-progress with the same department, responsible person and lead, on a new finish period.
 */
import type { KindWorkflow } from './rules.ts';

export const rectificationWorkflow: KindWorkflow = {
  label: '整改问题',
  actions: {
    accept: { from: ['registered'], actor: 'petition-office', label: '列入整改台账' },
    assign: { from: ['accepted', 'returned'], actor: 'petition-office' },
    sign: { from: ['assigned'], actor: 'department' },
    return: { from: ['assigned'], actor: 'department' },
    'apply-close-out': { from: ['in-progress'], actor: 'department' },
    'check-on-site': { from: ['result-submitted'], actor: 'petition-office' },
    'sign-off': { from: ['result-submitted'], actor: 'lead' },
    publish: { from: ['result-submitted'], actor: 'petition-office' },
    'strike-off': { from: ['result-submitted'], actor: 'petition-office' },
    'send-back': { from: ['result-submitted'], actor: 'lead' },
    'request-extension': { from: ['assigned', 'in-progress'], actor: 'department' },
    'approve-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
    'refuse-extension': { from: ['assigned', 'in-progress'], actor: 'lead' },
    'look-back': { from: ['closed'], actor: 'petition-office' },
  },
};
