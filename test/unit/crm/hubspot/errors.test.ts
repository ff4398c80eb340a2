import { describe, expect, it } from 'vitest';
import { fromHttpResponse, fromTransportFailure, toCrmError } from '../../../../lib/crm/hubspot/errors.ts';

describe('HubSpot error classification', () => {
  it('reads the category from HubSpot’s body and decides by status', () => {
    expect(
      fromHttpResponse(404, '{"status":"error","message":"Object not found.","category":"OBJECT_NOT_FOUND"}'),
    ).toMatchObject({
      code: 'OBJECT_NOT_FOUND',
      retryable: false,
      status: 404,
      message: 'HubSpot answered 404 OBJECT_NOT_FOUND: Object not found.',
    });
    expect(fromHttpResponse(400, '{"status":"error","message":"bad","category":"VALIDATION_ERROR"}')).toMatchObject({
      retryable: false,
    });
    expect(fromHttpResponse(401, '{"category":"INVALID_AUTHENTICATION","message":"no"}')).toMatchObject({
      retryable: false,
    });
  });

  it('retries every 429, whatever the policy, and every 5xx, whatever the body', () => {
    for (const policy of ['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY']) {
      expect(
        fromHttpResponse(429, JSON.stringify({ errorType: 'RATE_LIMIT', policyName: policy, message: 'limit' })),
      ).toMatchObject({
        code: 'RATE_LIMIT',
        retryable: true,
        message: `HubSpot answered 429 RATE_LIMIT (${policy}): limit`,
      });
    }
    expect(fromHttpResponse(502, '<html>Bad gateway</html>')).toMatchObject({
      code: 'HTTP_502',
      retryable: true,
      message: 'HubSpot answered 502 HTTP_502: <html>Bad gateway</html>',
    });
    expect(fromHttpResponse(504, '')).toMatchObject({
      code: 'HTTP_504',
      retryable: true,
      message: 'HubSpot answered 504 HTTP_504: no details',
    });
  });

  it('treats timeouts and network failures as retryable', () => {
    expect(fromTransportFailure(Object.assign(new Error('slow'), { name: 'TimeoutError' }))).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
    });
    expect(fromTransportFailure(Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' }))).toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: true,
      message: 'HubSpot could not be reached: ECONNRESET',
    });
    expect(fromTransportFailure(new TypeError('x is not a function'))).toBeUndefined();
  });

  it('reads the client’s ApiException (status as code, parsed body), and calls anything else permanent', () => {
    const apiException = Object.assign(new Error('HTTP-Code: 429'), {
      code: 429,
      body: { category: 'RATE_LIMITS', policyName: 'TEN_SECONDLY_ROLLING', message: 'limit' },
    });
    expect(toCrmError(apiException)).toMatchObject({ code: 'RATE_LIMITS', retryable: true });
    expect(toCrmError(new Error('The mediaType text/html is not supported'))).toMatchObject({
      code: 'UNEXPECTED',
      retryable: false,
    });
  });
});
