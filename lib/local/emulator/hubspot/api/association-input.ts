import { badRequest } from '../api-error.ts';
import { associationTypeById } from '../association-types.ts';
import type { ObjectType } from '../object-types.ts';
import type { NewAssociation } from '../portal.ts';
import { objectBody } from './body.ts';

/**
 * The `associations` of a create: `[{ to: { id }, types: [{ associationCategory, associationTypeId }] }]`.
 * The type id says which object `to.id` is (type ids are per direction), so it must be one this
 * portal defines from `fromType`.
 */
export function associationInputs(fromType: ObjectType, value: unknown): NewAssociation[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('Invalid input JSON: associations must be a list');
  return value.map((item: unknown) => {
    const { to, types } = objectBody(item);
    const toId = typeof to === 'object' && to !== null ? (to as { id?: unknown }).id : undefined;
    if (typeof toId !== 'string' && typeof toId !== 'number') {
      throw badRequest('Invalid input JSON: each association needs to.id');
    }
    if (!Array.isArray(types) || types.length === 0) {
      throw badRequest('Invalid input JSON: each association needs at least one type');
    }
    let toType: ObjectType | undefined;
    for (const type of types) {
      const { associationCategory, associationTypeId } = objectBody(type);
      const def =
        associationCategory === 'HUBSPOT_DEFINED'
          ? associationTypeById(fromType, Number(associationTypeId))
          : undefined;
      if (!def || (toType !== undefined && def.to !== toType)) {
        throw badRequest(
          `${String(associationCategory)} association type ${String(associationTypeId)} is not valid from ${fromType}`,
          { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' },
        );
      }
      toType = def.to;
    }
    return { toType: toType as ObjectType, toId: String(toId) };
  });
}
