/**
 * Just enough typing of Amazon States Language JSON to walk and rewrite it. Definitions come from
 * JSON files, so every field is checked where it is read rather than trusted here.
 */
export type AslState = { readonly Type?: unknown } & Readonly<Record<string, unknown>>;

export interface AslDefinition {
  readonly StartAt?: unknown;
  readonly States: Readonly<Record<string, AslState>>;
  readonly [field: string]: unknown;
}

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDefinition(value: unknown): value is AslDefinition {
  return isObject(value) && isObject(value.States) && Object.values(value.States).every(isObject);
}

/** The nested state machines of a Parallel (Branches) or Map (ItemProcessor, or the older Iterator). */
export function childDefinitions(state: AslState): AslDefinition[] {
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) return state.Branches.filter(isDefinition);
  if (state.Type === 'Map') return [state.ItemProcessor, state.Iterator].filter(isDefinition);
  return [];
}

/** Every state, nested ones included. State names are unique across a whole definition (the validator checks). */
export function* walkStates(definition: AslDefinition): Generator<[name: string, state: AslState]> {
  for (const [name, state] of Object.entries(definition.States)) {
    yield [name, state];
    for (const child of childDefinitions(state)) yield* walkStates(child);
  }
}

/** A copy with `fn` applied to every state, nested ones included (children first). */
export function mapStates(definition: AslDefinition, fn: (name: string, state: AslState) => AslState): AslDefinition {
  const States: Record<string, AslState> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    States[name] = fn(name, withMappedChildren(state, fn));
  }
  return { ...definition, States };
}

function withMappedChildren(state: AslState, fn: (name: string, state: AslState) => AslState): AslState {
  const map = (d: unknown): unknown => (isDefinition(d) ? mapStates(d, fn) : d);
  if (state.Type === 'Parallel' && Array.isArray(state.Branches))
    return { ...state, Branches: state.Branches.map(map) };
  if (state.Type === 'Map') {
    const copy: Record<string, unknown> = { ...state };
    if ('ItemProcessor' in state) copy.ItemProcessor = map(state.ItemProcessor);
    if ('Iterator' in state) copy.Iterator = map(state.Iterator);
    return copy as AslState;
  }
  return state;
}
