// Prototype: run ASL Wait states on a process-owned virtual clock with aws-local-stepfunctions v3.
import { StateMachine } from 'aws-local-stepfunctions';

// ---------------- virtual clock ----------------
export class VirtualClock {
  #now;
  #timers = [];
  #seq = 0;
  constructor(startMs) {
    this.#now = startMs;
  }
  now() {
    return this.#now;
  }
  /** Resolves when advanceTo() reaches `ms` (immediately-ish if already due). Returns a cancellable promise. */
  sleepUntil(ms) {
    let timer;
    const p = new Promise((resolve) => {
      timer = { due: Math.max(ms, this.#now), seq: this.#seq++, resolve };
    });
    this.#timers.push(timer);
    this.#timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    p.cancel = () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
      timer.resolve('cancelled');
    };
    return p;
  }
  nextDue() {
    return this.#timers.length ? this.#timers[0].due : undefined;
  }
  pending() {
    return this.#timers.length;
  }
  /** Move time forward to `ms`, firing due timers in order. */
  advanceTo(ms) {
    if (ms < this.#now) throw new Error('clock cannot go backwards');
    while (this.#timers.length && this.#timers[0].due <= ms) {
      const t = this.#timers.shift();
      this.#now = t.due;
      t.resolve('fired');
    }
    this.#now = ms;
  }
}

// ---------------- definition rewrite: Wait -> Task(virtual wait) ----------------
export const VIRTUAL_WAIT_RESOURCE = 'arn:aws:lambda:us-east-1:000000000000:function:crmflow-virtual-wait';
const MAX_SAFE_TIMEOUT_S = 2147483; // 2^31-1 ms / 1000; above this Node clamps setTimeout to 1 ms => instant States.Timeout

function mapStatesDeep(def, fn) {
  const States = {};
  for (const [name, st0] of Object.entries(def.States)) {
    let st = { ...st0 };
    if (st.Type === 'Parallel') st.Branches = st.Branches.map((b) => mapStatesDeep(b, fn));
    if (st.Type === 'Map') {
      const key = st.ItemProcessor ? 'ItemProcessor' : 'Iterator';
      st[key] = mapStatesDeep(st[key], fn);
    }
    States[name] = fn(name, st);
  }
  return { ...def, States };
}
export function* walkStates(def) {
  for (const [name, st] of Object.entries(def.States)) {
    yield [name, st];
    if (st.Type === 'Parallel') for (const b of st.Branches) yield* walkStates(b);
    if (st.Type === 'Map') yield* walkStates(st.ItemProcessor ?? st.Iterator);
  }
}

export function rewriteWaits(def) {
  const waitStateNames = new Set();
  const out = mapStatesDeep(structuredClone(def), (name, st) => {
    if (st.Type !== 'Wait') return st;
    waitStateNames.add(name);
    // Wait fields: Type, Comment, InputPath, OutputPath, Next|End, exactly one of Seconds/SecondsPath/Timestamp/TimestampPath.
    const { Type, Seconds, SecondsPath, Timestamp, TimestampPath, ...keep } = st; // keep = Comment, InputPath, OutputPath, Next/End (+QueryLanguage)
    const wait =
      Seconds !== undefined
        ? { seconds: Seconds }
        : SecondsPath !== undefined
          ? { 'seconds.$': SecondsPath } // resolved by the engine (supports $ and $$ paths)
          : Timestamp !== undefined
            ? { timestamp: Timestamp }
            : { 'timestamp.$': TimestampPath };
    return {
      ...keep,
      Type: 'Task',
      Resource: VIRTUAL_WAIT_RESOURCE,
      // The engine applies InputPath first, then Parameters; the handler echoes `payload` back,
      // no ResultPath => result replaces effective input, then OutputPath -- identical to Wait semantics.
      Parameters: { 'payload.$': '$', wait },
      TimeoutSeconds: MAX_SAFE_TIMEOUT_S, // otherwise the engine's default 60 s REAL-time task timeout applies
    };
  });
  return { definition: out, waitStateNames };
}

function statesRuntime(msg) {
  // mimic the engine's non-retryable, non-catchable States.Runtime
  const e = new Error(msg);
  e.name = 'States.Runtime';
  e.isRetryable = false;
  e.isCatchable = false;
  return e;
}
const RFC3339 =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

// ---------------- adapter ----------------
export class Engine {
  constructor(clock) {
    this.clock = clock;
    this.inFlight = 0;
  }
  compile(def, byResource) {
    const { definition, waitStateNames } = rewriteWaits(def);
    const sm = new StateMachine(definition); // validates the rewritten definition (and mutates it: adds QueryLanguage)
    const taskNames = [...walkStates(definition)].filter(([, s]) => s.Type === 'Task');
    return { sm, waitStateNames, taskNames, byResource };
  }
  run(compiled, input) {
    const pendingSleeps = new Set();
    const handlers = {};
    for (const [name, st] of compiled.taskNames) {
      if (st.Resource === VIRTUAL_WAIT_RESOURCE) {
        handlers[name] = async ({ payload, wait }) => {
          let due;
          if ('seconds' in wait) {
            if (!Number.isInteger(wait.seconds) || wait.seconds < 0)
              throw statesRuntime(`Wait ${name}: seconds must be an integer >= 0`);
            due = this.clock.now() + wait.seconds * 1000;
          } else {
            if (typeof wait.timestamp !== 'string' || !RFC3339.test(wait.timestamp))
              throw statesRuntime(`Wait ${name}: bad timestamp`);
            due = Date.parse(wait.timestamp);
          }
          const p = this.clock.sleepUntil(due);
          pendingSleeps.add(p);
          try {
            await p;
          } finally {
            pendingSleeps.delete(p);
          }
          return payload;
        };
      } else {
        const h = compiled.byResource[st.Resource];
        if (!h) throw new Error(`no local handler for ${st.Resource} (state ${name})`);
        handlers[name] = async (i) => {
          this.inFlight++;
          try {
            return await h(i);
          } finally {
            this.inFlight--;
          }
        };
      }
    }
    const ex = compiled.sm.run(input, {
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides: ZERO_RETRY },
    });
    const abort = () => {
      ex.abort();
      for (const p of pendingSleeps) p.cancel();
    };
    return { ...ex, abort };
  }
  /** Let the engine make progress until no handler is in flight and no microtasks/immediates move anything. */
  async settle() {
    for (let quiet = 0; quiet < 3;) {
      await new Promise((r) => setImmediate(r));
      quiet = this.inFlight === 0 ? quiet + 1 : 0;
    }
  }
  /** Drive virtual time until `promise` settles. */
  async runToCompletion(promise, log = () => {}) {
    let done = false;
    const guarded = promise.finally(() => {
      done = true;
    });
    guarded.catch(() => {});
    while (true) {
      await this.settle();
      if (done) return guarded;
      const next = this.clock.nextDue();
      if (next === undefined) throw new Error('deadlock: execution pending but no virtual timer due');
      log(`advance ${new Date(this.clock.now()).toISOString()} -> ${new Date(next).toISOString()}`);
      this.clock.advanceTo(next);
    }
  }
}
// every retrier wait becomes 0 ms (engine's sleep(0) returns without a timer); works for nested states too
const ZERO_RETRY = new Proxy({}, { get: (_, k) => (typeof k === 'string' ? 0 : undefined) });
