/** SOQL as the emulator understands it: one object, plain fields or count(), no relationships. */
export interface Query {
  readonly select: 'count' | readonly Name[];
  readonly from: Name;
  readonly where?: Condition;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface Name {
  readonly name: string;
  readonly at: number;
}

export type Literal =
  | { readonly kind: 'string'; readonly value: string; readonly raw: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly at: number }
  | { readonly kind: 'null'; readonly at: number }
  | { readonly kind: 'date'; readonly value: string; readonly at: number }
  | { readonly kind: 'datetime'; readonly value: number; readonly at: number };

export type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like';

export type Condition =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'compare'; readonly field: Name; readonly op: Comparison; readonly value: Literal }
  | { readonly kind: 'in'; readonly field: Name; readonly negated: boolean; readonly values: readonly Literal[] };

export interface OrderItem {
  readonly field: Name;
  readonly descending: boolean;
  readonly nullsLast: boolean;
}
