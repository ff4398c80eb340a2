import type { FieldValue } from '../../../core/model/crm-event.ts';

/** Field types as describe names them. */
export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'email'
  | 'phone'
  | 'double';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly length: number;
  readonly referenceTo: readonly string[];
  readonly createable: boolean;
  readonly updateable: boolean;
  /** Long text areas cannot be filtered or sorted in SOQL (Task.Description is one). */
  readonly filterable: boolean;
  readonly nillable: boolean;
  /** Must have a value once created: REQUIRED_FIELD_MISSING otherwise. */
  readonly required: boolean;
  readonly defaultValue?: FieldValue;
  readonly autoNumber: boolean;
  readonly custom: boolean;
  readonly picklistValues: readonly string[];
}

export interface ObjectDef {
  readonly name: string;
  readonly label: string;
  readonly keyPrefix: string;
  readonly fields: readonly FieldDef[];
}

interface FieldOptions {
  readonly length?: number;
  readonly to?: readonly string[];
  /** 'system': filled by the org only; 'create': set on insert, fixed after. */
  readonly access?: 'system' | 'create';
  readonly required?: boolean;
  readonly default?: FieldValue;
  readonly picklist?: readonly string[];
  readonly longText?: boolean;
  readonly autoNumber?: boolean;
}

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 32000,
  picklist: 255,
  email: 80,
  phone: 40,
};

export function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const access = options.access;
  return {
    name,
    type,
    length: options.length ?? DEFAULT_LENGTH[type] ?? 0,
    referenceTo: options.to ?? [],
    createable: access !== 'system',
    updateable: access === undefined,
    filterable: !options.longText,
    nillable: type !== 'boolean' && !options.required,
    required: options.required ?? false,
    ...(options.default === undefined ? {} : { defaultValue: options.default }),
    autoNumber: options.autoNumber ?? false,
    custom: name.endsWith('__c'),
    picklistValues: options.picklist ?? [],
  };
}

/** The audit fields every object has; the org fills them. */
function systemFields(): FieldDef[] {
  return [
    field('Id', 'id', { access: 'system' }),
    field('IsDeleted', 'boolean', { access: 'system', default: false }),
    field('CreatedDate', 'datetime', { access: 'system' }),
    field('CreatedById', 'reference', { access: 'system', to: ['User'] }),
    field('LastModifiedDate', 'datetime', { access: 'system' }),
    field('LastModifiedById', 'reference', { access: 'system', to: ['User'] }),
    field('SystemModstamp', 'datetime', { access: 'system' }),
  ];
}

const objectDef = (name: string, keyPrefix: string, fields: FieldDef[]): ObjectDef => ({
  name,
  label: name,
  keyPrefix,
  fields: [...systemFields(), ...fields],
});

const OWNER = ['User', 'Group'];

/** The standard objects crmflow touches, with the standard fields scenarios and the adapter use. */
export function standardObjects(): ObjectDef[] {
  return [
    objectDef('Case', '500', [
      field('CaseNumber', 'string', { access: 'system', length: 30, autoNumber: true }),
      field('Subject', 'string'),
      field('Description', 'textarea', { longText: true }),
      field('Status', 'picklist', {
        default: 'New',
        picklist: ['New', 'Working', 'Escalated', 'Waiting on Customer', 'Closed'],
      }),
      field('Priority', 'picklist', { default: 'Medium', picklist: ['High', 'Medium', 'Low'] }),
      field('Origin', 'picklist', { picklist: ['Phone', 'Email', 'Web'] }),
      field('Reason', 'picklist'),
      field('Type', 'picklist'),
      field('OwnerId', 'reference', { to: OWNER }),
      field('ContactId', 'reference', { to: ['Contact'] }),
      field('ParentId', 'reference', { to: ['Case'] }),
      field('SuppliedName', 'string', { length: 80 }),
      field('SuppliedEmail', 'email'),
      field('SuppliedPhone', 'string', { length: 40 }),
      field('IsEscalated', 'boolean', { default: false }),
      field('IsClosed', 'boolean', { access: 'system', default: false }),
      field('ClosedDate', 'datetime', { access: 'system' }),
    ]),
    objectDef('Task', '00T', [
      field('Subject', 'string'),
      field('Description', 'textarea', { longText: true }),
      field('Status', 'picklist', {
        default: 'Not Started',
        picklist: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
      }),
      field('Priority', 'picklist', { default: 'Normal', picklist: ['High', 'Normal', 'Low'] }),
      field('OwnerId', 'reference', { to: ['User'] }),
      field('WhatId', 'reference', { to: ['Case', 'Order'] }),
      field('WhoId', 'reference', { to: ['Contact'] }),
      field('ActivityDate', 'date'),
      field('ReminderDateTime', 'datetime'),
      field('IsReminderSet', 'boolean', { default: false }),
      field('TaskSubtype', 'picklist', { access: 'create', picklist: ['Task', 'Email', 'Call'] }),
      field('Type', 'picklist', { picklist: ['Call', 'Email', 'Meeting', 'Other'] }),
      field('CallType', 'picklist', { picklist: ['Internal', 'Inbound', 'Outbound'] }),
      field('IsClosed', 'boolean', { access: 'system', default: false }),
      field('CompletedDateTime', 'datetime', { access: 'system' }),
    ]),
    objectDef('CaseComment', '00a', [
      field('ParentId', 'reference', { to: ['Case'], access: 'create', required: true }),
      field('CommentBody', 'textarea', { length: 4000, longText: true }),
      field('IsPublished', 'boolean', { default: false }),
    ]),
    // Classic notes: the Notes & Attachments related list of orders (and any other parent).
    objectDef('Note', '002', [
      field('ParentId', 'reference', { to: ['Case', 'Order', 'Contact'], access: 'create', required: true }),
      field('Title', 'string', { length: 80, required: true }),
      field('Body', 'textarea', { longText: true }),
      field('IsPrivate', 'boolean', { default: false }),
      field('OwnerId', 'reference', { to: ['User'] }),
    ]),
    objectDef('Contact', '003', [
      field('FirstName', 'string', { length: 40 }),
      field('LastName', 'string', { length: 80, required: true }),
      field('Name', 'string', { access: 'system', length: 121 }),
      field('Email', 'email'),
      field('Phone', 'phone'),
      field('MobilePhone', 'phone'),
      field('Title', 'string', { length: 128 }),
      field('DoNotCall', 'boolean', { default: false }),
      field('HasOptedOutOfEmail', 'boolean', { default: false }),
      field('OwnerId', 'reference', { to: ['User'] }),
    ]),
    objectDef('User', '005', [
      field('Username', 'string', { length: 80 }),
      field('FirstName', 'string', { length: 40 }),
      field('LastName', 'string', { length: 80, required: true }),
      field('Name', 'string', { access: 'system', length: 121 }),
      field('Email', 'email'),
      field('IsActive', 'boolean', { default: true }),
      field('Title', 'string', { length: 80 }),
      field('ManagerId', 'reference', { to: ['User'] }),
    ]),
    objectDef('Group', '00G', [
      field('Name', 'string', { length: 40, required: true }),
      field('DeveloperName', 'string', { length: 80 }),
      field('Type', 'picklist', { default: 'Regular', picklist: ['Regular', 'Queue'] }),
      field('Email', 'email'),
    ]),
    objectDef('Order', '801', [
      field('OrderNumber', 'string', { access: 'system', length: 30, autoNumber: true }),
      field('Name', 'string', { length: 80 }),
      field('Status', 'picklist', { required: true, default: 'Draft', picklist: ['Draft', 'Activated'] }),
      field('EffectiveDate', 'date', { required: true }),
      field('EndDate', 'date'),
      field('Description', 'textarea', { longText: true }),
      field('Type', 'picklist'),
      field('PoNumber', 'string', { length: 80 }),
      field('OwnerId', 'reference', { to: ['User'] }),
      field('ShipToContactId', 'reference', { to: ['Contact'] }),
      field('BillToContactId', 'reference', { to: ['Contact'] }),
      field('ActivatedDate', 'datetime', { access: 'system' }),
      // No standard fields exist for these (DESIGN §5): the custom fields crmflow maps by default.
      field('Promised_Date__c', 'date'),
      field('Expedite__c', 'boolean', { default: false }),
      field('Shipped_Date__c', 'date'),
      field('Delivered_Date__c', 'date'),
    ]),
  ];
}
