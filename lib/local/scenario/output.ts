import type { FaultTally } from '../faults/tally.ts';

/** The result of a simulation, as `crmflow simulate --json` prints it (shared/scenarios/README.md). */
export interface TimelineEntry {
  readonly at: string;
  readonly workflow: string;
  readonly record: string;
  readonly action: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface TaskOutput {
  readonly id: string;
  readonly subject: string;
  readonly ownerId: string;
  readonly type: 'call' | 'todo';
  readonly status: 'open' | 'completed';
  readonly createdAt: string;
  readonly dueAt?: string;
  readonly relatedTo?: string;
  readonly description?: string;
}

export interface NoteOutput {
  readonly relatedTo: string;
  readonly createdAt: string;
  readonly body: string;
}

export interface EmailOutput {
  readonly at: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly body?: string;
}

export interface SimulationOutput {
  readonly name: string;
  readonly start: string;
  readonly end: string;
  passed: boolean;
  readonly timeline: TimelineEntry[];
  readonly tasks: TaskOutput[];
  readonly records: Record<string, Record<string, unknown>>;
  readonly notes: NoteOutput[];
  readonly emails: EmailOutput[];
  /** What the scenario's `faults` injected (present when it has any). */
  injectedFaults?: FaultTally;
  failures: string[];
}
