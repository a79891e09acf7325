import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import { getEnterprise } from '#enterprises/store/enterprises.ts';
import { EnterpriseNotFoundError } from '#enterprises/store/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { requireEnterpriseReader } from './access.ts';

/** The enterprise with its grades and grade history. */
export const readEnterprise = async (uscc: string, principal: Principal): Promise<Enterprise> => {
  requireEnterpriseReader(principal);
  const enterprise = await getEnterprise(uscc);
  if (!enterprise) throw new EnterpriseNotFoundError(`未登记统一社会信用代码为 ${uscc} 的企业`);
  return enterprise;
};
