import type { Instant } from '../../../core/time/instant.ts';

/** An `owner` record of a scenario (shared/scenarios/README.md). */
export interface ScenarioOwner {
  readonly id?: string;
  readonly name: string;
  readonly email?: string;
  /** HubSpot has no queue owners: every owner is a person (a user), whatever this says. */
  readonly kind?: 'user' | 'queue';
}

/** An owner as the portal keeps it; the owners API answers these fields. */
export interface HsOwner {
  readonly id: string;
  readonly email: string | undefined;
  readonly firstName: string | undefined;
  readonly lastName: string | undefined;
  /** The owner's user account: a different number from the owner id. */
  readonly userId: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly archived: boolean;
  readonly teams: readonly { readonly id: string; readonly name: string; readonly primary: boolean }[];
}

/** "Aino Agent" → first name Aino, last name Agent (the last word is the last name). */
export function ownerNames(name: string): { firstName: string | undefined; lastName: string | undefined } {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((part) => part.length > 0);
  const lastName = parts.pop();
  return { firstName: parts.length > 0 ? parts.join(' ') : undefined, lastName };
}

export function ownerView(owner: HsOwner) {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
    archived: owner.archived,
    teams: owner.teams.map((team) => ({ ...team })),
  };
}
