import { z } from 'zod';

/**
 * A HubSpot id (portal, object, event): a JSON number or a string of digits, read as a string.
 * HubSpot's ids are 64-bit; a number past 2^53 has already lost digits in JSON.parse, so it is
 * refused rather than read as a neighbour's id (z.int() accepts safe integers only).
 */
export const hubspotId = z
  .union([z.int().nonnegative(), z.string().regex(/^\d{1,19}$/)], { error: 'expected a HubSpot id (digits)' })
  .transform(String);

/** Property internal names (`hs_pipeline_stage`, `firstname`); also keeps `__proto__` and friends out. */
export const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,199}$/;

/** What a property value may be: HubSpot sends strings; numbers, booleans and null are read as they are. */
export const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected text, a number, a boolean or null',
});
