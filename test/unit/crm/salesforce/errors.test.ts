import { describe, expect, it } from 'vitest';
import { fromHttpResponse, fromTransportFailure, toCrmError } from '../../../../lib/crm/salesforce/errors.ts';

describe('Salesforce error classification', () => {
  it('reads the code from the body and decides by status and code', () => {
    expect(fromHttpResponse(404, '[{"message":"gone","errorCode":"NOT_FOUND"}]')).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
      message: 'Salesforce answered 404 NOT_FOUND: gone',
    });
    expect(fromHttpResponse(403, '[{"message":"limit","errorCode":"REQUEST_LIMIT_EXCEEDED"}]')).toMatchObject({
      retryable: true,
    });
    expect(
      fromHttpResponse(
        400,
        '[{"message":"a","errorCode":"INVALID_FIELD"},{"message":"b","errorCode":"UNABLE_TO_LOCK_ROW"}]',
      ),
    ).toMatchObject({ code: 'INVALID_FIELD', retryable: true });
    expect(fromHttpResponse(503, 'Service Unavailable')).toMatchObject({ code: 'HTTP_503', retryable: true });
    expect(fromHttpResponse(400, '{"message":"odd","errorCode":"JSON_PARSER_ERROR"}')).toMatchObject({
      code: 'JSON_PARSER_ERROR',
      retryable: false,
    });
  });

  it('treats timeouts and network failures as retryable', () => {
    expect(fromTransportFailure(new DOMException('aborted', 'AbortError'))).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
    });
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(fromTransportFailure(refused)).toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: true,
      message: 'Salesforce could not be reached: ECONNREFUSED',
    });
  });

  it('keeps jsforce error codes and calls anything else permanent', () => {
    expect(toCrmError(Object.assign(new Error('x'), { errorCode: 'SERVER_UNAVAILABLE' }))).toMatchObject({
      retryable: true,
    });
    expect(toCrmError(new Error('Invalid record ID'))).toMatchObject({ code: 'UNEXPECTED', retryable: false });
  });
});
