import type { CaseStatus, MappableField, Priority } from '../../core/model/canonical.ts';
import type { FieldValue, NativeFields } from '../../core/model/crm-event.ts';
import { fromIso, type Instant } from '../../core/time/instant.ts';
import { lookup } from '../shared/lookup.ts';
import type { CanonicalCase, CanonicalOrder } from '../shared/canonical.ts';

/** The same shapes as Salesforce's: the core reads either. */
export type CanonicalTicket = CanonicalCase;
export type CanonicalHubSpotOrder = CanonicalOrder;

/** Admin overrides from `crm.hubspot` in the config (hubspotSchema): added to the defaults below. */
export interface HubSpotMapping {
  /** Ticket pipeline stage ids → canonical status. */
  readonly stages?: Readonly<Record<string, CaseStatus>>;
  readonly priorities?: Readonly<Record<string, Priority>>;
  readonly fields?: Readonly<Partial<Record<MappableField, string | undefined>>>;
}

/**
 * DESIGN §5: HubSpot has no standard properties for these; the defaults are custom properties an
 * admin creates, and `contactId` is not a property at all but the associated contact, which the
 * adapter adds to what it reads.
 */
export const DEFAULT_PROPERTIES: Readonly<Record<MappableField, string>> = {
  'order.promisedAt': 'promised_date',
  'order.expedite': 'expedite',
  'order.shippedAt': 'shipped_date',
  'order.deliveredAt': 'delivered_date',
  'order.status': 'hs_pipeline_stage',
  'order.contact': 'contactId',
  'contact.optedOut': 'do_not_call',
};

/** The default ticket pipeline's stages (DESIGN §5). */
const DEFAULT_STAGES: Readonly<Record<string, CaseStatus>> = {
  '1': 'new',
  '2': 'waiting', // "Waiting on contact"
  '3': 'open', // "Waiting on us"
  '4': 'closed',
};

const DEFAULT_PRIORITIES: Readonly<Record<string, Priority>> = {
  URGENT: 'urgent',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
};

export const nativeProperty = (mapping: HubSpotMapping, field: MappableField): string =>
  mapping.fields?.[field] ?? DEFAULT_PROPERTIES[field];

/**
 * A ticket's properties (an API read with the adapter's `contactId`, or a webhook's text values) →
 * canonical values. A stage nobody mapped is `open`: the SLA clock keeps running rather than
 * silently pausing.
 */
export function canonicalTicket(fields: NativeFields, mapping: HubSpotMapping = {}): CanonicalTicket {
  const stage = text(fields.hs_pipeline_stage);
  const priority = text(fields.hs_ticket_priority);
  return {
    status: (stage === undefined ? undefined : lookup(stage, mapping.stages, DEFAULT_STAGES)) ?? 'open',
    priority: priority === undefined ? undefined : lookup(priority, mapping.priorities, DEFAULT_PRIORITIES),
    ownerId: text(fields.hubspot_owner_id),
    contactId: text(fields.contactId),
    subject: text(fields.subject),
    number: text(fields.hs_ticket_id) ?? text(fields.hs_object_id) ?? text(fields.id),
    isEscalated: false,
    createdAt: instant(fields.createdate),
    modifiedAt: instant(fields.hs_lastmodifieddate),
  };
}

/** An order's properties → canonical values, through the configured property names. */
export function canonicalHubSpotOrder(fields: NativeFields, mapping: HubSpotMapping = {}): CanonicalHubSpotOrder {
  const field = (name: MappableField): FieldValue | undefined => fields[nativeProperty(mapping, name)];
  return {
    status: text(field('order.status')),
    promisedAt: dateOrTime(field('order.promisedAt')),
    expedite: truthy(field('order.expedite')),
    shippedAt: dateOrTime(field('order.shippedAt')),
    deliveredAt: dateOrTime(field('order.deliveredAt')),
    contactId: text(field('order.contact')),
    ownerId: text(fields.hubspot_owner_id),
    number: text(fields.hs_external_order_id) ?? text(fields.hs_object_id) ?? text(fields.id),
    createdAt: instant(fields.hs_createdate ?? fields.createdate),
    modifiedAt: instant(fields.hs_lastmodifieddate),
  };
}

/** HubSpot booleans are the text `true`/`false`. */
export const truthy = (value: FieldValue | undefined): boolean =>
  value === true || value === 1 || (typeof value === 'string' && /^(true|1)$/i.test(value.trim()));

const text = (value: FieldValue | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : String(value);

const MILLIS = /^-?\d{10,15}$/;
const DAY_MS = 86_400_000;

/**
 * Reads answer dates as `2026-12-09` and datetimes as ISO; webhooks carry both as epoch
 * milliseconds. Milliseconds at UTC midnight are a date (what a date property holds), others a time.
 */
function dateOrTime(value: FieldValue | undefined): string | undefined {
  const raw = text(value);
  if (raw === undefined || !MILLIS.test(raw)) return raw;
  const t = Number(raw);
  const iso = new Date(t).toISOString();
  return t % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

function instant(value: FieldValue | undefined): Instant | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  if (MILLIS.test(raw)) return Number(raw);
  try {
    return fromIso(raw);
  } catch {
    return undefined;
  }
}
