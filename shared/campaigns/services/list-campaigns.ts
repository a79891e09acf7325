import { type CampaignEntry, listCampaignEntries } from '#campaigns/store/campaigns.ts';
import { isInScope } from '#directory/domain/scope.ts';
import type { Principal } from '#platform/domain/principal.ts';

export interface CampaignList {
  readonly items: readonly Omit<CampaignEntry, 'scopeUnitIds'>[];
}

/** `GET /v1/campaigns`: the campaigns the caller's unit is in the scope of, newest first. */
export const listCampaigns = async (principal: Principal): Promise<CampaignList> => ({
  items: (await listCampaignEntries())
    .filter((entry) => isInScope(entry.scopeUnitIds, principal))
    .map(({ scopeUnitIds: _scope, ...summary }) => summary),
});
