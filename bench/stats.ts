/** Tiny measurement helpers: repeated samples after a warm-up, summarised as median and spread. */

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** (max − min) / median: how far apart the samples were. */
  readonly spread: number;
  readonly samples: number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  const median = sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  const min = at(0);
  const max = at(sorted.length - 1);
  return { median, min, max, spread: median === 0 ? 0 : (max - min) / median, samples: values.length };
}

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export interface RateOptions {
  /** Samples taken after the warm-up. */
  readonly samples: number;
  /** Approximate wall time of one sample, ms. */
  readonly sampleMs: number;
  readonly warmupMs: number;
}

/** Operations per second of `op`, one figure per sample (each sample runs `op` until sampleMs passed). */
export async function rate(op: () => unknown, options: RateOptions): Promise<Summary> {
  const run = async (ms: number): Promise<number> => {
    const start = nowMs();
    let count = 0;
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 16; i++) await op();
      count += 16;
      elapsed = nowMs() - start;
    }
    return (count * 1000) / elapsed;
  };
  await run(options.warmupMs);
  const rates: number[] = [];
  for (let i = 0; i < options.samples; i++) rates.push(await run(options.sampleMs));
  return summarise(rates);
}

/** Median and spread of a figure, for printing: `12 345/s (±4%)`. */
export const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const pct = (summary: Summary): string => `±${Math.round((summary.spread * 100) / 2)}%`;
