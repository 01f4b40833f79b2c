/**
 * The formula AST: frozen, kind-tagged nodes, each with its source span (character offsets
 * into the formula text, end exclusive). Compiler passes read it; none of them mutate it.
 */
import type { ErrorCode } from '../library/values';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface NumberNode extends Span {
  readonly kind: 'number';
  readonly value: number;
}

export interface TextNode extends Span {
  readonly kind: 'text';
  readonly value: string;
}

export interface BooleanNode extends Span {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface ErrorNode extends Span {
  readonly kind: 'error';
  readonly code: ErrorCode;
}

/** `[Trade Price]`, or `[broker!Trade Price]` in recon templates. */
export interface ColumnNode extends Span {
  readonly kind: 'column';
  readonly name: string;
  readonly source?: string;
}

/** `Rates[Tenor]`: a whole reference-table column, only valid as a function argument. */
export interface TableColumnNode extends Span {
  readonly kind: 'table-column';
  readonly table: string;
  readonly column: string;
}

export type LiteralNode = NumberNode | TextNode | BooleanNode | ErrorNode;

/** `{1, 2, "a"}`: one row of literals. */
export interface ArrayNode extends Span {
  readonly kind: 'array';
  readonly items: readonly LiteralNode[];
}

export interface UnaryNode extends Span {
  readonly kind: 'unary';
  readonly op: '-' | '+';
  readonly operand: Expr;
}

/** Postfix `%`. */
export interface PercentNode extends Span {
  readonly kind: 'percent';
  readonly operand: Expr;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type BinaryOp = ArithmeticOp | ComparisonOp | '&';

export interface BinaryNode extends Span {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface CallNode extends Span {
  readonly kind: 'call';
  /** As written; the checker resolves it case-insensitively. */
  readonly name: string;
  /** End of the name, for diagnostics that point at the name only. */
  readonly nameEnd: number;
  readonly args: readonly Expr[];
}

/** A bare identifier: never valid, kept so the checker can say what was meant. */
export interface NameNode extends Span {
  readonly kind: 'name';
  readonly name: string;
}

export type Expr =
  | LiteralNode
  | ColumnNode
  | TableColumnNode
  | ArrayNode
  | UnaryNode
  | PercentNode
  | BinaryNode
  | CallNode
  | NameNode;

export type ExprKind = Expr['kind'];

/** Freezes a node; children are frozen when they are built, so the whole tree is immutable. */
export function node<T extends Expr>(n: T): T {
  if ('args' in n) Object.freeze(n.args);
  if ('items' in n) Object.freeze(n.items);
  return Object.freeze(n);
}

/** The key a column reference resolves under: ColumnSpec names carry the `source!` prefix. */
export function columnKey(n: ColumnNode): string {
  return n.source === undefined ? n.name : `${n.source}!${n.name}`;
}

/** Direct children, in evaluation order. */
export function children(n: Expr): readonly Expr[] {
  switch (n.kind) {
    case 'unary':
    case 'percent':
      return [n.operand];
    case 'binary':
      return [n.left, n.right];
    case 'call':
      return n.args;
    case 'array':
      return n.items;
    default:
      return [];
  }
}
