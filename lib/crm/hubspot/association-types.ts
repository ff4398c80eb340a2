import { HubSpotCrmError } from './errors.ts';
import { DOCUMENTED_ASSOCIATION_TYPES, type HubSpotObject } from './objects.ts';

/** One entry of `GET /crm/v4/associations/{from}/{to}/labels`. */
export interface AssociationLabel {
  readonly category: string;
  readonly typeId: number;
  readonly label?: string | null;
}

/**
 * The unlabeled HubSpot-defined association type from one object to another: the documented id
 * when there is one, else the portal's own answer (asked once, kept; a failed lookup is not kept,
 * so the next attempt asks again).
 */
export class AssociationTypes {
  readonly #lookup: (from: HubSpotObject, to: HubSpotObject) => Promise<readonly AssociationLabel[]>;
  readonly #found = new Map<string, Promise<number>>();

  constructor(lookup: (from: HubSpotObject, to: HubSpotObject) => Promise<readonly AssociationLabel[]>) {
    this.#lookup = lookup;
  }

  typeId(from: HubSpotObject, to: HubSpotObject): Promise<number> {
    const key = `${from}→${to}`;
    const documented = DOCUMENTED_ASSOCIATION_TYPES[key];
    if (documented !== undefined) return Promise.resolve(documented);
    let found = this.#found.get(key);
    if (!found) {
      found = this.#discover(from, to);
      this.#found.set(key, found);
      found.catch(() => this.#found.delete(key));
    }
    return found;
  }

  async #discover(from: HubSpotObject, to: HubSpotObject): Promise<number> {
    const labels = await this.#lookup(from, to);
    const unlabeled = labels.find((type) => type.category === 'HUBSPOT_DEFINED' && !type.label);
    if (!unlabeled) {
      throw new HubSpotCrmError('NO_ASSOCIATION_TYPE', `HubSpot defines no association from ${from} to ${to}`, false);
    }
    return unlabeled.typeId;
  }
}
