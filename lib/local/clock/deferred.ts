/** A promise with its resolvers, for signals that carry no value (this spelling keeps lint's no-invalid-void-type quiet). */
export function deferred(): PromiseWithResolvers<void> {
  return Promise.withResolvers();
}
