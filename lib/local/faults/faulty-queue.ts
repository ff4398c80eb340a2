/**
 * The delivery side of a scenario's `faults`: every webhook's events arrive `duplicateWebhooks` times,
 * and with `outOfOrder` each copy at a random moment within the next virtual minute, so deliveries of
 * one minute reach the router shuffled — as both CRMs warn they may.
 */
import type { CrmEvent } from '../../core/model/crm-event.ts';
import type { EventQueue } from '../../core/ports/queue.ts';
import type { LocalClock } from '../clock/local-clock.ts';
import type { Faults } from '../scenario/schema.ts';
import type { FaultTally } from './tally.ts';

export function faultyQueue(
  queue: EventQueue,
  clock: LocalClock,
  faults: Faults,
  random: () => number,
  tally: FaultTally,
): EventQueue {
  const copies = faults.duplicateWebhooks ?? 1;
  if (copies === 1 && !faults.outOfOrder) return queue;
  return {
    async enqueue(events: readonly CrmEvent[]) {
      for (const event of events) {
        for (let copy = 0; copy < copies; copy++) {
          if (copy > 0) tally.duplicateDeliveries += 1;
          if (!faults.outOfOrder) {
            await queue.enqueue([event]);
            continue;
          }
          const at = clock.now() + Math.floor(random() * 60_000);
          if (at > clock.now()) tally.delayedDeliveries += 1;
          void clock.sleepUntil(at, `delayed delivery ${event.id}`).then(() => queue.enqueue([event]));
        }
      }
    },
  };
}
