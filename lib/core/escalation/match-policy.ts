import type { EscalationPolicy, Settings } from '../config/settings.ts';
import type { CaseSnapshot } from '../cases/case-state.ts';

/** The first escalation policy whose `when` matches the case (DESIGN §7), or none. */
export function matchEscalationPolicy(settings: Settings, snapshot: CaseSnapshot): EscalationPolicy | undefined {
  return settings.escalation.find(
    (policy) =>
      (!policy.priorities || (snapshot.priority !== undefined && policy.priorities.includes(snapshot.priority))) &&
      (!policy.statuses || policy.statuses.includes(snapshot.status)),
  );
}
