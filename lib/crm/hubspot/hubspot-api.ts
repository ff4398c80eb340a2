import type { Client } from '@hubspot/api-client';
import type {
  FilterOperatorEnum,
  PublicAssociationsForObject,
  SimplePublicObject,
  SimplePublicObjectWithAssociations,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import type { PublicOwner } from '@hubspot/api-client/lib/codegen/crm/owners/index.js';
import type { Instant } from '../../core/time/instant.ts';
import type { AssociationLabel } from './association-types.ts';
import { createHubSpotClient, type ClientOptions, type HubSpotClient } from './client.ts';
import { HubSpotCrmError, toCrmError } from './errors.ts';
import type { HubSpotObject } from './objects.ts';
import { HubSpotSession } from './session.ts';

// The client's enums exist only in its generated code; their values are HubSpot's wire strings.
const EQ = 'EQ' as FilterOperatorEnum;
const GTE = 'GTE' as FilterOperatorEnum;
const BATCH = 100;
const ASSOCIATION_PAGE = 500;
const SEARCH_PAGE = 100;

/**
 * The HubSpot calls the adapter makes, each with its errors turned into CrmErrors, pages followed
 * to the end, batches cut at 100; reads of a record that does not exist answer undefined.
 */
export class HubSpotApi {
  readonly #api: HubSpotClient;
  readonly #session: HubSpotSession | undefined;

  constructor(options: ClientOptions) {
    this.#api = createHubSpotClient(options);
    const refresh = options.refreshAccessToken;
    this.#session = refresh && new HubSpotSession((token) => this.#api.client.setAccessToken(token), refresh);
  }

  close(): void {
    this.#api.close();
  }

  get #client(): Client {
    return this.#api.client;
  }

  /** A record with the properties asked for (and the ids of associated `associations` objects). */
  read(
    type: HubSpotObject,
    id: string,
    properties: readonly string[],
    associations: readonly string[] = [],
  ): Promise<SimplePublicObjectWithAssociations | undefined> {
    const links = associations.length > 0 ? [...associations] : undefined;
    return this.#orUndefined(() =>
      this.#client.crm.objects.basicApi.getById(type, id, [...properties], undefined, links),
    );
  }

  update(type: HubSpotObject, id: string, properties: Record<string, string>): Promise<SimplePublicObject> {
    return this.#call(() => this.#client.crm.objects.basicApi.update(type, id, { properties }));
  }

  create(
    type: HubSpotObject,
    input: { properties: Record<string, string>; associations: PublicAssociationsForObject[] },
  ): Promise<SimplePublicObject> {
    return this.#call(() => this.#client.crm.objects.basicApi.create(type, input));
  }

  owner(id: number): Promise<PublicOwner | undefined> {
    return this.#orUndefined(() => this.#client.crm.owners.ownersApi.getById(id, 'id', false));
  }

  /** The association types HubSpot defines from one object to another. */
  async associationLabels(from: HubSpotObject, to: HubSpotObject): Promise<readonly AssociationLabel[]> {
    return (await this.#call(() => this.#client.crm.associations.v4.schema.definitionsApi.getAll(from, to))).results;
  }

  /** Every id associated with a record, through the v4 associations API's pages. */
  async associatedIds(from: HubSpotObject, id: string, to: HubSpotObject): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await this.#call(() =>
        this.#client.crm.associations.v4.basicApi.getPage(from, id, to, after, ASSOCIATION_PAGE),
      );
      ids.push(...page.results.map((result) => String(result.toObjectId)));
      after = page.paging?.next?.after;
    } while (after !== undefined);
    return ids;
  }

  /** Many records by id, with one property each (ids that no longer exist are left out). */
  async readMany(type: HubSpotObject, ids: readonly string[], property: string): Promise<SimplePublicObject[]> {
    const records: SimplePublicObject[] = [];
    for (let start = 0; start < ids.length; start += BATCH) {
      const inputs = ids.slice(start, start + BATCH).map((id) => ({ id }));
      const batch = await this.#call(() =>
        this.#client.crm.objects.batchApi.read(type, { inputs, properties: [property], propertiesWithHistory: [] }),
      );
      records.push(...batch.results);
    }
    return records;
  }

  /** Call tasks associated with a contact, created since an instant, oldest first. */
  async callTasks(contactId: string, since: Instant, properties: readonly string[]): Promise<SimplePublicObject[]> {
    const found: SimplePublicObject[] = [];
    let after: string | undefined;
    do {
      const page = await this.#call(() =>
        this.#client.crm.objects.searchApi.doSearch('tasks', {
          filterGroups: [
            {
              filters: [
                { propertyName: 'associations.contact', operator: EQ, value: contactId },
                { propertyName: 'hs_task_type', operator: EQ, value: 'CALL' },
                { propertyName: 'hs_createdate', operator: GTE, value: String(since) },
              ],
            },
          ],
          // The documented object form; the client types sorts as strings and passes objects through.
          sorts: [{ propertyName: 'hs_createdate', direction: 'ASCENDING' } as unknown as string],
          properties: [...properties],
          limit: SEARCH_PAGE,
          ...(after === undefined ? {} : { after }),
        }),
      );
      found.push(...page.results);
      after = page.paging?.next?.after;
    } while (after !== undefined);
    return found;
  }

  /** For each record, the first `to` record it is associated with (records with none are left out). */
  async firstAssociated(from: HubSpotObject, ids: readonly string[], to: HubSpotObject): Promise<Map<string, string>> {
    const first = new Map<string, string>();
    for (let start = 0; start < ids.length; start += BATCH) {
      const inputs = ids.slice(start, start + BATCH).map((id) => ({ id }));
      const answer = await this.#call(() => this.#client.crm.associations.v4.batchApi.getPage(from, to, { inputs }));
      for (const result of answer.results) {
        const other = result.to[0];
        if (other) first.set(result._from.id, String(other.toObjectId));
      }
    }
    return first;
  }

  /** One API call, its error a CrmError; refused for an expired token, renewed and run again. */
  async #call<T>(work: () => Promise<T>): Promise<T> {
    const classified = async () => {
      try {
        return await work();
      } catch (error) {
        throw toCrmError(error);
      }
    };
    return this.#session ? this.#session.call(classified) : classified();
  }

  async #orUndefined<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await this.#call(work);
    } catch (error) {
      if (error instanceof HubSpotCrmError && error.status === 404) return undefined;
      throw error;
    }
  }
}
