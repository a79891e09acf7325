/**
 * Who does what: the bureau's supervisors and administrators keep the plans, the inspector pool and run the draws;
 * handlers, leads, supervisors and administrators record inspections and enforcement cases; every official reads them.
 */
import { requireRole } from '#directory/domain/roles.ts';
import type { OfficialRole, Principal } from '#platform/domain/principal.ts';

export const planners: readonly OfficialRole[] = ['supervisor', 'admin'];
export const recorders: readonly OfficialRole[] = ['handler', 'lead', 'supervisor', 'admin'];
const readers: readonly OfficialRole[] = ['operator', 'dispatcher', 'handler', 'lead', 'supervisor', 'admin'];

export const requirePlanner = (principal: Principal): void =>
  requireRole(principal, planners, '只有督查督办人员和系统管理员可以管理抽查计划、执法人员库和抽取');

export const requireRecorder = (principal: Principal): void =>
  requireRole(principal, recorders, '只有执法人员、领导、督查督办人员和系统管理员可以录入检查记录和执法案件');

export const requireReader = (principal: Principal): void => requireRole(principal, readers, '无权查看执法检查信息');
