import type { RecordRef } from '../model/crm-event.ts';
import type { Instant } from '../time/instant.ts';

export interface ExpediteInput {
  readonly ref: RecordRef;
  readonly version: number;
}

export type ExpediteDecision =
  | { readonly kind: 'wait'; readonly until: string; readonly reason: string }
  | { readonly kind: 'act'; readonly action: ExpediteAction }
  | { readonly kind: 'done'; readonly reason: string };

export type ExpediteAction = RequestAction | DelayAction;

/** The facts the e-mail templates and task texts are written from. */
export interface OrderWords {
  readonly order: string;
  readonly promise?: string;
  readonly shipBy: string;
  readonly calendar: string;
}

/** Ask the fulfilment target to expedite (DESIGN §6b expedite). */
export interface RequestAction {
  readonly type: 'request';
  readonly key: string;
  readonly ref: RecordRef;
  readonly policy: string;
  readonly target: string;
  readonly targetOwnerId: string;
  readonly shipByAt: Instant;
  readonly setExpediteFlag: boolean;
  readonly contactId?: string;
  readonly words: OrderWords;
}

/** The ship-by deadline passed unshipped (DESIGN §6b delay). */
export interface DelayAction {
  readonly type: 'delay';
  readonly key: string;
  readonly ref: RecordRef;
  readonly policy: string;
  readonly target?: string;
  readonly targetOwnerId?: string;
  readonly notifyCustomer: boolean;
  readonly contactId?: string;
  readonly words: OrderWords;
}
