/**
 * The embedded local stack (DESIGN §8), in one process: local DynamoDB, the CRM emulator, the
 * webhook edge on an HTTP port, the queue and router, the workflow runner and the outbox — wired with
 * the same handlers the cloud runs. `crmflow dev` runs it on a scaled clock, `crmflow simulate` on a
 * virtual one.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../package-root.ts';
import { createEscalationActHandler } from '../../functions/escalation/act.ts';
import { createEscalationPlanHandler } from '../../functions/escalation/plan.ts';
import { createRecordFailureHandler } from '../../functions/failures/record.ts';
import { createFollowUpActHandler } from '../../functions/follow-up/act.ts';
import { createFollowUpPlanHandler } from '../../functions/follow-up/plan.ts';
import { DynamoStore } from '../aws/store/dynamo-store.ts';
import type { Config } from '../core/config/index.ts';
import { compileSettings, teamZone, type Settings } from '../core/config/settings.ts';
import type { EscalationDeps } from '../core/escalation/steps.ts';
import type { CrmName } from '../core/model/canonical.ts';
import type { CrmPort } from '../core/ports/crm.ts';
import type { AuditEntry } from '../core/ports/store.ts';
import type { RecordRef } from '../core/model/crm-event.ts';
import { routeEvent, type RouterDeps } from '../core/router/route-event.ts';
import { SalesforceCrm } from '../crm/salesforce/index.ts';
import { HubSpotCrm } from '../crm/hubspot/index.ts';
import { refreshGrant as hubspotRefreshGrant } from '../crm/hubspot/oauth.ts';
import { refreshGrant as salesforceRefreshGrant } from '../crm/salesforce/oauth.ts';
import { withCrmRetries } from '../crm/shared/retrying-crm.ts';
import {
  caseSnapshotOf,
  expediteFieldOf,
  hubspotMapping,
  orderSnapshotOf,
  salesforceMapping,
} from '../crm/snapshots.ts';
import {
  startHubSpotEmulator,
  type FaultHook as HubSpotFaultHook,
  type HubSpotEmulator,
} from './emulator/hubspot/index.ts';
import { FileEmailTemplates } from '../mail/file-templates.ts';
import { createExpediteActHandler } from '../../functions/expedite/act.ts';
import { createExpeditePlanHandler } from '../../functions/expedite/plan.ts';
import { handleWebhook } from '../edge/index.ts';
import type { LocalClock } from './clock/local-clock.ts';
import { startLocalDynamo, type LocalDynamo } from './dynamo/local-dynamo.ts';
import { startSalesforceEmulator, type SalesforceEmulator, type FaultHook } from './emulator/salesforce/index.ts';
import { startLocalHttpServer, type LocalHttpServer } from './http/server.ts';
import { Outbox } from './outbox/outbox.ts';
import { crmFaultHook } from './faults/crm-faults.ts';
import { faultyQueue } from './faults/faulty-queue.ts';
import { seededRandom } from './faults/random.ts';
import { emptyTally, type FaultTally } from './faults/tally.ts';
import { LocalQueue } from './queue/local-queue.ts';
import type { Faults } from './scenario/schema.ts';
import { LocalStepFunctions } from './runner/index.ts';

export interface LocalStackOptions {
  readonly config: Config;
  readonly clock: LocalClock;
  /** Keep DynamoDB data and .eml files here (`.crmflow/`); in memory when absent. */
  readonly dataDirectory?: string;
  /** The webhook port; 0 picks a free one. */
  readonly port?: number;
  readonly salesforceFaults?: FaultHook;
  readonly hubspotFaults?: HubSpotFaultHook;
  /** A scenario's `faults`: CRM errors, lost answers, duplicated and shuffled deliveries (seeded). */
  readonly faults?: Faults;
  /**
   * How long the CRM adapters wait for an answer. @default 10 s; 300 ms when `faults` has CRM errors
   * (an emulated timeout lasts until this deadline: a simulation should not wait long for each).
   */
  readonly crmTimeoutMs?: number;
  /** Which executions keep their event history once ended (LocalStepFunctionsOptions). @default 'all' */
  readonly executionHistory?: 'all' | 'unsucceeded';
  /** Told of every audit entry as it is written (the live timeline of `crmflow dev`). */
  readonly onAudit?: (ref: RecordRef, entry: AuditEntry) => void;
}

export interface LocalStack {
  readonly clock: LocalClock;
  readonly settings: Settings;
  readonly dynamo: LocalDynamo;
  readonly store: DynamoStore;
  readonly edge: LocalHttpServer;
  readonly salesforce?: SalesforceEmulator;
  readonly hubspot?: HubSpotEmulator;
  readonly workflows: LocalStepFunctions;
  readonly queue: LocalQueue;
  /** What the router runs with: tests hand it queue messages the way SQS would. */
  readonly router: RouterDeps;
  readonly outbox: Outbox;
  /** What `faults` injected so far. */
  readonly injectedFaults: FaultTally;
  /** The Outbound Message endpoint Salesforce (or its emulator) posts to. */
  readonly salesforceOutboundUrl?: string;
  close(): Promise<void>;
}

const CRM_TIMEOUT_MS = 10_000;
const FAULTY_CRM_TIMEOUT_MS = 300;

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { config, clock } = options;
  const settings = compileSettings(config);
  const closers: (() => unknown)[] = [];
  try {
    const dynamo = await startLocalDynamo(options.dataDirectory ? { path: join(options.dataDirectory, 'dynamo') } : {});
    closers.push(() => dynamo.close());
    const store = new DynamoStore({ client: dynamo.client, tableName: dynamo.tableName, clock });
    const onAudit = options.onAudit;
    if (onAudit) {
      const append = store.appendAudit.bind(store);
      store.appendAudit = async (ref, entry) => {
        await append(ref, entry);
        onAudit(ref, entry);
      };
    }
    const outbox = new Outbox({
      clock,
      ...(options.dataDirectory ? { directory: join(options.dataDirectory, 'outbox') } : {}),
    });

    const crms = new Map<CrmName, CrmPort>();
    // Our own retry policy per CRM call. Locally it retries at once: emulated faults are per request,
    // not per period, and a step waiting on the virtual clock while it runs would stop that clock.
    const retried = (port: CrmPort) => withCrmRetries(port, { sleep: () => Promise.resolve() });
    const crm = (name: CrmName): CrmPort => {
      const port = crms.get(name);
      if (!port) throw new Error(`crm.${name} is not configured`);
      return port;
    };

    const workflows = new LocalStepFunctions(clock, { history: options.executionHistory ?? 'all' });
    closers.push(() => workflows.stop());
    const routerDeps: RouterDeps = {
      settings,
      store,
      clock,
      crm,
      workflows,
      mapCase: caseSnapshotOf(config),
      mapOrder: orderSnapshotOf(config),
    };
    const queue = new LocalQueue({ clock, deliver: (event) => routeEvent(routerDeps, event) });
    closers.push(() => queue.close());
    const faults = options.faults ?? {};
    const seed = faults.seed ?? 1;
    const injectedFaults = emptyTally();
    const edgeQueue = faultyQueue(queue, clock, faults, seededRandom(seed), injectedFaults);
    const salesforceFaults =
      options.salesforceFaults ?? crmFaultHook('salesforce', faults, seededRandom(seed + 1), injectedFaults);
    const hubspotFaults =
      options.hubspotFaults ?? crmFaultHook('hubspot', faults, seededRandom(seed + 2), injectedFaults);
    const timeoutMs = options.crmTimeoutMs ?? ((faults.crmErrors ?? 0) > 0 ? FAULTY_CRM_TIMEOUT_MS : CRM_TIMEOUT_MS);

    const secrets = {
      salesforcePathToken: randomBytes(24).toString('base64url'),
      salesforceHmacSecret: randomBytes(32).toString('base64url'),
      hubspotClientSecret: randomBytes(32).toString('base64url'),
    };
    // HubSpot signs the URL it calls: the edge checks signatures against the server's own address.
    const publicAddress = { url: '' };
    const edge = await startLocalHttpServer({
      clock,
      port: options.port ?? 0,
      handle: (request) =>
        handleWebhook(request, {
          config: config.crm,
          secrets,
          queue: edgeQueue,
          clock,
          publicBaseUrl: publicAddress.url,
        }),
    });
    closers.push(() => edge.close());
    publicAddress.url = edge.url;

    let salesforce: SalesforceEmulator | undefined;
    let salesforceOutboundUrl: string | undefined;
    if (config.crm.salesforce) {
      salesforceOutboundUrl = `${edge.url}/webhooks/salesforce/outbound/${secrets.salesforcePathToken}`;
      salesforce = await startSalesforceEmulator({
        clock,
        orgId: config.crm.salesforce.orgId,
        outboundUrl: salesforceOutboundUrl,
        sleepUntil: (at) => clock.sleepUntil(at, 'outbound message retry'),
        track: (work) => clock.track(work),
        ...(salesforceFaults ? { faults: salesforceFaults } : {}),
      });
      const emulator = salesforce;
      closers.push(() => emulator.close());
      crms.set(
        'salesforce',
        retried(
          new SalesforceCrm({
            instanceUrl: emulator.url,
            accessToken: emulator.accessToken,
            apiVersion: config.crm.salesforce.apiVersion ?? '62.0',
            timezone: teamZone(settings),
            mapping: salesforceMapping(config),
            timeoutMs,
            // The emulator is its own login server: an expired session is renewed as in the cloud.
            refreshAccessToken: () => salesforceRefreshGrant(emulator.url, emulator.oauth),
          }),
        ),
      );
    }

    let hubspot: HubSpotEmulator | undefined;
    if (config.crm.hubspot) {
      hubspot = await startHubSpotEmulator({
        clock,
        portalId: config.crm.hubspot.portalId,
        clientSecret: secrets.hubspotClientSecret,
        webhookUrl: `${edge.url}/webhooks/hubspot`,
        sleepUntil: (at, signal) => clock.sleepUntil(at, 'hubspot webhook retry', signal),
        track: (work) => clock.track(work),
        subscribe: subscribedProperties(config),
        ...(hubspotFaults ? { faults: hubspotFaults } : {}),
      });
      const emulator = hubspot;
      closers.push(() => emulator.close());
      const adapter = new HubSpotCrm({
        accessToken: emulator.accessToken,
        basePath: emulator.url,
        mapping: hubspotMapping(config),
        clock,
        timeoutMs,
        refreshAccessToken: () => hubspotRefreshGrant(emulator.oauth, emulator.url),
      });
      closers.push(() => adapter.close());
      crms.set('hubspot', retried(adapter));
    }

    const steps: EscalationDeps = { settings, store, clock, crm: (ref) => crm(ref.crm), mailer: outbox };
    const handlers = {
      EscalationPlanFunctionArn: createEscalationPlanHandler(steps),
      EscalationActFunctionArn: createEscalationActHandler(steps),
      RecordFailureFunctionArn: createRecordFailureHandler({ store, clock }),
    };
    workflows.register('escalation', readDefinition('escalation'), asTaskHandlers(handlers));
    const expedite = { ...steps, templates: new FileEmailTemplates(), expediteField: expediteFieldOf(config) };
    workflows.register(
      'expedite',
      readDefinition('expedite'),
      asTaskHandlers({
        ExpeditePlanFunctionArn: createExpeditePlanHandler(expedite),
        ExpediteActFunctionArn: createExpediteActHandler(expedite),
        RecordFailureFunctionArn: handlers.RecordFailureFunctionArn,
      }),
    );
    workflows.register(
      'follow-up',
      readDefinition('follow-up'),
      asTaskHandlers({
        FollowUpPlanFunctionArn: createFollowUpPlanHandler(steps),
        FollowUpActFunctionArn: createFollowUpActHandler(steps),
        RecordFailureFunctionArn: handlers.RecordFailureFunctionArn,
      }),
    );

    return {
      clock,
      settings,
      dynamo,
      store,
      edge,
      ...(salesforce ? { salesforce } : {}),
      ...(hubspot ? { hubspot } : {}),
      ...(salesforceOutboundUrl ? { salesforceOutboundUrl } : {}),
      workflows,
      queue,
      router: routerDeps,
      outbox,
      injectedFaults,
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/** workflows/*.asl.json of the crmflow package: this checkout, or node_modules/crmflow when installed. */
function readDefinition(workflow: string): object {
  return JSON.parse(readFileSync(join(findPackageRoot(), 'workflows', `${workflow}.asl.json`), 'utf8')) as object;
}

/** The middy handlers as the runner calls them: input in, output out (no Lambda context needed). */
function asTaskHandlers(handlers: Record<string, (input: never, context: never) => Promise<unknown>>) {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [name, (input: unknown) => handler(input as never, {} as never)]),
  );
}

async function closeAll(closers: (() => unknown)[]): Promise<void> {
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch {
      // closing the rest matters more than one that failed to close
    }
  }
}

/** The properties a config maps, so the emulated app subscribes to their changes as an admin would. */
function subscribedProperties(config: Config) {
  const fields = config.crm.hubspot?.fields ?? {};
  const orders = [
    'order.promisedAt',
    'order.expedite',
    'order.shippedAt',
    'order.deliveredAt',
    'order.status',
  ] as const;
  const mapped = orders.map((field) => fields[field]).filter((name): name is string => typeof name === 'string');
  const optedOut = fields['contact.optedOut'];
  return { orders: mapped, ...(optedOut ? { contacts: [optedOut] } : {}) };
}
