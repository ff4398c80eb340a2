/**
 * The access tokens an emulated CRM accepts, and the OAuth app that renews them: a session can be
 * made to expire (a fault), and the refresh-token grant then issues a new one, as Salesforce's and
 * HubSpot's token endpoints do. Sessions issued earlier stay valid until the next expiry, because a
 * refresh in one process does not end the sessions of another.
 */
export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** The app every emulator trusts unless told otherwise; not a secret (it opens an emulator only). */
export const EMULATOR_OAUTH_APP: OAuthApp = {
  clientId: 'crmflow-emulator-client',
  clientSecret: 'crmflow-emulator-client-secret',
  refreshToken: 'crmflow-emulator-refresh-token',
};

export type GrantRefusal = 'unsupported_grant_type' | 'invalid_client_id' | 'invalid_client' | 'invalid_grant';

export class Sessions {
  readonly app: OAuthApp;
  readonly #valid = new Set<string>();
  readonly #base: string;
  #current: string;
  #issued = 0;

  constructor(initialToken: string, app: OAuthApp = EMULATOR_OAUTH_APP) {
    this.app = app;
    this.#base = initialToken;
    this.#current = initialToken;
    this.#valid.add(initialToken);
  }

  /** The newest token issued. */
  get current(): string {
    return this.#current;
  }

  accepts(token: string | undefined): boolean {
    return token !== undefined && this.#valid.has(token);
  }

  /** Only `token` is accepted from now on (an admin rotated the credentials). */
  replace(token: string): void {
    this.#valid.clear();
    this.#valid.add(token);
    this.#current = token;
  }

  /** Every session ends: each token is refused until a refresh issues a new one. */
  expire(): void {
    this.#valid.clear();
  }

  /** The refresh-token grant of a form-encoded token request: a new token, or why not. */
  refresh(form: URLSearchParams): { readonly token: string } | { readonly refused: GrantRefusal } {
    if (form.get('grant_type') !== 'refresh_token') return { refused: 'unsupported_grant_type' };
    if (form.get('client_id') !== this.app.clientId) return { refused: 'invalid_client_id' };
    if (form.get('client_secret') !== this.app.clientSecret) return { refused: 'invalid_client' };
    if (form.get('refresh_token') !== this.app.refreshToken) return { refused: 'invalid_grant' };
    this.#issued += 1;
    const token = `${this.#base}.${this.#issued}`;
    this.#valid.add(token);
    this.#current = token;
    return { token };
  }
}
