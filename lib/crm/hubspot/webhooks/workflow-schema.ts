import { z } from 'zod';
import { hubspotId } from './ids.ts';

/**
 * The body of a workflow "Send a webhook" action: one JSON object of the enrolled record's
 * properties, whichever the admin chose. Only the record id is required (`objectId`, or the
 * `hs_object_id` property); `portalId`, when the admin adds it, is checked against config.
 */
export const workflowBodySchema = z
  .looseObject(
    {
      objectId: hubspotId.optional(),
      hs_object_id: hubspotId.optional(),
      portalId: hubspotId.optional(),
    },
    { error: 'expected a JSON object of the record’s properties' },
  )
  .refine((body) => body.objectId !== undefined || body.hs_object_id !== undefined, {
    error: 'send the record id as objectId or hs_object_id',
  })
  .refine(
    (body) => body.objectId === undefined || body.hs_object_id === undefined || body.objectId === body.hs_object_id,
    {
      error: 'objectId and hs_object_id name different records',
      path: ['hs_object_id'],
    },
  );

export type WorkflowBody = z.output<typeof workflowBodySchema>;
