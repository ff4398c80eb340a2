/** Minted ids: large numbers, as HubSpot's are, far from the small ids scenarios write by hand. */
const FIRST_ID = 1_000_000_001;

/** Counters per object (and for owners and users), skipping ids a seed already took. */
export class IdCounters {
  #next = new Map<string, number>();

  mint(kind: string, taken: (id: string) => boolean = () => false, first = FIRST_ID): string {
    for (;;) {
      const next = this.#next.get(kind) ?? first;
      this.#next.set(kind, next + 1);
      if (!taken(String(next))) return String(next);
    }
  }

  snapshot(): ReadonlyMap<string, number> {
    return new Map(this.#next);
  }

  restore(snapshot: ReadonlyMap<string, number>): void {
    this.#next = new Map(snapshot);
  }
}
