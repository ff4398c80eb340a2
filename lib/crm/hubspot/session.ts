import { CrmError } from '../../core/ports/crm.ts';
import { HubSpotCrmError, toCrmError } from './errors.ts';

/**
 * Renews HubSpot's access token when the API answers 401 (OAuth access tokens live 30 minutes). One
 * refresh serves every call that was refused with the same token: calls remember the generation of
 * the token they were sent with, and a call refused after someone else renewed it only tries again.
 */
export class HubSpotSession {
  readonly #apply: (token: string) => void;
  readonly #refresh: () => Promise<string>;
  #generation = 0;
  #renewing: Promise<void> | undefined;

  constructor(apply: (token: string) => void, refresh: () => Promise<string>) {
    this.#apply = apply;
    this.#refresh = refresh;
  }

  /** Runs `work`; refused for its token, renews the token (once per generation) and runs it again. */
  async call<T>(work: () => Promise<T>): Promise<T> {
    const generation = this.#generation;
    try {
      return await work();
    } catch (error) {
      if (!isRefused(error)) throw error;
    }
    await this.#renew(generation);
    try {
      return await work();
    } catch (error) {
      if (!isRefused(error)) throw error;
      // Retryable: the next attempt renews again (the new token may have ended as soon as it began).
      throw new CrmError('INVALID_AUTHENTICATION', 'HubSpot refused the access token even after refreshing it', true);
    }
  }

  #renew(seen: number): Promise<void> {
    if (seen < this.#generation) return Promise.resolve();
    this.#renewing ??= this.#refresh()
      .then(
        (token) => {
          this.#apply(token);
          this.#generation += 1;
        },
        (error: unknown) => {
          const failure = toCrmError(error);
          throw new CrmError(
            failure.code,
            `Refreshing the HubSpot access token failed: ${failure.message}`,
            failure.retryable,
          );
        },
      )
      .finally(() => {
        this.#renewing = undefined;
      });
    return this.#renewing;
  }
}

const isRefused = (error: unknown): boolean => error instanceof HubSpotCrmError && error.status === 401;
