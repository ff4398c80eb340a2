import { OBJECT_TYPE_DEFS, type ObjectType } from './object-types.ts';

/** HubSpot property types as the properties API names them; `owner` is an enumeration of owner ids. */
export type PropertyType = 'string' | 'number' | 'bool' | 'date' | 'datetime' | 'enumeration' | 'owner';

export interface PropertyDef {
  readonly name: string;
  readonly type: PropertyType;
  /** Allowed values of an enumeration; none means any value (pipelines and stages are per portal). */
  readonly options?: readonly string[];
  /** Calculated or system properties: the API refuses to write them (READ_ONLY_VALUE). */
  readonly readOnly?: boolean;
  /** Must be given when the API creates a record. */
  readonly requiredOnCreate?: boolean;
  /** Set on create when not given. */
  readonly defaultValue?: string;
}

const p = (name: string, type: PropertyType, more: Omit<PropertyDef, 'name' | 'type'> = {}): PropertyDef => ({
  name,
  type,
  ...more,
});

function common(type: ObjectType): PropertyDef[] {
  const def = OBJECT_TYPE_DEFS[type];
  return [
    p('hs_object_id', 'number', { readOnly: true }),
    p(def.createdProperty, 'datetime', { readOnly: true }),
    p(def.modifiedProperty, 'datetime', { readOnly: true }),
    p('hubspot_owner_id', 'owner'),
  ];
}

/**
 * The standard properties crmflow and the scenarios touch, per object. Orders have no standard
 * promise, expedite, shipped or delivered properties (DESIGN §5): the emulated portal carries the
 * custom properties crmflow maps by default, as an admin would have created them.
 */
export function standardProperties(): Record<ObjectType, PropertyDef[]> {
  return {
    contacts: [
      ...common('contacts'),
      p('firstname', 'string'),
      p('lastname', 'string'),
      p('email', 'string'),
      p('phone', 'string'),
      p('mobilephone', 'string'),
      p('company', 'string'),
      p('jobtitle', 'string'),
      p('hs_lead_status', 'enumeration'),
      // Custom: HubSpot has no standard do-not-call flag (crmflow's default contact.optedOut).
      p('do_not_call', 'bool'),
    ],
    tickets: [
      ...common('tickets'),
      p('subject', 'string'),
      p('content', 'string'),
      p('hs_pipeline', 'enumeration', { defaultValue: '0' }),
      p('hs_pipeline_stage', 'enumeration', { defaultValue: '1' }),
      p('hs_ticket_priority', 'enumeration', { options: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] }),
      p('hs_ticket_category', 'enumeration'),
      p('source_type', 'enumeration', { options: ['CHAT', 'EMAIL', 'FORM', 'PHONE'] }),
      p('hs_ticket_id', 'number', { readOnly: true }),
      p('closed_date', 'datetime', { readOnly: true }),
    ],
    orders: [
      ...common('orders'),
      p('hs_order_name', 'string'),
      p('hs_external_order_id', 'string'),
      p('hs_currency_code', 'enumeration'),
      p('hs_total_price', 'number'),
      p('hs_pipeline', 'enumeration'),
      p('hs_pipeline_stage', 'enumeration'),
      p('hs_shipping_tracking_number', 'string'),
      p('promised_date', 'date'),
      p('expedite', 'bool'),
      p('shipped_date', 'date'),
      p('delivered_date', 'date'),
    ],
    tasks: [
      ...common('tasks'),
      p('hs_task_subject', 'string'),
      p('hs_task_body', 'string'),
      p('hs_task_status', 'enumeration', {
        options: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
        defaultValue: 'NOT_STARTED',
      }),
      p('hs_task_priority', 'enumeration', { options: ['NONE', 'LOW', 'MEDIUM', 'HIGH'], defaultValue: 'NONE' }),
      p('hs_task_type', 'enumeration', {
        options: ['CALL', 'EMAIL', 'LINKED_IN', 'MEETING', 'LINKED_IN_CONNECT', 'LINKED_IN_MESSAGE', 'TODO'],
        defaultValue: 'TODO',
      }),
      p('hs_timestamp', 'datetime', { requiredOnCreate: true }),
      p('hs_task_completion_date', 'datetime', { readOnly: true }),
    ],
    notes: [
      ...common('notes'),
      p('hs_note_body', 'string'),
      p('hs_timestamp', 'datetime', { requiredOnCreate: true }),
      p('hs_attachment_ids', 'string'),
    ],
  };
}
