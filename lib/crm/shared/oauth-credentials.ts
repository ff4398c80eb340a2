/** An OAuth app's refresh token and the app's own credentials: what the refresh-token grant sends. */
export interface OAuthCredentials {
  readonly refreshToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
}
