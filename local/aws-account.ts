/**
 * The region and account the one-machine runtime plays, in the ARNs and ids it makes up (Lambda contexts, API
 * Gateway and SQS events). fauxqs answers with the same account in its queue ARNs.
 */
export const localRegion = 'ap-east-1';
export const localAccountId = '000000000000';
