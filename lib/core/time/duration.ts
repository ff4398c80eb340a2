/**
 * Durations as the config writes them: `30m`, `4h`, `2d`, or combined largest unit first (`1d4h`, `1h30m`).
 * `m` and `h` are open time on a calendar; `d` counts business days (DESIGN §6). The two parts stay
 * apart because they are not interchangeable: a business day is not a fixed number of open minutes.
 */
export interface Duration {
  /** Business days: the same local wall-clock time this many open days later. */
  readonly days: number;
  /** Open time in milliseconds. */
  readonly openMs: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

const DURATION = /^(?:(\d{1,4})d)?(?:(\d{1,5})h)?(?:(\d{1,6})m)?$/;

/** The pattern editors see in the JSON Schema; {@link parseDuration} is the authority. */
export const DURATION_PATTERN = '^(\\d+d)?(\\d+h)?(\\d+m)?$';

export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, d, h, m] = match;
  return { days: Number(d ?? 0), openMs: Number(h ?? 0) * HOUR_MS + Number(m ?? 0) * MINUTE_MS };
}

export function isZero(duration: Duration): boolean {
  return duration.days === 0 && duration.openMs === 0;
}

export function formatDuration(duration: Duration): string {
  const minutes = Math.round(duration.openMs / MINUTE_MS);
  const parts = [
    duration.days ? `${duration.days}d` : '',
    Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}h` : '',
    minutes % 60 ? `${minutes % 60}m` : '',
  ].join('');
  return parts || '0m';
}
