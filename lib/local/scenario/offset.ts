/** Scenario times: an ISO timestamp with offset, or elapsed time after the start (`90m`, `26h`, `1d5h`, `0m`). */

const OFFSET = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Elapsed milliseconds of an offset, or undefined when the text is not one. */
export function parseOffset(text: string): number | undefined {
  const match = OFFSET.exec(text);
  if (!match) return undefined;
  const [, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return (((d ?? 0) * 24 + (h ?? 0)) * 60 + (m ?? 0)) * 60_000 + (s ?? 0) * 1000;
}

/** Epoch ms of an ISO timestamp that names its offset (a bare local time would be ambiguous). */
export function parseTimestamp(text: string): number | undefined {
  if (!ISO_WITH_OFFSET.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A scenario time: a timestamp, or an offset from `start`. */
export function resolveTime(text: string, start: number): number | undefined {
  const offset = parseOffset(text);
  return offset === undefined ? parseTimestamp(text) : start + offset;
}
