/**
 * Simulation throughput: N Salesforce cases through escalation and follow-up over 30 virtual days,
 * run by `simulate()` — cases per second of wall time.
 */
import { simulate } from '../lib/local/scenario/simulate.ts';
import type { LoadedScenario } from '../lib/local/scenario/load-scenario.ts';
import { benchConfig, loaded, OWNERS, seedPeople } from './scenarios.ts';
import { nowMs } from './stats.ts';

const SPREAD_MINUTES = 5 * 24 * 60; // cases are created over the first five days

/** N cases: half High (they escalate), half Medium; each closed 1–48 h after it opened, calls left open. */
export function manyCases(n: number): LoadedScenario {
  const o = OWNERS.salesforce;
  const agents = [o.agent, o.senior, o.specialist];
  const caseId = (i: number) => `500${String(i).padStart(12, '0')}AAA`;
  const contactId = (i: number) => `003${String(i).padStart(12, '0')}AAA`;
  const events = [];
  for (let i = 0; i < n; i++) {
    const at = Math.floor((i * SPREAD_MINUTES) / n);
    events.push({
      at: `${at}m`,
      create: 'case' as const,
      id: caseId(i),
      fields: {
        Subject: `Case ${i}`,
        Priority: i % 2 === 0 ? 'High' : 'Medium',
        Status: 'New',
        OwnerId: agents[i % agents.length] ?? o.agent,
        ContactId: contactId(i),
      },
    });
    events.push({
      at: `${at + 60 * (1 + (i % 48))}m`,
      update: 'case' as const,
      id: caseId(i),
      fields: { Status: 'Closed' },
    });
  }
  return loaded(
    {
      name: `bench-${n}-cases`,
      crm: 'salesforce',
      start: '2026-11-02T08:00:00+02:00',
      until: '30d',
      records: seedPeople(
        'salesforce',
        Array.from({ length: n }, (_, i) => contactId(i)),
      ),
      events,
    },
    benchConfig('salesforce'),
  );
}

export interface SimulationFigure {
  readonly cases: number;
  readonly wallMs: number;
  readonly casesPerSecond: number;
  readonly tasks: number;
  readonly emails: number;
  readonly failures: number;
  /** The process's peak resident memory (the whole local stack lives in it). */
  readonly peakRssMb: number;
}

export async function measureSimulation(
  n: number,
  onProgress?: (elapsedMs: number) => void,
): Promise<SimulationFigure> {
  const scenario = manyCases(n);
  const start = nowMs();
  const timer = onProgress ? setInterval(() => onProgress(nowMs() - start), 60_000) : undefined;
  try {
    const output = await simulate(scenario);
    const wallMs = nowMs() - start;
    return {
      cases: n,
      wallMs,
      casesPerSecond: (n * 1000) / wallMs,
      tasks: output.tasks.length,
      emails: output.emails.length,
      failures: output.failures.length,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    if (timer) clearInterval(timer);
  }
}
