import { rejected, type OutboundResult } from './rejection.ts';
import { describeIssues } from './issues.ts';
import { readXml } from './safe-xml.ts';
import { outboundMessageSchema, type OutboundMessage } from './schema.ts';

/** The raw request body of an Outbound Message → its checked shape, or why it is refused. */
export function readOutboundMessage(body: Uint8Array): OutboundResult<OutboundMessage> {
  const xml = readXml(body);
  if (!xml.ok) return xml;
  const shape = outboundMessageSchema.safeParse(xml.value);
  if (!shape.success) return rejected('invalid_outbound_message', describeIssues(shape.error.issues));
  return { ok: true, value: shape.data };
}
