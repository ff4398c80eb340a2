import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { salesforceRefresh } from '../../../lib/aws/salesforce-session.ts';
import type { SalesforceSecret } from '../../../lib/aws/secret-schemas.ts';
import { CrmError } from '../../../lib/core/ports/crm.ts';
import { readBody, send } from '../../../lib/local/emulator/http-io.ts';
import { listen, type Listening } from '../../../lib/local/emulator/listen.ts';

interface TokenRequest {
  readonly path: string;
  readonly form: Record<string, string>;
}

let server: Listening;
const requests: TokenRequest[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { access_token: '00D!fresh' } };

beforeAll(async () => {
  server = await listen((request, response) => {
    void (async () => {
      const body = await readBody(request, 64 * 1024);
      const form = Object.fromEntries(new URLSearchParams(body === 'too-large' ? '' : body.toString('utf8')));
      requests.push({ path: request.url ?? '', form });
      send(response, answer.status, answer.body, 'application/json');
    })();
  });
});
afterAll(() => server.close());
beforeEach(() => {
  requests.length = 0;
});

const secret = (more: Partial<SalesforceSecret> = {}): SalesforceSecret => ({
  instanceUrl: 'https://acme.my.salesforce.com',
  accessToken: '00D!stale',
  ...more,
});
const oauth = () =>
  secret({
    refreshToken: 'refresh-me',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    loginUrl: `${server.url}/`,
  });
const noReread = () => Promise.reject(new Error('the secret should not be read again'));

describe('salesforceRefresh with OAuth credentials', () => {
  it('posts the refresh-token grant to the login URL and returns the new access token', async () => {
    answer = { status: 200, body: { access_token: '00D!fresh', instance_url: 'https://acme.my.salesforce.com' } };
    expect(await salesforceRefresh(oauth(), noReread)()).toBe('00D!fresh');
    expect(requests).toEqual([
      {
        path: '/services/oauth2/token',
        form: {
          grant_type: 'refresh_token',
          refresh_token: 'refresh-me',
          client_id: 'client-id',
          client_secret: 'client-secret',
        },
      },
    ]);
  });

  it('classifies a refused grant as permanent and an outage as retryable, quoting no credential', async () => {
    answer = { status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } };
    const refused = await salesforceRefresh(oauth(), noReread)().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CrmError);
    expect(refused).toMatchObject({ code: 'OAUTH_INVALID_GRANT', retryable: false });
    expect((refused as Error).message).not.toMatch(/refresh-me|client-secret/);

    answer = { status: 503, body: 'down for maintenance' };
    await expect(salesforceRefresh(oauth(), noReread)()).rejects.toMatchObject({
      code: 'OAUTH_HTTP_503',
      retryable: true,
    });
  });
});

describe('salesforceRefresh without OAuth credentials', () => {
  it('takes a newer token from the secret, and refuses when it holds none', async () => {
    let stored = secret({ accessToken: '00D!rotated' });
    const refresh = salesforceRefresh(secret(), async () => stored);
    expect(await refresh()).toBe('00D!rotated');

    await expect(refresh()).rejects.toMatchObject({ code: 'INVALID_SESSION_ID', retryable: false });
    stored = secret({ accessToken: '00D!again' });
    expect(await refresh()).toBe('00D!again');
    expect(requests).toHaveLength(0);
  });
});
