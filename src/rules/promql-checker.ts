import { promqlParser } from './lezer-promql';
import { AGGREGATION_PARAMETERS, EXPERIMENTAL_AGGREGATIONS, PROMQL_FUNCTIONS, PromQLType } from './promql-functions';
import { unquotePromQLString } from './promql-text';
import { re2MatchesEmpty, re2SyntaxError } from '../common/re2';
import { parsePrometheusDuration } from '../resolver/render/duration';

/** A node of the lezer syntax tree. */
type SyntaxTree = ReturnType<typeof promqlParser.parse>;
type SyntaxNode = SyntaxTree['topNode'];

/** The first problem Prometheus would report for an expression: where (a string index) and what. */
export interface PromQLFinding {
  /** Index in the expression text where the problem starts. */
  readonly offset: number;
  /** Prometheus's description of the problem (without the `parse error:` prefix). */
  readonly message: string;
}

/** The verdict on one expression: a problem, or the type of its value. */
export interface PromQLAnalysis {
  /** The first problem, when the expression is not valid. */
  readonly problem?: PromQLFinding;
  /** The type of the expression's value, when it is valid. */
  readonly type?: PromQLType;
}

const COMPARISONS = new Set(['Eql', 'Neq', 'Gtr', 'Lss', 'Gte', 'Lte']);
const SET_OPERATORS = new Set(['And', 'Or', 'Unless']);
const BINARY_OPERATORS = new Set([...COMPARISONS, ...SET_OPERATORS, 'Pow', 'Mul', 'Div', 'Mod', 'Atan2', 'Add', 'Sub']);

class Failure {
  constructor(public readonly finding: PromQLFinding) {}
}

/**
 * Parses `text` with the Prometheus project's lezer grammar and then applies the checks that
 * Prometheus 3's own parser makes while building and type-checking the tree (function signatures,
 * aggregation parameters, binary operator rules, range and offset placement, matcher regexes,
 * non-empty selectors), with experimental features disabled as in the operator's default.
 * Reports the first problem at the position Prometheus reports it.
 */
export function analyzePromQL(text: string): PromQLAnalysis {
  if (text.replace(/#[^\n]*/g, '').trim() === '') {
    return { problem: { offset: 0, message: 'no expression found in input' } };
  }
  const tree = promqlParser.parse(text);
  const top = tree.topNode;
  const syntax = syntaxProblem(text, tree);
  if (syntax) {
    return { problem: syntax };
  }
  const checker = new Checker(text);
  const expr = childrenOf(top)[0];
  try {
    checker.construct(expr);
    return { type: checker.typeOf(expr) };
  } catch (e) {
    if (e instanceof Failure) {
      return { problem: e.finding };
    }
    throw e;
  }
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'LineComment') {
      out.push(c);
    }
  }
  return out;
}

function syntaxProblem(text: string, tree: SyntaxTree): PromQLFinding | undefined {
  let first: { from: number; to: number } | undefined;
  let unterminated: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError && (!first || n.from < first.from)) {
        first = { from: n.from, to: n.to };
      }
      if (n.name === 'StringLiteral' && unterminated === undefined && !isTerminated(text.slice(n.from, n.to))) {
        unterminated = n.from;
      }
    },
  });
  if (!first) {
    return undefined;
  }
  if (unterminated !== undefined && unterminated < first.from) {
    return { offset: unterminated, message: 'unterminated quoted string' };
  }
  const at = skipSpace(text, first.from);
  const before = text.slice(0, first.from).replace(/\s+$/, '');
  const name = /[a-zA-Z_:][a-zA-Z0-9_:]*$/.exec(before)?.[0];
  if (name && text[at] === '(' && !/[a-zA-Z0-9_:]/.test(text[before.length - name.length - 1] ?? '')) {
    return openParens(text) > 0
      ? { offset: text.length, message: 'unclosed left parenthesis' }
      : { offset: before.length - name.length, message: `unknown function with name "${name}"` };
  }
  const glued = /[0-9.][a-zA-Z0-9.]*$/.exec(text.slice(0, at));
  if (glued && /[a-zA-Z0-9.]/.test(text[at] ?? '') && /^[0-9.]/.test(glued[0]) && !/[a-zA-Z_:]$/.test(text.slice(0, glued.index))) {
    const token = glued[0] + /^[a-zA-Z0-9.]*/.exec(text.slice(at))![0];
    return { offset: glued.index, message: `bad number or duration syntax: "${token}"` };
  }
  if (at >= text.length) {
    return { offset: text.length, message: openParens(text) > 0 ? 'unclosed left parenthesis' : 'unexpected end of input' };
  }
  if (text[at] === ')' && before.endsWith(',')) {
    return { offset: before.length - 1, message: 'trailing commas not allowed in function call args' };
  }
  if (text[at] === ')' && openParens(text.slice(0, at)) === 0) {
    return { offset: at + 1, message: 'unexpected right parenthesis \')\'' };
  }
  const token = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(text.slice(at))?.[0];
  return { offset: at, message: token ? `unexpected identifier "${token}"` : `unexpected character "${text[at]}"` };
}

/** Whether a string literal token ends with its (unescaped) closing quote. */
function isTerminated(literal: string): boolean {
  const quote = literal[0];
  for (let i = 1; i < literal.length; i++) {
    if (literal[i] === '\\' && quote !== '`') {
      i++;
    } else if (literal[i] === quote) {
      return i === literal.length - 1;
    }
  }
  return false;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) {
    i++;
  }
  return i;
}

/** Parentheses opened and not closed in `text`, ignoring those inside string literals and comments. */
function openParens(text: string): number {
  const stripped = text.replace(/"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`[^`]*`?|#[^\n]*/g, '');
  let depth = 0;
  for (const c of stripped) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
  }
  return depth;
}

/** Milliseconds of a duration literal (`5m`, or a number of seconds). */
function durationMillis(literal: string): number {
  return parsePrometheusDuration(literal) ?? Number(literal) * 1000;
}

function documented(type: PromQLType): string {
  return type;
}

function raw(type: PromQLType): string {
  return type === PromQLType.VECTOR ? 'vector' : type === PromQLType.MATRIX ? 'matrix' : type;
}

class Checker {
  constructor(private readonly text: string) {}

  /** Checks Prometheus makes while building the tree, in the order it reduces grammar rules. */
  public construct(node: SyntaxNode): void {
    for (const child of childrenOf(node)) {
      this.construct(child);
    }
    switch (node.name) {
      case 'StringLiteral':
        return this.checkString(node);
      case 'UnquotedLabelMatcher':
      case 'QuotedLabelMatcher':
        return this.checkMatcher(node);
      case 'FunctionCall':
        return this.checkFunctionName(node);
      case 'AggregateExpr':
        return this.checkAggregateArity(node);
      case 'MatrixSelector':
        return this.checkRange(node);
      case 'SubqueryExpr':
        return this.checkSubqueryDurations(node);
      case 'OffsetExpr':
        return this.checkModifierTarget(node, 'offset');
      case 'StepInvariantExpr':
        return this.checkModifierTarget(node, '@');
      case 'AnchoredExpr':
        return this.fail(node.from, 'anchored modifier is experimental and not enabled');
      case 'SmoothedExpr':
        return this.fail(node.from, 'smoothed modifier is experimental and not enabled');
      case 'BinaryExpr':
        return this.checkBinaryOperator(node);
      default:
        return;
    }
  }

  /** The type of an expression, applying Prometheus's type checks (checkAST) in its order. */
  public typeOf(node: SyntaxNode): PromQLType {
    const kids = childrenOf(node);
    switch (node.name) {
      case 'NumberDurationLiteral':
        return PromQLType.SCALAR;
      case 'StringLiteral':
        return PromQLType.STRING;
      case 'VectorSelector':
        this.checkSelector(node);
        return PromQLType.VECTOR;
      case 'MatrixSelector':
        this.typeOf(kids[0]);
        return PromQLType.MATRIX;
      case 'SubqueryExpr': {
        const inner = this.typeOf(kids[0]);
        if (inner !== PromQLType.VECTOR) {
          this.fail(node.from, `subquery is only allowed on instant vector, got ${raw(inner)} instead`);
        }
        return PromQLType.MATRIX;
      }
      case 'ParenExpr':
      case 'OffsetExpr':
      case 'StepInvariantExpr':
        return this.typeOf(kids[0]);
      case 'UnaryExpr': {
        const inner = this.typeOf(kids[kids.length - 1]);
        if (inner !== PromQLType.SCALAR && inner !== PromQLType.VECTOR) {
          this.fail(node.from, `unary expression only allowed on expressions of type scalar or instant vector, got "${documented(inner)}"`);
        }
        return inner;
      }
      case 'BinaryExpr':
        return this.binaryType(node, kids);
      case 'FunctionCall':
        return this.callType(node, kids);
      case 'AggregateExpr':
        return this.aggregateType(node, kids);
      default:
        return this.fail(node.from, `unsupported expression "${this.text.slice(node.from, node.to)}"`);
    }
  }

  private fail(offset: number, message: string): never {
    throw new Failure({ offset, message });
  }

  private textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  private checkString(node: SyntaxNode): void {
    if (unquotePromQLString(this.textOf(node)) === undefined) {
      const literal = this.textOf(node);
      const closed = literal.length >= 2 && literal.endsWith(literal[0]);
      this.fail(node.from, closed ? `invalid escape sequence in string ${literal}` : 'unterminated quoted string');
    }
  }

  private checkMatcher(node: SyntaxNode): void {
    const op = childrenOf(node).find((c) => c.name === 'MatchOp');
    const value = node.lastChild!;
    if (op && (this.textOf(op) === '=~' || this.textOf(op) === '!~')) {
      const error = re2SyntaxError(unquotePromQLString(this.textOf(value))!);
      if (error) {
        this.fail(node.from, error);
      }
    }
  }

  private checkFunctionName(node: SyntaxNode): void {
    const id = node.firstChild!;
    const name = this.textOf(id);
    if (PROMQL_FUNCTIONS.get(name)?.experimental) {
      this.fail(id.from, `function "${name}" is not enabled`);
    }
  }

  private checkAggregateArity(node: SyntaxNode): void {
    const op = this.textOf(node.firstChild!).toLowerCase();
    const args = this.callArguments(node);
    if (args.length === 0) {
      this.fail(node.from, 'no arguments for aggregate expression provided');
    }
    let desired = 1;
    if (AGGREGATION_PARAMETERS.has(op)) {
      if (EXPERIMENTAL_AGGREGATIONS.has(op)) {
        this.fail(node.from, `${op}() is experimental and must be enabled with --enable-feature=promql-experimental-functions`);
      }
      desired = 2;
    }
    if (args.length !== desired) {
      this.fail(node.from, `wrong number of arguments for aggregate expression provided, expected ${desired}, got ${args.length}`);
    }
  }

  private callArguments(node: SyntaxNode): SyntaxNode[] {
    const body = childrenOf(node).find((c) => c.name === 'FunctionCallBody');
    return body ? childrenOf(body) : [];
  }

  /** A duration in brackets: only a literal (duration expressions are experimental), greater than 0. */
  private checkDuration(node: SyntaxNode): void {
    const kids = childrenOf(node);
    if (kids.length !== 1 || kids[0].name !== 'NumberDurationLiteralInDurationContext') {
      this.fail(node.from, 'experimental duration expression is not enabled');
    }
    if (!(durationMillis(this.textOf(kids[0])) > 0)) {
      this.fail(node.from, 'duration must be greater than 0');
    }
  }

  private checkRange(node: SyntaxNode): void {
    const [inner, duration] = childrenOf(node);
    this.checkDuration(duration);
    const bracket = this.text.indexOf('[', inner.to);
    if (inner.name === 'OffsetExpr') {
      this.fail(bracket, 'no offset modifiers allowed before range');
    }
    if (inner.name === 'StepInvariantExpr') {
      this.fail(bracket, 'no @ modifiers allowed before range');
    }
    if (inner.name !== 'VectorSelector') {
      this.fail(bracket, 'ranges only allowed for vector selectors');
    }
  }

  private checkSubqueryDurations(node: SyntaxNode): void {
    for (const duration of childrenOf(node).slice(1)) {
      this.checkDuration(duration);
    }
  }

  /** `offset` and `@` apply to a selector or subquery, once each. */
  private checkModifierTarget(node: SyntaxNode, modifier: 'offset' | '@'): void {
    const [target, , value] = childrenOf(node);
    if (modifier === 'offset') {
      let literal: SyntaxNode | undefined = value;
      while (literal?.name === 'OffsetDurationExpr') {
        const parts: SyntaxNode[] = childrenOf(literal).filter((c) => c.name !== 'UnaryOp');
        literal = parts.length === 1 ? parts[0] : undefined;
      }
      if (literal?.name !== 'NumberDurationLiteralInDurationContext') {
        this.fail(value.from, 'experimental duration expression is not enabled');
      }
    }
    const own = modifier === 'offset' ? 'OffsetExpr' : 'StepInvariantExpr';
    const other = modifier === 'offset' ? 'StepInvariantExpr' : 'OffsetExpr';
    let base = target;
    while (base.name === other) {
      base = base.firstChild!;
    }
    if (base.name === own) {
      this.fail(target.from, modifier === 'offset' ? 'offset may not be set multiple times' : '@ <timestamp> may not be set multiple times');
    }
    const selectable = base.name === 'VectorSelector' || base.name === 'SubqueryExpr'
      || (base.name === 'MatrixSelector' && base.firstChild!.name === 'VectorSelector');
    if (!selectable) {
      this.fail(target.from, `${modifier} modifier must be preceded by an instant vector selector or range vector selector or a subquery`);
    }
  }

  private checkBinaryOperator(node: SyntaxNode): void {
    const kids = childrenOf(node);
    if (kids.some((c) => c.name === 'FillModifier')) {
      this.fail(node.from, 'binop fill modifiers are experimental and not enabled');
    }
    const op = kids[1];
    if (!BINARY_OPERATORS.has(op.name)) {
      this.fail(op.from, `unexpected operator "${this.textOf(op)}"`);
    }
  }

  private checkSelector(node: SyntaxNode): void {
    const kids = childrenOf(node);
    const named = kids[0].name === 'Identifier';
    const matchers = kids.find((c) => c.name === 'LabelMatchers');
    const items = matchers ? childrenOf(matchers) : [];
    if (named) {
      const other = items.find((m) => m.name === 'QuotedLabelName' || this.labelOf(m) === '__name__');
      if (other) {
        const value = other.name === 'QuotedLabelName' ? unquotePromQLString(this.textOf(other.firstChild!)) : this.matcherValue(other);
        this.fail(node.from, `metric name must not be set twice: "${this.textOf(kids[0])}" or "${value}"`);
      }
      return;
    }
    const nonEmpty = items.some((m) => m.name === 'QuotedLabelName' || !this.matchesEmpty(m));
    if (!nonEmpty) {
      this.fail(node.from, 'vector selector must contain at least one non-empty matcher');
    }
  }

  private labelOf(matcher: SyntaxNode): string {
    const label = matcher.firstChild!;
    return label.name === 'LabelName' ? this.textOf(label) : unquotePromQLString(this.textOf(label.firstChild!)) ?? '';
  }

  private matcherValue(matcher: SyntaxNode): string {
    return unquotePromQLString(this.textOf(matcher.lastChild!)) ?? '';
  }

  private matchesEmpty(matcher: SyntaxNode): boolean {
    const op = this.textOf(childrenOf(matcher).find((c) => c.name === 'MatchOp')!);
    const value = this.matcherValue(matcher);
    switch (op) {
      case '=': return value === '';
      case '!=': return value !== '';
      case '=~': return re2MatchesEmpty(value);
      default: return !re2MatchesEmpty(value);
    }
  }

  private binaryType(node: SyntaxNode, kids: SyntaxNode[]): PromQLType {
    const lhs = kids[0];
    const rhs = kids[kids.length - 1];
    const op = kids[1];
    const lt = this.typeOf(lhs);
    const rt = this.typeOf(rhs);
    const opText = this.textOf(op).toLowerCase();
    const returnsBool = kids.some((c) => c.name === 'BoolModifier');
    const matching = kids.find((c) => c.name === 'MatchingModifierClause');
    const matchingParts = matching ? childrenOf(matching) : [];
    const matchingLabels = matchingParts[1] ? this.groupingLabels(matchingParts[1]) : [];
    const includeLabels = matchingParts[3] ? this.groupingLabels(matchingParts[3]) : [];
    const grouped = matchingParts.some((c) => c.name === 'GroupLeft' || c.name === 'GroupRight');
    const isComparison = COMPARISONS.has(op.name);
    const isSet = SET_OPERATORS.has(op.name);
    if (returnsBool && !isComparison) {
      this.fail(op.from, 'bool modifier can only be used on comparison operators');
    }
    if (isComparison && !returnsBool && lt === PromQLType.SCALAR && rt === PromQLType.SCALAR) {
      this.fail(op.from, 'comparisons between scalars must use BOOL modifier');
    }
    const onLabels = matchingParts[0]?.name === 'On' ? matchingLabels : [];
    const both = onLabels.find((l) => includeLabels.includes(l));
    if (both !== undefined) {
      this.fail(op.from, `label "${both}" must not occur in ON and GROUP clause at once`);
    }
    for (const [side, type] of [[lhs, lt], [rhs, rt]] as Array<[SyntaxNode, PromQLType]>) {
      if (type !== PromQLType.SCALAR && type !== PromQLType.VECTOR) {
        this.fail(side.from, 'binary expression must contain only scalar and instant vector types');
      }
    }
    if (lt !== PromQLType.VECTOR || rt !== PromQLType.VECTOR) {
      if (matchingLabels.length > 0) {
        this.fail(node.from, 'vector matching only allowed between instant vectors');
      }
    } else if (isSet && grouped) {
      this.fail(node.from, `no grouping allowed for "${opText}" operation`);
    }
    if ((lt === PromQLType.SCALAR || rt === PromQLType.SCALAR) && isSet) {
      this.fail(node.from, `set operator "${opText}" not allowed in binary scalar expression`);
    }
    return lt === PromQLType.SCALAR && rt === PromQLType.SCALAR ? PromQLType.SCALAR : PromQLType.VECTOR;
  }

  private groupingLabels(node: SyntaxNode): string[] {
    return childrenOf(node).map((l) => (l.name === 'LabelName' ? this.textOf(l) : unquotePromQLString(this.textOf(l.firstChild!)) ?? ''));
  }

  private callType(node: SyntaxNode, kids: SyntaxNode[]): PromQLType {
    const name = this.textOf(kids[0]);
    const fn = PROMQL_FUNCTIONS.get(name);
    if (!fn) {
      return this.fail(node.from, `unknown function with name "${name}"`);
    }
    const args = this.callArguments(node);
    const declared = fn.args.length;
    if (fn.variadic === 0) {
      if (declared !== args.length) {
        this.fail(node.from, `expected ${declared} argument(s) in call to "${name}", got ${args.length}`);
      }
    } else if (declared - 1 > args.length) {
      this.fail(node.from, `expected at least ${declared - 1} argument(s) in call to "${name}", got ${args.length}`);
    } else if (fn.variadic > 0 && declared - 1 + fn.variadic < args.length) {
      this.fail(node.from, `expected at most ${declared - 1 + fn.variadic} argument(s) in call to "${name}", got ${args.length}`);
    }
    args.forEach((arg, i) => {
      if (i >= declared && fn.variadic === 0) {
        return;
      }
      const want = fn.args[Math.min(i, declared - 1)];
      const got = this.typeOf(arg);
      if (got !== want) {
        this.fail(arg.from, `expected type ${documented(want)} in call to function "${name}", got ${documented(got)}`);
      }
    });
    return fn.returns;
  }

  private aggregateType(node: SyntaxNode, kids: SyntaxNode[]): PromQLType {
    const op = this.textOf(kids[0]).toLowerCase();
    const args = this.callArguments(node);
    const expr = args[args.length - 1];
    const exprType = this.typeOf(expr);
    if (exprType !== PromQLType.VECTOR) {
      this.fail(expr.from, `expected type instant vector in aggregation expression, got ${documented(exprType)}`);
    }
    const paramType = AGGREGATION_PARAMETERS.get(op);
    if (paramType) {
      const got = this.typeOf(args[0]);
      if (got !== paramType) {
        this.fail(args[0].from, `expected type ${documented(paramType)} in aggregation parameter, got ${documented(got)}`);
      }
    }
    return PromQLType.VECTOR;
  }
}
