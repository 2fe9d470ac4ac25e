/**
 * A small, safe expression language for success/failure conditions — the subset of Argo
 * Rollouts' `expr` conditions that health checks need, parsed into a tree and interpreted
 * (no eval, no Function, no property access beyond plain data):
 *
 *     result < 0.05                       result[0] >= 0.95 && len(result) == 1
 *     result.status == "UP"               not isNaN(result) and result <= 100
 *     status == 200 || latency < 250      max(result) - min(result) < 0.1
 *
 * Values are numbers, strings, booleans, null, lists and objects (from JSON or PromQL).
 * A one-element list stands for its element in comparisons and arithmetic, so a PromQL
 * instant vector with one series can be written `result < 0.05` as well as `result[0] < 0.05`.
 * Comparing values of different kinds (a string with a number, a list of two with a number)
 * is an error, which makes the measurement an Error rather than a silent false.
 */

export type Value = number | string | boolean | null | Value[] | { [key: string]: Value };

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'variable'; name: string }
  | { kind: 'list'; items: Node[] }
  | { kind: 'member'; object: Node; key: Node }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '!'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

interface Token {
  type: 'number' | 'string' | 'name' | 'op' | 'end';
  text: string;
  value?: number | string;
  at: number;
}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', '[', ']', '.', ','];
const WORD_OPERATORS: Record<string, string> = { and: '&&', or: '||', not: '!' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(index));
    if (number) {
      tokens.push({ type: 'number', text: number[0], value: Number(number[0]), at: index });
      index += number[0].length;
      continue;
    }
    if (char === '"' || char === "'") {
      let text = '';
      let end = index + 1;
      for (; end < source.length && source[end] !== char; end++) {
        if (source[end] === '\\' && end + 1 < source.length) end++;
        text += source[end];
      }
      if (end >= source.length) throw new ExpressionError(`unterminated string starting at position ${index + 1}`);
      tokens.push({ type: 'string', text: source.slice(index, end + 1), value: text, at: index });
      index = end + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index));
    if (name) {
      const op = Object.hasOwn(WORD_OPERATORS, name[0]) ? WORD_OPERATORS[name[0]] : undefined;
      tokens.push(op ? { type: 'op', text: op, at: index } : { type: 'name', text: name[0], at: index });
      index += name[0].length;
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

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  len: ([value = null]) => {
    if (Array.isArray(value) || typeof value === 'string') return value.length;
    if (value && typeof value === 'object') return Object.keys(value).length;
    throw new ExpressionError(`len() needs a list, string or object, got ${describe(value)}`);
  },
  isNaN: ([value = null]) => Number.isNaN(toNumber(value, 'isNaN()')),
  isInf: ([value = null]) => {
    const number = toNumber(value, 'isInf()');
    return number === Number.POSITIVE_INFINITY || number === Number.NEGATIVE_INFINITY;
  },
  abs: ([value = null]) => Math.abs(toNumber(value, 'abs()')),
  min: (args) => Math.min(...numbersOf(args, 'min()')),
  max: (args) => Math.max(...numbersOf(args, 'max()')),
  sum: (args) => numbersOf(args, 'sum()').reduce((total, value) => total + value, 0),
  contains: ([haystack = null, needle = null]) => {
    if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
    if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
    throw new ExpressionError(`contains() needs a string or a list, got ${describe(haystack)}`);
  },
};

/** A parsed condition, evaluated against variables such as `result`. */
export class Expression {
  private constructor(
    readonly source: string,
    private readonly root: Node,
  ) {}

  /** Parses `source`; throws ExpressionError naming the position of the problem. */
  static parse(source: string): Expression {
    const tokens = tokenize(source);
    let position = 0;
    const peek = () => tokens[position] as Token;
    const next = () => tokens[position++] as Token;
    const expect = (text: string) => {
      const token = next();
      if (token.text !== text || token.type === 'string') {
        throw new ExpressionError(`expected '${text}' at position ${token.at + 1}, found ${token.text}`);
      }
    };

    const parseBinary = (minimum: number): Node => {
      let left = parseUnary();
      for (;;) {
        const token = peek();
        const precedence = token.type === 'op' && Object.hasOwn(BINARY_PRECEDENCE, token.text) ? BINARY_PRECEDENCE[token.text] : undefined;
        if (precedence === undefined || precedence < minimum) return left;
        next();
        // Comparisons do not chain (`a < b < c` is a mistake, not a range test).
        const right = parseBinary(precedence + 1);
        left = { kind: 'binary', op: token.text, left, right };
        if (precedence === 3 || precedence === 4) {
          const after = peek();
          if (after.type === 'op' && BINARY_PRECEDENCE[after.text] === precedence) {
            throw new ExpressionError(`comparisons cannot be chained (position ${after.at + 1}); join them with &&`);
          }
        }
      }
    };

    const parseUnary = (): Node => {
      const token = peek();
      if (token.type === 'op' && (token.text === '-' || token.text === '!')) {
        next();
        return { kind: 'unary', op: token.text, operand: parseUnary() };
      }
      return parsePostfix(parsePrimary());
    };

    const parseList = (close: string): Node[] => {
      const items: Node[] = [];
      if (peek().text === close && peek().type === 'op') {
        next();
        return items;
      }
      for (;;) {
        items.push(parseBinary(1));
        const token = next();
        if (token.type === 'op' && token.text === close) return items;
        if (token.type !== 'op' || token.text !== ',') {
          throw new ExpressionError(`expected ',' or '${close}' at position ${token.at + 1}, found ${token.text}`);
        }
      }
    };

    const parsePrimary = (): Node => {
      const token = next();
      if (token.type === 'number' || token.type === 'string') return { kind: 'literal', value: token.value as Value };
      if (token.type === 'name') {
        if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true' };
        if (token.text === 'null' || token.text === 'nil') return { kind: 'literal', value: null };
        if (token.text === 'NaN') return { kind: 'literal', value: Number.NaN };
        if (token.text === 'Inf') return { kind: 'literal', value: Number.POSITIVE_INFINITY };
        if (peek().type === 'op' && peek().text === '(') {
          if (!Object.hasOwn(FUNCTIONS, token.text)) {
            throw new ExpressionError(`unknown function '${token.text}' (known: ${Object.keys(FUNCTIONS).join(', ')})`);
          }
          next();
          return { kind: 'call', name: token.text, args: parseList(')') };
        }
        return { kind: 'variable', name: token.text };
      }
      if (token.type === 'op' && token.text === '(') {
        const inner = parseBinary(1);
        expect(')');
        return inner;
      }
      if (token.type === 'op' && token.text === '[') return { kind: 'list', items: parseList(']') };
      throw new ExpressionError(`unexpected ${token.text} at position ${token.at + 1}`);
    };

    const parsePostfix = (node: Node): Node => {
      for (;;) {
        const token = peek();
        if (token.type !== 'op') return node;
        if (token.text === '.') {
          next();
          const key = next();
          if (key.type !== 'name') throw new ExpressionError(`expected a field name after '.' at position ${key.at + 1}`);
          node = { kind: 'member', object: node, key: { kind: 'literal', value: key.text } };
        } else if (token.text === '[') {
          next();
          const key = parseBinary(1);
          expect(']');
          node = { kind: 'member', object: node, key };
        } else {
          return node;
        }
      }
    };

    if (!source.trim()) throw new ExpressionError('the expression is empty');
    const root = parseBinary(1);
    const rest = peek();
    if (rest.type !== 'end') throw new ExpressionError(`unexpected ${rest.text} at position ${rest.at + 1}`);
    return new Expression(source, root);
  }

  /** Names of the variables the expression reads (to reject unknown ones up front). */
  variables(): string[] {
    const names = new Set<string>();
    const walk = (node: Node): void => {
      if (node.kind === 'variable') names.add(node.name);
      else if (node.kind === 'list') node.items.forEach(walk);
      else if (node.kind === 'member') {
        walk(node.object);
        walk(node.key);
      } else if (node.kind === 'call') node.args.forEach(walk);
      else if (node.kind === 'unary') walk(node.operand);
      else if (node.kind === 'binary') {
        walk(node.left);
        walk(node.right);
      }
    };
    walk(this.root);
    return [...names];
  }

  evaluate(variables: Record<string, Value>): Value {
    return interpret(this.root, variables);
  }

  /** Evaluates a condition; anything but a boolean is an error. */
  test(variables: Record<string, Value>): boolean {
    const value = this.evaluate(variables);
    if (typeof value !== 'boolean') throw new ExpressionError(`'${this.source}' gave ${describe(value)}, not true or false`);
    return value;
  }
}

function interpret(node: Node, variables: Record<string, Value>): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'variable':
      if (!Object.hasOwn(variables, node.name)) throw new ExpressionError(`unknown variable '${node.name}'`);
      return variables[node.name] as Value;
    case 'list':
      return node.items.map((item) => interpret(item, variables));
    case 'member':
      return member(interpret(node.object, variables), interpret(node.key, variables));
    case 'call':
      return (FUNCTIONS[node.name] as (args: Value[]) => Value)(node.args.map((arg) => interpret(arg, variables)));
    case 'unary': {
      const operand = interpret(node.operand, variables);
      if (node.op === '!') {
        if (typeof operand !== 'boolean') throw new ExpressionError(`'!' needs true or false, got ${describe(operand)}`);
        return !operand;
      }
      return -toNumber(operand, "'-'");
    }
    case 'binary':
      return binary(node.op, node.left, node.right, variables);
  }
}

function binary(op: string, leftNode: Node, rightNode: Node, variables: Record<string, Value>): Value {
  const left = interpret(leftNode, variables);
  if (op === '&&' || op === '||') {
    if (typeof left !== 'boolean') throw new ExpressionError(`'${op}' needs true or false, got ${describe(left)}`);
    if (op === '&&' ? !left : left) return left;
    const right = interpret(rightNode, variables);
    if (typeof right !== 'boolean') throw new ExpressionError(`'${op}' needs true or false, got ${describe(right)}`);
    return right;
  }
  const right = interpret(rightNode, variables);
  if (op === '==') return equal(left, right);
  if (op === '!=') return !equal(left, right);
  const a = unwrap(left);
  const b = unwrap(right);
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) {
      throw new ExpressionError(`cannot compare ${describe(left)} ${op} ${describe(right)}`);
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
  return x % y;
}

function member(object: Value, key: Value): Value {
  if (Array.isArray(object)) {
    if (typeof key !== 'number' || !Number.isInteger(key))
      throw new ExpressionError(`a list index must be an integer, got ${describe(key)}`);
    const index = key < 0 ? object.length + key : key;
    if (index < 0 || index >= object.length) throw new ExpressionError(`index ${key} is out of range for a list of ${object.length}`);
    return object[index] as Value;
  }
  if (object !== null && typeof object === 'object') {
    if (typeof key !== 'string') throw new ExpressionError(`a field name must be a string, got ${describe(key)}`);
    return Object.hasOwn(object, key) ? (object[key] as Value) : null;
  }
  throw new ExpressionError(`cannot read ${JSON.stringify(key)} of ${describe(object)}`);
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

function describe(value: Value): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
