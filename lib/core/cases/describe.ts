import type { CaseState } from './case-state.ts';

/** "case 00001001 — Invoice shows wrong VAT": how e-mails, notes and tasks name a case. */
export function describeCase(state: CaseState): string {
  const { number, subject } = state.snapshot;
  const name = number ? `case ${number}` : `case ${state.ref.id}`;
  return subject ? `${name} — ${subject}` : name;
}
