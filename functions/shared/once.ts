/**
 * A value built once per Lambda container, on first use (not at import, so a cold start that fails
 * fails an invocation with a logged reason). A failed build is not kept: the next invocation tries again.
 */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
