/**
 * The condition language: the part of expr-lang (github.com/expr-lang/expr, what Argo Rollouts
 * evaluates successCondition/failureCondition with) that analysis conditions use, parsed
 * into a tree and interpreted (no eval, no Function, no property access beyond plain data):
 *
 *     result[0] < 0.05                    len(result) == 0 || result[0] < 0.05
 *     all(result, {# < 1000})             any(result, # > 5)        count(result, {# > 1}) <= 2
 *     filter(result, {# > 0}) == []       map(result, {# * 100})[0] < 5
 *     result.status == "UP"               "ok" in result.checks     10 in result
 *     result.version matches "^1\\."      result.name startsWith "api" ? true : false
 *     asInt(result) > 0                   asFloat(result) >= 1.1    default(result, 0) < 0.05
 *     isNil(result)                       isNaN(result) || result >= 0.9
 *
 * Values are numbers, strings, booleans, null, lists and objects (from JSON or PromQL).
 * Two deliberate conveniences beyond expr: a one-element list stands for its element in
 * comparisons and arithmetic (`result < 0.05` on a one-series vector), and `nil`/`null` are
 * both spelled. Comparing values of different kinds (a string with a number) is an error,
 * as in expr, which makes the measurement an Error rather than a silent false. Anything else
 * of expr (map literals, ranges, pipes, `let`, variables other than those given) is refused
 * when the checks are read, naming the construct.
 */

export type Value = number | string | boolean | null | Value[] | { [key: string]: Value };

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'variable'; name: string }
  | { kind: 'element' }
  | { kind: 'list'; items: Node[] }
  | { kind: 'member'; object: Node; key: Node; optional: boolean }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'predicate'; name: string; list: Node; body: Node }
  | { kind: 'unary'; op: '-' | '!' | '+'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'ternary'; test: Node; then: Node; otherwise: Node };

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

interface Token {
  type: 'number' | 'string' | 'name' | 'op' | 'end';
  text: string;
  value?: number | string;
  at: number;
}

const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '??',
  '?.',
  '**',
  '..',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '.',
  ',',
  '?',
  ':',
  '#',
  '|',
  '^',
];
const WORD_OPERATORS: Record<string, string> = { and: '&&', or: '||', not: '!' };
const WORD_BINARY = new Set(['in', 'contains', 'startsWith', 'endsWith', 'matches']);
/** expr-lang's precedences (parser/operator), lowest first; `??` binds tightest. */
const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 10,
  '&&': 15,
  '==': 20,
  '!=': 20,
  '<': 20,
  '<=': 20,
  '>': 20,
  '>=': 20,
  in: 20,
  'not in': 20,
  contains: 20,
  startsWith: 20,
  endsWith: 20,
  matches: 20,
  '+': 30,
  '-': 30,
  '*': 60,
  '/': 60,
  '%': 60,
  '**': 100,
  '??': 500,
};
const UNSUPPORTED_CONSTRUCTS: Record<string, string> = {
  '..': "the range operator '..'",
  '|': "the pipe operator '|'",
  '^': "the power operator '^' (write '**')",
  let: "'let' declarations",
};

/** The name of an expr construct this language refuses, if `text` is one. */
function unsupportedName(text: string): string | undefined {
  return Object.hasOwn(UNSUPPORTED_CONSTRUCTS, text) ? UNSUPPORTED_CONSTRUCTS[text] : undefined;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const number = /^(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(source.slice(index));
    if (number) {
      // `1..3` is a range, not the number `1.`.
      const text = number[0].endsWith('.') && source[index + number[0].length] === '.' ? number[0].slice(0, -1) : number[0];
      tokens.push({ type: 'number', text, value: Number(text.replace(/_/g, '')), at: index });
      index += text.length;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      let text = '';
      let end = index + 1;
      const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
      for (; end < source.length && source[end] !== char; end++) {
        if (char !== '`' && source[end] === '\\' && end + 1 < source.length) {
          end++;
          text += escapes[source[end] as string] ?? `\\${source[end]}`;
        } else {
          text += source[end];
        }
      }
      if (end >= source.length) throw new ExpressionError(`unterminated string starting at position ${index + 1}`);
      tokens.push({ type: 'string', text: source.slice(index, end + 1), value: text, at: index });
      index = end + 1;
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(source.slice(index));
    if (name) {
      const word = name[0];
      if (word === 'let') throw new ExpressionError(`'let' declarations are not supported (position ${index + 1})`);
      // `contains(a, b)` is the function form of the `contains` operator.
      const call = /^\s*\(/.test(source.slice(index + word.length));
      const op = Object.hasOwn(WORD_OPERATORS, word) ? WORD_OPERATORS[word] : WORD_BINARY.has(word) && !call ? word : undefined;
      tokens.push(op ? { type: 'op', text: op, at: index } : { type: 'name', text: word, at: index });
      index += word.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, index));
    if (!op) throw new ExpressionError(`unexpected character '${char}' at position ${index + 1}`);
    tokens.push({ type: 'op', text: op, at: index });
    index += op.length;
  }
  tokens.push({ type: 'end', text: 'end of expression', at: source.length });
  return tokens;
}

type Builtin = (args: Value[]) => Value;

const FUNCTIONS: Record<string, Builtin> = {
  len: ([value = null]) => {
    if (Array.isArray(value) || typeof value === 'string') return value.length;
    if (value && typeof value === 'object') return Object.keys(value).length;
    throw new ExpressionError(`len() needs a list, string or map, got ${describe(value)}`);
  },
  isNaN: ([value = null]) => Number.isNaN(toNumber(value, 'isNaN()')),
  isInf: ([value = null]) => {
    const number = toNumber(value, 'isInf()');
    return number === Number.POSITIVE_INFINITY || number === Number.NEGATIVE_INFINITY;
  },
  isNil: ([value = null]) => value === null,
  default: ([value = null, fallback = null]) => (value === null ? fallback : value),
  asInt: ([value = null]) => {
    if (typeof value === 'number') return Math.trunc(value);
    if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) return Number(value.trim());
    throw new ExpressionError(`asInt() cannot convert ${describe(value)} to an integer`);
  },
  asFloat: ([value = null]) => {
    if (typeof value === 'number') return value;
    if (typeof value === 'string') {
      const number = parseGoFloat(value.trim());
      if (number !== undefined) return number;
    }
    throw new ExpressionError(`asFloat() cannot convert ${describe(value)} to a number`);
  },
  abs: ([value = null]) => Math.abs(toNumber(value, 'abs()')),
  min: (args) => Math.min(...numbersOf(args, 'min()')),
  max: (args) => Math.max(...numbersOf(args, 'max()')),
  sum: (args) => numbersOf(args, 'sum()').reduce((total, value) => total + value, 0),
  mean: (args) => {
    const values = numbersOf(args, 'mean()');
    return values.reduce((total, value) => total + value, 0) / values.length;
  },
  first: ([value = null]) =>
    Array.isArray(value) ? ((value[0] as Value | undefined) ?? null) : fail(`first() needs a list, got ${describe(value)}`),
  last: ([value = null]) =>
    Array.isArray(value) ? ((value[value.length - 1] as Value | undefined) ?? null) : fail(`last() needs a list, got ${describe(value)}`),
  lower: ([value = null]) => (typeof value === 'string' ? value.toLowerCase() : fail(`lower() needs a string, got ${describe(value)}`)),
  upper: ([value = null]) => (typeof value === 'string' ? value.toUpperCase() : fail(`upper() needs a string, got ${describe(value)}`)),
  contains: ([haystack = null, needle = null]) => containsOp(haystack, needle),
};
/** Functions whose second argument is a predicate over each element (`#`). */
const PREDICATES = new Set(['all', 'any', 'none', 'one', 'filter', 'map', 'count']);
const ARITY: Record<string, [number, number]> = {
  len: [1, 1],
  isNaN: [1, 1],
  isInf: [1, 1],
  isNil: [1, 1],
  default: [2, 2],
  asInt: [1, 1],
  asFloat: [1, 1],
  abs: [1, 1],
  first: [1, 1],
  last: [1, 1],
  lower: [1, 1],
  upper: [1, 1],
  contains: [2, 2],
  min: [1, 99],
  max: [1, 99],
  sum: [1, 99],
  mean: [1, 99],
};

function fail(message: string): never {
  throw new ExpressionError(message);
}

/** strconv.ParseFloat's spellings, which Prometheus and Go services write. */
export function parseGoFloat(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[+-]?nan$/i.test(text)) return Number.NaN;
  if (!/^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?0[xX][0-9a-fA-F]+$/.test(text)) return undefined;
  const number = Number(text.replace(/_/g, ''));
  return Number.isNaN(number) ? undefined : number;
}

/** A parsed condition, evaluated against variables such as `result`. */
export class Expression {
  private constructor(
    readonly source: string,
    private readonly root: Node,
  ) {}

  /** Parses `source`; throws ExpressionError naming the construct or position of the problem. */
  static parse(source: string): Expression {
    if (!source.trim()) throw new ExpressionError('the expression is empty');
    const tokens = tokenize(source);
    let position = 0;
    let predicateDepth = 0;
    const peek = (offset = 0) => tokens[position + offset] as Token;
    const next = () => tokens[position++] as Token;
    const isOp = (token: Token, text: string) => token.type === 'op' && token.text === text;
    const expect = (text: string) => {
      const token = next();
      if (!isOp(token, text)) throw new ExpressionError(`expected '${text}' at position ${token.at + 1}, found ${token.text}`);
    };
    const unsupported = (token: Token): never => {
      throw new ExpressionError(`${unsupportedName(token.text) ?? `'${token.text}'`} is not supported (position ${token.at + 1})`);
    };

    const parseExpression = (): Node => {
      const test = parseBinary(1);
      if (isOp(peek(), '?')) {
        next();
        const then = parseExpression();
        expect(':');
        const otherwise = parseExpression();
        return { kind: 'ternary', test, then, otherwise };
      }
      return test;
    };

    const binaryOperator = (): { text: string; width: number } | undefined => {
      const token = peek();
      if (token.type !== 'op') return undefined;
      if (token.text === '!' && isOp(peek(1), 'in')) return { text: 'not in', width: 2 };
      if (Object.hasOwn(BINARY_PRECEDENCE, token.text)) return { text: token.text, width: 1 };
      if (unsupportedName(token.text)) unsupported(token);
      return undefined;
    };

    const parseBinary = (minimum: number): Node => {
      let left = parseUnary();
      for (;;) {
        const op = binaryOperator();
        const precedence = op ? (BINARY_PRECEDENCE[op.text] as number) : undefined;
        if (!op || precedence === undefined || precedence < minimum) return left;
        position += op.width;
        // `**` is right-associative; everything else left-associative.
        const right = parseBinary(op.text === '**' ? precedence : precedence + 1);
        left = { kind: 'binary', op: op.text, left, right };
        // Comparisons do not chain (`a < b < c` compares a boolean with a number in expr too).
        const after = binaryOperator();
        if (after && precedence === 20 && BINARY_PRECEDENCE[after.text] === 20 && /^[<>]/.test(op.text) && /^[<>]/.test(after.text)) {
          throw new ExpressionError(`comparisons cannot be chained (position ${peek().at + 1}); join them with &&`);
        }
      }
    };

    const parseUnary = (): Node => {
      const token = peek();
      if (token.type === 'op' && (token.text === '-' || token.text === '!' || token.text === '+')) {
        next();
        return { kind: 'unary', op: token.text, operand: parseUnary() };
      }
      return parsePostfix(parsePrimary());
    };

    const parseArguments = (close: string): Node[] => {
      const items: Node[] = [];
      if (isOp(peek(), close)) {
        next();
        return items;
      }
      for (;;) {
        items.push(parseExpression());
        const token = next();
        if (isOp(token, close)) return items;
        if (!isOp(token, ',')) throw new ExpressionError(`expected ',' or '${close}' at position ${token.at + 1}, found ${token.text}`);
      }
    };

    /** A predicate body: `{ … }` or a bare expression, both reading `#` (and `.field` for `#.field`). */
    const parsePredicate = (): Node => {
      predicateDepth++;
      try {
        if (isOp(peek(), '{')) {
          next();
          const body = parseExpression();
          expect('}');
          return body;
        }
        return parseExpression();
      } finally {
        predicateDepth--;
      }
    };

    const parsePrimary = (): Node => {
      const token = next();
      if (token.type === 'number' || token.type === 'string') return { kind: 'literal', value: token.value as Value };
      if (token.type === 'name') {
        const word = token.text;
        if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true' };
        if (word === 'null' || word === 'nil') return { kind: 'literal', value: null };
        if (word === 'NaN') return { kind: 'literal', value: Number.NaN };
        if (word === 'Inf') return { kind: 'literal', value: Number.POSITIVE_INFINITY };
        if (unsupportedName(word)) unsupported(token);
        if (isOp(peek(), '(')) {
          next();
          if (PREDICATES.has(word)) {
            const list = parseExpression();
            expect(',');
            const body = parsePredicate();
            expect(')');
            return { kind: 'predicate', name: word, list, body };
          }
          if (!Object.hasOwn(FUNCTIONS, word)) {
            throw new ExpressionError(
              `unknown function '${word}' (supported: ${[...Object.keys(FUNCTIONS), ...PREDICATES].sort().join(', ')})`,
            );
          }
          const args = parseArguments(')');
          const [least, most] = ARITY[word] as [number, number];
          if (args.length < least || args.length > most) {
            throw new ExpressionError(`${word}() takes ${least === most ? least : `${least} or more`} argument(s), got ${args.length}`);
          }
          return { kind: 'call', name: word, args };
        }
        if (word.startsWith('$')) throw new ExpressionError(`'${word}' is not supported (position ${token.at + 1})`);
        return { kind: 'variable', name: word };
      }
      if (isOp(token, '#')) {
        if (predicateDepth === 0) {
          throw new ExpressionError(`'#' is only meaningful inside a predicate such as all(result, {# > 0}) (position ${token.at + 1})`);
        }
        if (peek().type === 'name' && peek().at === token.at + 1) {
          throw new ExpressionError(`'#${peek().text}' is not supported (position ${token.at + 1})`);
        }
        return { kind: 'element' };
      }
      if (isOp(token, '.') && predicateDepth > 0 && peek().type === 'name') {
        // `{.field > 1}` is expr's short form of `{#.field > 1}`.
        const key = next();
        return { kind: 'member', object: { kind: 'element' }, key: { kind: 'literal', value: key.text }, optional: false };
      }
      if (isOp(token, '(')) {
        const inner = parseExpression();
        expect(')');
        return inner;
      }
      if (isOp(token, '[')) return { kind: 'list', items: parseArguments(']') };
      if (isOp(token, '{')) {
        throw new ExpressionError(
          `map literals ('{…}') are not supported (position ${token.at + 1}); braces belong to predicates such as all(result, {# > 0})`,
        );
      }
      if (token.type === 'op' && unsupportedName(token.text)) unsupported(token);
      throw new ExpressionError(`unexpected ${token.text} at position ${token.at + 1}`);
    };

    const parsePostfix = (node: Node): Node => {
      for (;;) {
        const token = peek();
        if (token.type !== 'op') return node;
        if (token.text === '.' || token.text === '?.') {
          next();
          const key = next();
          if (key.type !== 'name' && !(key.type === 'op' && WORD_BINARY.has(key.text))) {
            throw new ExpressionError(`expected a field name after '${token.text}' at position ${key.at + 1}`);
          }
          if (isOp(peek(), '(')) throw new ExpressionError(`method calls ('.${key.text}()') are not supported (position ${key.at + 1})`);
          node = { kind: 'member', object: node, key: { kind: 'literal', value: key.text }, optional: token.text === '?.' };
        } else if (token.text === '[') {
          next();
          if (isOp(peek(), ':') || isOp(peek(1), ':'))
            throw new ExpressionError(`slices ('[a:b]') are not supported (position ${token.at + 1})`);
          const key = parseExpression();
          expect(']');
          node = { kind: 'member', object: node, key, optional: false };
        } else {
          return node;
        }
      }
    };

    const root = parseExpression();
    const rest = peek();
    if (rest.type !== 'end') {
      if (rest.type === 'op' && unsupportedName(rest.text)) unsupported(rest);
      throw new ExpressionError(`unexpected ${rest.text} at position ${rest.at + 1}`);
    }
    checkRegexes(root);
    return new Expression(source, root);
  }

  /** Names of the variables the expression reads (to reject unknown ones up front). */
  variables(): string[] {
    const names = new Set<string>();
    walk(this.root, (node) => {
      if (node.kind === 'variable') names.add(node.name);
    });
    return [...names];
  }

  evaluate(variables: Record<string, Value>): Value {
    return interpret(this.root, { variables, element: undefined });
  }

  /** Evaluates a condition; anything but a boolean is an error (Argo: "expected bool, but got …"). */
  test(variables: Record<string, Value>): boolean {
    const value = this.evaluate(variables);
    if (typeof value !== 'boolean') throw new ExpressionError(`expected bool, but got ${describe(value)}`);
    return value;
  }
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  switch (node.kind) {
    case 'list':
      for (const item of node.items) walk(item, visit);
      break;
    case 'member':
      walk(node.object, visit);
      walk(node.key, visit);
      break;
    case 'call':
      for (const arg of node.args) walk(arg, visit);
      break;
    case 'predicate':
      walk(node.list, visit);
      walk(node.body, visit);
      break;
    case 'unary':
      walk(node.operand, visit);
      break;
    case 'binary':
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case 'ternary':
      walk(node.test, visit);
      walk(node.then, visit);
      walk(node.otherwise, visit);
      break;
  }
}

/** A literal pattern after `matches` is compiled when the checks are read, so a typo is bad input. */
function checkRegexes(root: Node): void {
  walk(root, (node) => {
    if (node.kind === 'binary' && node.op === 'matches' && node.right.kind === 'literal' && typeof node.right.value === 'string') {
      compile(node.right.value);
    }
  });
}

function compile(pattern: string): RegExp {
  // Go's RE2 spells flags inline (`(?i)error`); JavaScript takes them apart.
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  const flags = `u${inline?.[1] ?? ''}`;
  try {
    return new RegExp(inline ? pattern.slice(inline[0].length) : pattern, flags);
  } catch (error) {
    throw new ExpressionError(`invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

interface Scope {
  variables: Record<string, Value>;
  element: Value | undefined;
}

function interpret(node: Node, scope: Scope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'variable':
      if (!Object.hasOwn(scope.variables, node.name)) throw new ExpressionError(`unknown name ${node.name}`);
      return scope.variables[node.name] as Value;
    case 'element':
      return scope.element ?? null;
    case 'list':
      return node.items.map((item) => interpret(item, scope));
    case 'member': {
      const object = interpret(node.object, scope);
      if (object === null && node.optional) return null;
      return member(object, interpret(node.key, scope));
    }
    case 'call':
      return (FUNCTIONS[node.name] as Builtin)(node.args.map((arg) => interpret(arg, scope)));
    case 'predicate':
      return predicate(node.name, interpret(node.list, scope), (element) => interpret(node.body, { ...scope, element }));
    case 'unary': {
      const operand = interpret(node.operand, scope);
      if (node.op === '!') {
        if (typeof operand !== 'boolean') throw new ExpressionError(`'!' needs true or false, got ${describe(operand)}`);
        return !operand;
      }
      const number = toNumber(operand, `'${node.op}'`);
      return node.op === '-' ? -number : number;
    }
    case 'ternary': {
      const test = interpret(node.test, scope);
      if (typeof test !== 'boolean') throw new ExpressionError(`'?:' needs a true or false test, got ${describe(test)}`);
      return interpret(test ? node.then : node.otherwise, scope);
    }
    case 'binary':
      return binary(node.op, node.left, node.right, scope);
  }
}

function predicate(name: string, list: Value, test: (element: Value) => Value): Value {
  if (!Array.isArray(list)) throw new ExpressionError(`${name}() needs a list, got ${describe(list)}`);
  const truth = (element: Value) => {
    const value = test(element);
    if (typeof value !== 'boolean') throw new ExpressionError(`the predicate of ${name}() gave ${describe(value)}, not true or false`);
    return value;
  };
  switch (name) {
    case 'all':
      return list.every(truth);
    case 'any':
      return list.some(truth);
    case 'none':
      return !list.some(truth);
    case 'one':
      return list.filter(truth).length === 1;
    case 'filter':
      return list.filter(truth);
    case 'count':
      return list.filter(truth).length;
    default:
      return list.map(test);
  }
}

function binary(op: string, leftNode: Node, rightNode: Node, scope: Scope): Value {
  const left = interpret(leftNode, scope);
  if (op === '&&' || op === '||') {
    if (typeof left !== 'boolean') throw new ExpressionError(`'${op}' needs true or false, got ${describe(left)}`);
    if (op === '&&' ? !left : left) return left;
    const right = interpret(rightNode, scope);
    if (typeof right !== 'boolean') throw new ExpressionError(`'${op}' needs true or false, got ${describe(right)}`);
    return right;
  }
  if (op === '??') return left === null ? interpret(rightNode, scope) : left;
  const right = interpret(rightNode, scope);
  switch (op) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case 'in':
      return inOp(left, right);
    case 'not in':
      return !inOp(left, right);
    case 'contains':
      return containsOp(left, right);
    case 'startsWith':
    case 'endsWith': {
      if (typeof left !== 'string' || typeof right !== 'string') {
        throw new ExpressionError(`'${op}' needs two strings, got ${describe(left)} and ${describe(right)}`);
      }
      return op === 'startsWith' ? left.startsWith(right) : left.endsWith(right);
    }
    case 'matches': {
      if (typeof left !== 'string' || typeof right !== 'string') {
        throw new ExpressionError(`'matches' needs a string and a pattern, got ${describe(left)} and ${describe(right)}`);
      }
      return compile(right).test(left);
    }
  }
  const a = unwrap(left);
  const b = unwrap(right);
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) {
      throw new ExpressionError(`invalid operation: ${op} (mismatched types ${kind(left)} and ${kind(right)})`);
    }
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  }
  const x = toNumber(left, `'${op}'`);
  const y = toNumber(right, `'${op}'`);
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (op === '/') return x / y;
  if (op === '**') return x ** y;
  return x % y;
}

function inOp(needle: Value, haystack: Value): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
  if (haystack !== null && typeof haystack === 'object') {
    if (typeof needle !== 'string') throw new ExpressionError(`'in' a map needs a string key, got ${describe(needle)}`);
    return Object.hasOwn(haystack, needle);
  }
  throw new ExpressionError(`'in' needs a list or a map on its right, got ${describe(haystack)}`);
}

function containsOp(haystack: Value, needle: Value): boolean {
  if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
  if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
  throw new ExpressionError(`'contains' needs a string (or a list), got ${describe(haystack)}`);
}

function member(object: Value, key: Value): Value {
  if (Array.isArray(object)) {
    if (typeof key !== 'number' || !Number.isInteger(key))
      throw new ExpressionError(`a list index must be an integer, got ${describe(key)}`);
    const index = key < 0 ? object.length + key : key;
    if (index < 0 || index >= object.length) throw new ExpressionError(`index out of range: ${key} (a list of ${object.length})`);
    return object[index] as Value;
  }
  if (object !== null && typeof object === 'object') {
    if (typeof key !== 'string') throw new ExpressionError(`a field name must be a string, got ${describe(key)}`);
    return Object.hasOwn(object, key) ? (object[key] as Value) : null;
  }
  throw new ExpressionError(`cannot fetch ${JSON.stringify(key)} from ${describe(object)}`);
}

/** A one-element list stands for its element. */
function unwrap(value: Value): Value {
  return Array.isArray(value) && value.length === 1 ? (value[0] as Value) : value;
}

function equal(left: Value, right: Value): boolean {
  const a = unwrap(left);
  const b = unwrap(right);
  if (Array.isArray(a) || Array.isArray(b) || (a && typeof a === 'object') || (b && typeof b === 'object')) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

function toNumber(value: Value, what: string): number {
  const unwrapped = unwrap(value);
  if (typeof unwrapped !== 'number') throw new ExpressionError(`${what} needs a number, got ${describe(value)}`);
  return unwrapped;
}

function numbersOf(args: Value[], what: string): number[] {
  const values = args.length === 1 && Array.isArray(args[0]) ? (args[0] as Value[]) : args;
  if (values.length === 0) throw new ExpressionError(`${what} of an empty list`);
  return values.map((value) => toNumber(value, what));
}

function kind(value: Value): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'nil';
  if (typeof value === 'object') return 'map';
  return typeof value === 'number' ? 'number' : typeof value;
}

function describe(value: Value): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'nil';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
