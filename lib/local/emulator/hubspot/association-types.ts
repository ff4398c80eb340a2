import { OBJECT_TYPE_DEFS, type ObjectType } from './object-types.ts';

export interface AssociationTypeDef {
  readonly from: ObjectType;
  readonly to: ObjectType;
  /** The HUBSPOT_DEFINED unlabeled type id of this direction. */
  readonly typeId: number;
  /** Whether HubSpot's association type table lists it; others are the emulator's own choice. */
  readonly documented: boolean;
}

/**
 * HubSpot-defined association types, both directions of each pair. Ids from HubSpot's "Association
 * type ID values" table (developers.hubspot.com/docs/api/crm/associations) and the AssociationTypes
 * enum of @hubspot/api-client. That table lists order→task (726) but not task→order, and nothing
 * between notes and orders: task→order takes 725 (HubSpot numbers a pair's directions n and n+1),
 * notes↔orders take ids of the emulator's own. crmflow looks those up (the labels endpoint) rather
 * than trusting them.
 */
const PAIRS: readonly (readonly [ObjectType, ObjectType, number, number, boolean])[] = [
  // [a, b, a→b, b→a, both documented]
  ['tickets', 'contacts', 16, 15, true],
  ['tasks', 'contacts', 204, 203, true],
  ['notes', 'contacts', 202, 201, true],
  ['orders', 'contacts', 507, 508, true],
  ['tasks', 'tickets', 230, 229, true],
  ['notes', 'tickets', 228, 227, true],
  ['orders', 'tickets', 525, 526, true],
  ['tasks', 'orders', 725, 726, false],
  ['notes', 'orders', 90_001, 90_002, false],
];

export const ASSOCIATION_TYPES: readonly AssociationTypeDef[] = PAIRS.flatMap(([a, b, ab, ba, documented]) => [
  { from: a, to: b, typeId: ab, documented: documented },
  // 726 (order→task) is documented even though its inverse is not.
  { from: b, to: a, typeId: ba, documented: documented || ba === 726 },
]);

/** The unlabeled type from one object to another, if HubSpot associates them at all. */
export const associationType = (from: ObjectType, to: ObjectType): AssociationTypeDef | undefined =>
  ASSOCIATION_TYPES.find((def) => def.from === from && def.to === to);

export const associationTypeById = (from: ObjectType, typeId: number): AssociationTypeDef | undefined =>
  ASSOCIATION_TYPES.find((def) => def.from === from && def.typeId === typeId);

/** `task_to_ticket`: how v3 reads name an association type. */
export const v3TypeName = (def: AssociationTypeDef): string =>
  `${OBJECT_TYPE_DEFS[def.from].singular}_to_${OBJECT_TYPE_DEFS[def.to].singular}`;
