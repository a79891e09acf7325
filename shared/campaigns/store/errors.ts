import { ConflictError, NotFoundError } from '#platform/domain/errors.ts';

/** No campaign of that id (or it is still being created, which nobody may see). */
export class CampaignNotFoundError extends NotFoundError {
  override name = 'CampaignNotFoundError';
}

/** The unit has a campaign of that name already (`campaignId` names it). */
export class CampaignNameTakenError extends ConflictError {
  override name = 'CampaignNameTakenError';
  readonly campaignId: string;
  constructor(campaignId: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.campaignId = campaignId;
  }
}

/** Another write to the same task's week report or campaign got there first; reading again and retrying settles it. */
export class CampaignWriteConflictError extends ConflictError {
  override name = 'CampaignWriteConflictError';
}
