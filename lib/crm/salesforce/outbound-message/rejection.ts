/** Why an Outbound Message was refused. Codes are stable: the edge answers them to Salesforce and logs them. */
export type OutboundMessageRejectionCode = 'xml_entities_forbidden' | 'malformed_xml' | 'invalid_outbound_message';

export interface OutboundMessageRejection {
  readonly code: OutboundMessageRejectionCode;
  /** Says where and what, never a field's value (these messages are logged and echoed). */
  readonly message: string;
}

export type OutboundResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: OutboundMessageRejection };

export const rejected = (code: OutboundMessageRejectionCode, message: string): OutboundResult<never> => ({
  ok: false,
  rejection: { code, message },
});
