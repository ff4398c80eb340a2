/** The benchmark helpers produce numbers at their smallest sizes. No timing is asserted. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureBundles } from '../../../bench/bundles.ts';
import { measureEdge } from '../../../bench/edge.ts';
import { measureSimulation } from '../../../bench/simulation.ts';
import { summarise } from '../../../bench/stats.ts';
import { measureStory, STORIES } from '../../../bench/stories.ts';

const finite = (value: number) => Number.isFinite(value) && value > 0;

describe('the bench helpers', () => {
  it('summarise samples', () => {
    expect(summarise([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3, samples: 3 });
  });

  it('measure the edge and its floor', async () => {
    const figures = await measureEdge({ samples: 1, sampleMs: 5, warmupMs: 5 });
    expect(figures.map((f) => f.name)).toEqual(['HubSpot v3 batch', 'Salesforce Outbound Message']);
    expect(figures.every((f) => finite(f.edge.median) && finite(f.floor.median) && finite(f.ratio))).toBe(true);
  });

  it('bundle the edge Lambda and the baseline and time their load', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'crmflow-bench-test-'));
    try {
      const figures = await measureBundles(outdir, { runs: 1, names: ['webhook'] });
      expect(figures.map((f) => f.name)).toEqual(['empty-sfn', 'webhook']);
      expect(figures.every((f) => finite(f.bytes) && finite(f.load.median))).toBe(true);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });

  it('simulate a few cases', async () => {
    const figure = await measureSimulation(4);
    expect(figure.failures).toBe(0);
    expect(finite(figure.casesPerSecond)).toBe(true);
  });

  it.each(STORIES)('count transitions and CRM requests of %s', async (name) => {
    const figure = await measureStory('salesforce', name);
    expect(figure.failures).toBe(0);
    expect(figure.totalTransitions).toBeGreaterThan(0);
  });
});
