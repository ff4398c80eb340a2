import type { FieldValue } from '../../../../core/model/crm-event.ts';
import { OrderedDelivery, type DeliveryOutcome, type RetryPolicy } from '../../ordered-delivery.ts';
import type { EmulatorTiming } from '../../timing.ts';
import { parseDateTime } from '../datetime.ts';
import { IdMinter } from '../ids.ts';
import type { OrgChangeEvent, SalesforceOrg } from '../org.ts';
import { isAck } from './ack.ts';
import { outboundMessageXml, type OutboundNotification } from './soap-message.ts';

/**
 * Salesforce's documented retry: intervals grow exponentially from 15 seconds to 60 minutes, and a
 * message still undelivered after 24 hours is dropped.
 */
export const SALESFORCE_OUTBOUND_RETRY: RetryPolicy = {
  firstDelayMs: 15_000,
  maxDelayMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
};

export interface OutboundMessage {
  readonly notificationId: string;
  readonly sobjectType: string;
  readonly recordId: string;
  readonly xml: string;
}

export interface OutboundMessagesOptions extends EmulatorTiming {
  readonly org: SalesforceOrg;
  /** Where the messages go (crmflow's webhook edge). */
  readonly endpointUrl: string;
  /** The emulator's own URL, for EnterpriseUrl and PartnerUrl. */
  readonly instanceUrl: string;
  readonly apiVersion?: string;
  /** Objects whose creates and updates send a message; default Case, Order, Task. */
  readonly objects?: readonly string[];
  readonly retry?: RetryPolicy;
  /** Per attempt, in real time. */
  readonly timeoutMs?: number;
  readonly onSettled?: (outcome: DeliveryOutcome<OutboundMessage>) => void;
}

export interface OutboundMessages {
  /** Resolves when no message is queued (one waiting for a retry is still queued). */
  whenIdle(): Promise<void>;
  close(): void;
}

/**
 * Outbound Messages as a workflow rule "created, and every time it's edited" sends them: one
 * notification per change, with every non-null field, retried until acknowledged, in order per record.
 */
export function startOutboundMessages(options: OutboundMessagesOptions): OutboundMessages {
  const { org } = options;
  const objects = new Set(options.objects ?? ['Case', 'Order', 'Task']);
  const version = options.apiVersion ?? '62.0';
  const org15 = org.orgId.slice(0, 15);
  const ids = new IdMinter();
  const actionIds = new Map<string, string>();
  const actionId = (type: string): string => {
    let id = actionIds.get(type);
    if (!id) actionIds.set(type, (id = ids.mint('04k')));
    return id;
  };
  const timeoutMs = options.timeoutMs ?? 10_000;

  const delivery = new OrderedDelivery<OutboundMessage>({
    clock: options.clock,
    ...(options.sleepUntil ? { sleepUntil: options.sleepUntil } : {}),
    ...(options.track ? { track: options.track } : {}),
    retry: options.retry ?? SALESFORCE_OUTBOUND_RETRY,
    ...(options.onSettled ? { onSettled: options.onSettled } : {}),
    send: async (message, signal) => {
      const response = await fetch(options.endpointUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: '""' },
        body: message.xml,
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      const text = await response.text();
      return response.ok && isAck(text);
    },
  });

  const unsubscribe = org.onChange((event: OrgChangeEvent) => {
    if (event.kind === 'deleted' || !objects.has(event.type)) return;
    const notification: OutboundNotification = {
      id: ids.mint('04l'),
      sobjectType: event.type,
      fields: soapFields(org, event.type, event.record),
    };
    const xml = outboundMessageXml({
      organizationId: org.orgId,
      actionId: actionId(event.type),
      enterpriseUrl: `${options.instanceUrl}/services/Soap/c/${version}/${org15}`,
      partnerUrl: `${options.instanceUrl}/services/Soap/u/${version}/${org15}`,
      notifications: [notification],
    });
    delivery.enqueue(event.id, { notificationId: notification.id, sobjectType: event.type, recordId: event.id, xml });
  });

  return {
    whenIdle: () => delivery.whenIdle(),
    close: () => {
      unsubscribe();
      delivery.close();
    },
  };
}

/** Every non-null field, Id first then by name; datetimes in SOAP's `…Z` form. */
function soapFields(org: SalesforceOrg, type: string, record: Readonly<Record<string, FieldValue>>) {
  const names = Object.keys(record)
    .filter((name) => record[name] !== null && record[name] !== undefined)
    .sort((a, b) => (a === 'Id' ? -1 : b === 'Id' ? 1 : a.localeCompare(b)));
  return names.map((name): [string, string] => {
    const value = record[name];
    const def = org.catalog.field(type, name);
    if (def?.type === 'datetime' && typeof value === 'string') {
      const t = parseDateTime(value);
      if (t !== undefined) return [name, new Date(t).toISOString()];
    }
    return [name, String(value)];
  });
}
