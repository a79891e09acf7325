import { Construct } from 'constructs';
import { noticesFunctions } from '#notices/resources.ts';
import { queues } from '#platform/catalog/catalog.ts';
import {
  type CapabilityFunctions,
  type CapabilityProps,
  createFunctions,
  functionNamed,
} from './platform/capability.ts';
import { consume, type EventQueues } from './platform/event-queues.ts';

/**
 * At most 2 send-notice invocations at once (the event source's MaximumConcurrency; 2 is the least AWS allows), so a
 * burst of notices cannot outrun SES's sending rate (14 emails/s by default) by scaling the consumer out. An
 * invocation takes a batch of up to 10 notices and handles them one at a time, each notice's emails one after another
 * behind idempotency writes: 2 emails in flight at most, a peak of 2 ÷ one email's time, within 14/s while an email
 * takes 143 ms or more (functions/notices/send-notice.ts); above it the SDK retries what SES throttles, then SQS
 * redelivers, and the burst drains instead of failing.
 */
export const noticeConsumerConcurrency = 2;

/**
 * Notices by email (`shared/notices/resources.ts`): send-notice consumes the notices queue (EventQueues, to which
 * the other capabilities send their events) in batches and reports the failed items only, so one bad message does not
 * send its whole batch round again.
 */
export class NoticeFanOut extends Construct {
  readonly functions: CapabilityFunctions<keyof typeof noticesFunctions>;

  constructor(scope: Construct, id: string, props: CapabilityProps & { readonly queues: EventQueues }) {
    super(scope, id);
    this.functions = createFunctions(this, noticesFunctions, props);
    const consumer = functionNamed(this.functions, queues.notices.consumer, 'Queue notices');
    consume(props.queues.queues.notices, 'notices', consumer, noticeConsumerConcurrency);
  }
}
