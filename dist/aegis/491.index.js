export const id = 491;
export const ids = [491];
export const modules = {

/***/ 4491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  healthGate: () => (/* binding */ healthGate),
  parseHealthGateInputs: () => (/* binding */ parseHealthGateInputs),
  runHealthGate: () => (/* binding */ runHealthGate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/git/git.ts
var git_git = __webpack_require__(8496);
;// CONCATENATED MODULE: ./src/core/git/history.ts




const SHA = /^[0-9a-f]{7,64}$/i;
/**
 * Answers "does `revision` contain `commit`?" for a remote branch, from a blobless bare clone
 * made on first use and fetched again only when a revision is not known yet.
 */
class CommitHistory {
    remote;
    branch;
    git;
    dir;
    constructor(remote, branch) {
        this.remote = remote;
        this.branch = branch;
    }
    async includes(revision, commit) {
        if (!SHA.test(revision) || !SHA.test(commit))
            return false;
        const git = await this.open();
        if (!(await this.known(git, revision))) {
            await git.run(['fetch', '--quiet', '--filter=blob:none', 'origin', `+refs/heads/${this.branch}:refs/heads/${this.branch}`], {
                allowFailure: true,
            });
            if (!(await this.known(git, revision)))
                return false;
        }
        return (await git.run(['merge-base', '--is-ancestor', commit, revision], { allowFailure: true })).exitCode === 0;
    }
    close() {
        if (this.dir)
            (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
        this.dir = undefined;
        this.git = undefined;
    }
    async open() {
        if (this.git)
            return this.git;
        this.dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aegis-history-'));
        const git = new git_git/* Git */.T(this.dir, this.remote.env);
        await git.run([
            'clone',
            '--quiet',
            '--bare',
            '--filter=blob:none',
            '--single-branch',
            '--branch',
            this.branch,
            '--',
            this.remote.url,
            '.',
        ]);
        this.git = git;
        return git;
    }
    async known(git, revision) {
        return (await git.run(['cat-file', '-e', `${revision}^{commit}`], { allowFailure: true })).exitCode === 0;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/health/expression.ts
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
class ExpressionError extends Error {
    name = 'ExpressionError';
}
const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', '[', ']', '.', ','];
const WORD_OPERATORS = { and: '&&', or: '||', not: '!' };
function tokenize(source) {
    const tokens = [];
    let index = 0;
    while (index < source.length) {
        const char = source[index];
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
                if (source[end] === '\\' && end + 1 < source.length)
                    end++;
                text += source[end];
            }
            if (end >= source.length)
                throw new ExpressionError(`unterminated string starting at position ${index + 1}`);
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
        if (!op)
            throw new ExpressionError(`unexpected character '${char}' at position ${index + 1}`);
        tokens.push({ type: 'op', text: op, at: index });
        index += op.length;
    }
    tokens.push({ type: 'end', text: 'end of expression', at: source.length });
    return tokens;
}
const BINARY_PRECEDENCE = {
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
const FUNCTIONS = {
    len: ([value = null]) => {
        if (Array.isArray(value) || typeof value === 'string')
            return value.length;
        if (value && typeof value === 'object')
            return Object.keys(value).length;
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
        if (typeof haystack === 'string' && typeof needle === 'string')
            return haystack.includes(needle);
        if (Array.isArray(haystack))
            return haystack.some((item) => equal(item, needle));
        throw new ExpressionError(`contains() needs a string or a list, got ${describe(haystack)}`);
    },
};
/** A parsed condition, evaluated against variables such as `result`. */
class Expression {
    source;
    root;
    constructor(source, root) {
        this.source = source;
        this.root = root;
    }
    /** Parses `source`; throws ExpressionError naming the position of the problem. */
    static parse(source) {
        const tokens = tokenize(source);
        let position = 0;
        const peek = () => tokens[position];
        const next = () => tokens[position++];
        const expect = (text) => {
            const token = next();
            if (token.text !== text || token.type === 'string') {
                throw new ExpressionError(`expected '${text}' at position ${token.at + 1}, found ${token.text}`);
            }
        };
        const parseBinary = (minimum) => {
            let left = parseUnary();
            for (;;) {
                const token = peek();
                const precedence = token.type === 'op' && Object.hasOwn(BINARY_PRECEDENCE, token.text) ? BINARY_PRECEDENCE[token.text] : undefined;
                if (precedence === undefined || precedence < minimum)
                    return left;
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
        const parseUnary = () => {
            const token = peek();
            if (token.type === 'op' && (token.text === '-' || token.text === '!')) {
                next();
                return { kind: 'unary', op: token.text, operand: parseUnary() };
            }
            return parsePostfix(parsePrimary());
        };
        const parseList = (close) => {
            const items = [];
            if (peek().text === close && peek().type === 'op') {
                next();
                return items;
            }
            for (;;) {
                items.push(parseBinary(1));
                const token = next();
                if (token.type === 'op' && token.text === close)
                    return items;
                if (token.type !== 'op' || token.text !== ',') {
                    throw new ExpressionError(`expected ',' or '${close}' at position ${token.at + 1}, found ${token.text}`);
                }
            }
        };
        const parsePrimary = () => {
            const token = next();
            if (token.type === 'number' || token.type === 'string')
                return { kind: 'literal', value: token.value };
            if (token.type === 'name') {
                if (token.text === 'true' || token.text === 'false')
                    return { kind: 'literal', value: token.text === 'true' };
                if (token.text === 'null' || token.text === 'nil')
                    return { kind: 'literal', value: null };
                if (token.text === 'NaN')
                    return { kind: 'literal', value: Number.NaN };
                if (token.text === 'Inf')
                    return { kind: 'literal', value: Number.POSITIVE_INFINITY };
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
            if (token.type === 'op' && token.text === '[')
                return { kind: 'list', items: parseList(']') };
            throw new ExpressionError(`unexpected ${token.text} at position ${token.at + 1}`);
        };
        const parsePostfix = (node) => {
            for (;;) {
                const token = peek();
                if (token.type !== 'op')
                    return node;
                if (token.text === '.') {
                    next();
                    const key = next();
                    if (key.type !== 'name')
                        throw new ExpressionError(`expected a field name after '.' at position ${key.at + 1}`);
                    node = { kind: 'member', object: node, key: { kind: 'literal', value: key.text } };
                }
                else if (token.text === '[') {
                    next();
                    const key = parseBinary(1);
                    expect(']');
                    node = { kind: 'member', object: node, key };
                }
                else {
                    return node;
                }
            }
        };
        if (!source.trim())
            throw new ExpressionError('the expression is empty');
        const root = parseBinary(1);
        const rest = peek();
        if (rest.type !== 'end')
            throw new ExpressionError(`unexpected ${rest.text} at position ${rest.at + 1}`);
        return new Expression(source, root);
    }
    /** Names of the variables the expression reads (to reject unknown ones up front). */
    variables() {
        const names = new Set();
        const walk = (node) => {
            if (node.kind === 'variable')
                names.add(node.name);
            else if (node.kind === 'list')
                node.items.forEach(walk);
            else if (node.kind === 'member') {
                walk(node.object);
                walk(node.key);
            }
            else if (node.kind === 'call')
                node.args.forEach(walk);
            else if (node.kind === 'unary')
                walk(node.operand);
            else if (node.kind === 'binary') {
                walk(node.left);
                walk(node.right);
            }
        };
        walk(this.root);
        return [...names];
    }
    evaluate(variables) {
        return interpret(this.root, variables);
    }
    /** Evaluates a condition; anything but a boolean is an error. */
    test(variables) {
        const value = this.evaluate(variables);
        if (typeof value !== 'boolean')
            throw new ExpressionError(`'${this.source}' gave ${describe(value)}, not true or false`);
        return value;
    }
}
function interpret(node, variables) {
    switch (node.kind) {
        case 'literal':
            return node.value;
        case 'variable':
            if (!Object.hasOwn(variables, node.name))
                throw new ExpressionError(`unknown variable '${node.name}'`);
            return variables[node.name];
        case 'list':
            return node.items.map((item) => interpret(item, variables));
        case 'member':
            return member(interpret(node.object, variables), interpret(node.key, variables));
        case 'call':
            return FUNCTIONS[node.name](node.args.map((arg) => interpret(arg, variables)));
        case 'unary': {
            const operand = interpret(node.operand, variables);
            if (node.op === '!') {
                if (typeof operand !== 'boolean')
                    throw new ExpressionError(`'!' needs true or false, got ${describe(operand)}`);
                return !operand;
            }
            return -toNumber(operand, "'-'");
        }
        case 'binary':
            return binary(node.op, node.left, node.right, variables);
    }
}
function binary(op, leftNode, rightNode, variables) {
    const left = interpret(leftNode, variables);
    if (op === '&&' || op === '||') {
        if (typeof left !== 'boolean')
            throw new ExpressionError(`'${op}' needs true or false, got ${describe(left)}`);
        if (op === '&&' ? !left : left)
            return left;
        const right = interpret(rightNode, variables);
        if (typeof right !== 'boolean')
            throw new ExpressionError(`'${op}' needs true or false, got ${describe(right)}`);
        return right;
    }
    const right = interpret(rightNode, variables);
    if (op === '==')
        return equal(left, right);
    if (op === '!=')
        return !equal(left, right);
    const a = unwrap(left);
    const b = unwrap(right);
    if (op === '+' && typeof a === 'string' && typeof b === 'string')
        return a + b;
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
        if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) {
            throw new ExpressionError(`cannot compare ${describe(left)} ${op} ${describe(right)}`);
        }
        if (op === '<')
            return a < b;
        if (op === '<=')
            return a <= b;
        if (op === '>')
            return a > b;
        return a >= b;
    }
    const x = toNumber(left, `'${op}'`);
    const y = toNumber(right, `'${op}'`);
    if (op === '+')
        return x + y;
    if (op === '-')
        return x - y;
    if (op === '*')
        return x * y;
    if (op === '/')
        return x / y;
    return x % y;
}
function member(object, key) {
    if (Array.isArray(object)) {
        if (typeof key !== 'number' || !Number.isInteger(key))
            throw new ExpressionError(`a list index must be an integer, got ${describe(key)}`);
        const index = key < 0 ? object.length + key : key;
        if (index < 0 || index >= object.length)
            throw new ExpressionError(`index ${key} is out of range for a list of ${object.length}`);
        return object[index];
    }
    if (object !== null && typeof object === 'object') {
        if (typeof key !== 'string')
            throw new ExpressionError(`a field name must be a string, got ${describe(key)}`);
        return Object.hasOwn(object, key) ? object[key] : null;
    }
    throw new ExpressionError(`cannot read ${JSON.stringify(key)} of ${describe(object)}`);
}
/** A one-element list stands for its element. */
function unwrap(value) {
    return Array.isArray(value) && value.length === 1 ? value[0] : value;
}
function equal(left, right) {
    const a = unwrap(left);
    const b = unwrap(right);
    if (Array.isArray(a) || Array.isArray(b) || (a && typeof a === 'object') || (b && typeof b === 'object')) {
        return JSON.stringify(a) === JSON.stringify(b);
    }
    return a === b;
}
function toNumber(value, what) {
    const unwrapped = unwrap(value);
    if (typeof unwrapped !== 'number')
        throw new ExpressionError(`${what} needs a number, got ${describe(value)}`);
    return unwrapped;
}
function numbersOf(args, what) {
    const values = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    if (values.length === 0)
        throw new ExpressionError(`${what} of an empty list`);
    return values.map((value) => toNumber(value, what));
}
function describe(value) {
    if (Array.isArray(value))
        return `a list of ${value.length}`;
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    return `${typeof value} ${String(value)}`;
}

;// CONCATENATED MODULE: ./src/core/health/json-path.ts
function parseJsonPath(source) {
    let path = source.trim();
    if (path.startsWith('{') && path.endsWith('}'))
        path = path.slice(1, -1).trim();
    if (!path.startsWith('$'))
        throw new Error(`a JSONPath starts with '$', got ${JSON.stringify(source)}`);
    const steps = [];
    let index = 1;
    while (index < path.length) {
        const rest = path.slice(index);
        const field = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
        const quoted = /^\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/.exec(rest);
        const position = /^\[\s*(-?\d+)\s*\]/.exec(rest);
        if (field) {
            steps.push(field[1]);
            index += field[0].length;
        }
        else if (quoted) {
            steps.push(quoted[2].replace(/\\(.)/g, '$1'));
            index += quoted[0].length;
        }
        else if (position) {
            steps.push(Number(position[1]));
            index += position[0].length;
        }
        else {
            throw new Error(`unsupported JSONPath syntax at ${JSON.stringify(rest.slice(0, 20))} in ${JSON.stringify(source)} (supported: $.field, ['field'], [index])`);
        }
    }
    return steps;
}
/** The value at `steps`, or null when any step is missing. */
function selectJsonPath(document, steps) {
    let current = document;
    for (const step of steps) {
        if (typeof step === 'number') {
            if (!Array.isArray(current))
                return null;
            const index = step < 0 ? current.length + step : step;
            current = current[index] ?? null;
        }
        else {
            if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step))
                return null;
            current = current[step];
        }
    }
    return current;
}

;// CONCATENATED MODULE: ./src/core/health/checks.ts




const CHECK_TYPES = ['http', 'prometheus', 'argocd', 'kubernetes'];
const INPUT = 'checks';
const EXPECTED = 'a YAML list of checks, each with a name and one of http, prometheus, argocd, kubernetes';
const COMMON_KEYS = ['name', 'interval', 'count', 'initial-delay', 'failure-limit', 'inconclusive-limit', 'consecutive-error-limit'];
const PROVIDER_KEYS = {
    http: [
        'url',
        'method',
        'headers',
        'body',
        'expect-status',
        'body-contains',
        'json-path',
        'success-condition',
        'failure-condition',
        'max-latency',
        'timeout',
    ],
    prometheus: ['address', 'query', 'headers', 'success-condition', 'failure-condition', 'empty-result', 'timeout'],
    argocd: ['server', 'application', 'app-namespace', 'token', 'revision', 'wait-timeout', 'timeout'],
    kubernetes: ['deployment', 'namespace', 'context', 'kubeconfig', 'wait-timeout', 'timeout'],
};
/** Variables a condition may read, per provider. */
const CONDITION_VARIABLES = {
    http: ['result', 'status', 'latency', 'body'],
    prometheus: ['result'],
};
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const PHASES = ['Successful', 'Failed', 'Inconclusive', 'Error'];
/** Milliseconds from `500ms`, `10s`, `5m`, `1h`; undefined when it is not one. */
function parseDuration(value) {
    const match = DURATION.exec(value.trim());
    return match ? Number(match[1]) * DURATION_UNITS[match[2]] : undefined;
}
/** The checks YAML may hold tokens and headers not yet registered as secrets: errors never echo it whole. */
const NOT_QUOTED = '(the checks YAML, not repeated here)';
function parseChecks(text, defaults) {
    let document;
    try {
        document = (0,dist/* parse */.qg)(text, { uniqueKeys: true });
    }
    catch (error) {
        throw new errors/* InputError */.dz(INPUT, NOT_QUOTED, EXPECTED, `not valid YAML: ${error.message.split('\n')[0]}`);
    }
    if (isRecord(document) && Object.keys(document).length === 1 && Array.isArray(document.checks))
        document = document.checks;
    if (!Array.isArray(document) || document.length === 0)
        throw new errors/* InputError */.dz(INPUT, NOT_QUOTED, EXPECTED, 'no checks were given');
    const names = new Set();
    return document.map((entry, index) => {
        const where = `check ${index + 1}`;
        if (!isRecord(entry))
            throw new errors/* InputError */.dz(INPUT, NOT_QUOTED, EXPECTED, `${where} is not a mapping`);
        const name = entry.name;
        if (typeof name !== 'string' || !NAME.test(name)) {
            throw new errors/* InputError */.dz(INPUT, String(name ?? ''), 'a check name of letters, digits, ".", "_" or "-"', `${where} needs a 'name'`);
        }
        if (names.has(name))
            throw new errors/* InputError */.dz(INPUT, name, 'unique check names', `'${name}' appears twice`);
        names.add(name);
        const types = Object.keys(entry).filter((key) => !COMMON_KEYS.includes(key));
        const type = types[0];
        if (types.length !== 1 || !CHECK_TYPES.includes(type)) {
            throw new errors/* InputError */.dz(INPUT, types.join(', ') || name, `exactly one check type per check: ${CHECK_TYPES.join(', ')}`, types.length === 0 ? `check '${name}' has no type` : `check '${name}' has ${types.map((t) => `'${t}'`).join(', ')}`);
        }
        const field = new Fields(name, type, entry[type]);
        const count = optionalInteger(entry, 'count', name, 0);
        return {
            name,
            provider: parseProvider(field, defaults),
            limits: {
                // count 0 means "until the run ends" (no count), as an unset count with an interval does in Argo Rollouts.
                count: count === undefined ? defaults.limits.count : count === 0 ? undefined : count,
                failureLimit: optionalInteger(entry, 'failure-limit', name, 0) ?? defaults.limits.failureLimit,
                inconclusiveLimit: optionalInteger(entry, 'inconclusive-limit', name, 0) ?? defaults.limits.inconclusiveLimit,
                consecutiveErrorLimit: optionalInteger(entry, 'consecutive-error-limit', name, 0) ?? defaults.limits.consecutiveErrorLimit,
            },
            intervalMs: durationOf(entry.interval, `${name}.interval`, { min: 100 }) ?? defaults.intervalMs,
            initialDelayMs: durationOf(entry['initial-delay'], `${name}.initial-delay`) ?? defaults.initialDelayMs,
        };
    });
}
/** Reads one provider's mapping, refusing unknown keys (a typo must not silently drop a condition). */
class Fields {
    check;
    type;
    raw;
    constructor(check, type, raw) {
        this.check = check;
        this.type = type;
        if (!isRecord(raw))
            throw new errors/* InputError */.dz(INPUT, String(raw), `a mapping under '${type}'`, `check '${check}'`);
        const unknown = Object.keys(raw).filter((key) => !PROVIDER_KEYS[type].includes(key));
        if (unknown.length > 0) {
            throw new errors/* InputError */.dz(INPUT, unknown.join(', '), `${type} fields among ${PROVIDER_KEYS[type].join(', ')}`, `check '${check}'`);
        }
        this.raw = raw;
    }
    label(key) {
        return `${this.check}.${this.type}.${key}`;
    }
    string(key) {
        const value = this.raw[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string' && typeof value !== 'number')
            throw new errors/* InputError */.dz(INPUT, String(value), `a string for ${this.label(key)}`);
        return String(value);
    }
    required(key, expected) {
        const value = this.string(key);
        if (!value)
            throw new errors/* InputError */.dz(INPUT, '', expected, `${this.label(key)} is required`);
        return value;
    }
    url(key) {
        const value = this.required(key, 'an http:// or https:// URL');
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw new errors/* InputError */.dz(INPUT, value, `an http:// or https:// URL for ${this.label(key)}`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new errors/* InputError */.dz(INPUT, value, `an http:// or https:// URL for ${this.label(key)}`);
        if (url.username || url.password) {
            throw new errors/* InputError */.dz(INPUT, `${url.protocol}//***@${url.host}`, `a URL without credentials for ${this.label(key)}`, 'use headers or a token');
        }
        return value.replace(/\/+$/, '');
    }
    duration(key, fallback) {
        return durationOf(this.raw[key], this.label(key), { min: 1 }) ?? fallback;
    }
    headers() {
        const raw = this.raw.headers;
        if (raw === undefined)
            return {};
        if (!isRecord(raw))
            throw new errors/* InputError */.dz(INPUT, String(raw), `a mapping of header names to values for ${this.label('headers')}`);
        return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, String(value)]));
    }
    condition(key) {
        const source = this.string(key);
        if (source === undefined)
            return undefined;
        let expression;
        try {
            expression = Expression.parse(source);
        }
        catch (error) {
            if (error instanceof ExpressionError)
                throw new errors/* InputError */.dz(INPUT, source, `a condition expression for ${this.label(key)}`, error.message);
            throw error;
        }
        const allowed = CONDITION_VARIABLES[this.type];
        const unknown = expression.variables().filter((name) => !allowed.includes(name));
        if (unknown.length > 0) {
            throw new errors/* InputError */.dz(INPUT, source, `a condition over ${allowed.join(', ')} for ${this.label(key)}`, `unknown variable '${unknown[0]}'`);
        }
        return expression;
    }
}
function parseProvider(field, defaults) {
    switch (field.type) {
        case 'http':
            return parseHttp(field);
        case 'prometheus': {
            const emptyResult = field.string('empty-result') ?? 'Error';
            const phase = PHASES.find((candidate) => candidate.toLowerCase() === emptyResult.toLowerCase());
            if (!phase)
                throw new errors/* InputError */.dz(INPUT, emptyResult, `one of ${PHASES.join(', ')} for ${field.check}.prometheus.empty-result`);
            return {
                type: 'prometheus',
                address: field.url('address'),
                query: field.required('query', 'a PromQL query'),
                headers: field.headers(),
                success: field.condition('success-condition'),
                failure: field.condition('failure-condition'),
                emptyResult: phase,
                timeoutMs: field.duration('timeout', 10_000),
            };
        }
        case 'argocd': {
            const revision = field.string('revision') ?? defaults.expectedRevision;
            if (!revision) {
                throw new errors/* InputError */.dz(INPUT, '', 'the commit the application must be synced to', `check '${field.check}': set argocd.revision, or the expected-revision or rollback-commit input`);
            }
            return {
                type: 'argocd',
                server: field.url('server'),
                application: field.required('application', 'an Argo CD application name'),
                appNamespace: field.string('app-namespace'),
                token: field.string('token') ?? defaults.argocdToken,
                revision,
                waitTimeoutMs: field.duration('wait-timeout', 300_000),
                timeoutMs: field.duration('timeout', 10_000),
            };
        }
        case 'kubernetes':
            return {
                type: 'kubernetes',
                deployment: kubernetesName(field, 'deployment', true),
                namespace: kubernetesName(field, 'namespace', false) ?? 'default',
                context: field.string('context'),
                kubeconfig: field.string('kubeconfig'),
                waitTimeoutMs: field.duration('wait-timeout', 300_000),
                timeoutMs: field.duration('timeout', 10_000),
            };
    }
}
function parseHttp(field) {
    const method = (field.string('method') ?? 'GET').toUpperCase();
    if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method)) {
        throw new errors/* InputError */.dz(INPUT, method, `an HTTP method for ${field.check}.http.method`);
    }
    const rawStatus = field.raw['expect-status'];
    const statuses = rawStatus === undefined ? ['2xx'] : Array.isArray(rawStatus) ? rawStatus : [rawStatus];
    const expectStatus = statuses.map((status) => {
        const text = String(status).trim().toLowerCase();
        if (/^[1-5]xx$/.test(text))
            return [Number(text[0]) * 100, Number(text[0]) * 100 + 99];
        if (/^[1-5]\d\d$/.test(text))
            return [Number(text), Number(text)];
        throw new errors/* InputError */.dz(INPUT, String(status), `a status such as 200 or 2xx (or a list) for ${field.check}.http.expect-status`);
    });
    let jsonPath;
    const path = field.string('json-path');
    if (path !== undefined) {
        try {
            jsonPath = parseJsonPath(path);
        }
        catch (error) {
            throw new errors/* InputError */.dz(INPUT, path, `a JSONPath such as $.status for ${field.check}.http.json-path`, error.message);
        }
    }
    const maxLatency = field.raw['max-latency'];
    return {
        type: 'http',
        url: field.url('url'),
        method,
        headers: field.headers(),
        body: field.string('body'),
        expectStatus,
        defaultStatus: rawStatus === undefined,
        bodyContains: field.string('body-contains'),
        jsonPath,
        success: field.condition('success-condition'),
        failure: field.condition('failure-condition'),
        maxLatencyMs: maxLatency === undefined ? undefined : durationOf(maxLatency, `${field.check}.http.max-latency`, { min: 1 }),
        timeoutMs: field.duration('timeout', 10_000),
    };
}
function kubernetesName(field, key, required) {
    const value = required ? field.required(key, `a Kubernetes ${key} name`) : field.string(key);
    if (value !== undefined && !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value)) {
        throw new errors/* InputError */.dz(INPUT, value, `a Kubernetes ${key} name (lower-case letters, digits, '-', '.')`, `check '${field.check}'`);
    }
    return value;
}
function durationOf(value, label, bounds = {}) {
    if (value === undefined || value === null)
        return undefined;
    const ms = parseDuration(String(value));
    if (ms === undefined || ms < (bounds.min ?? 0)) {
        throw new errors/* InputError */.dz(INPUT, String(value), `a duration such as '500ms', '30s', '5m' or '1h' for ${label}`);
    }
    return ms;
}
function optionalInteger(entry, key, check, min) {
    const value = entry[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
        throw new errors/* InputError */.dz(INPUT, String(value), `an integer >= ${min} for ${check}.${key}`);
    }
    return value;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** How a check decides, in words: stated in the plan and the summary so nothing is left to chance. */
function describeConditions(check) {
    const provider = check.provider;
    const conditions = (success, failure) => {
        if (success && failure)
            return `Failed when \`${failure.source}\`, else Successful when \`${success.source}\`, else Inconclusive`;
        if (success)
            return `Successful when \`${success.source}\`, else Failed`;
        if (failure)
            return `Failed when \`${failure.source}\`, else Successful`;
        return undefined;
    };
    switch (provider.type) {
        case 'http': {
            const parts = [
                `status ${provider.expectStatus.map(([lo, hi]) => (lo === hi ? String(lo) : `${String(lo)[0]}xx`)).join('/')}${provider.defaultStatus ? ' (default)' : ''}`,
            ];
            if (provider.maxLatencyMs !== undefined)
                parts.push(`latency ≤ ${provider.maxLatencyMs} ms`);
            if (provider.bodyContains !== undefined)
                parts.push(`body contains ${JSON.stringify(provider.bodyContains)}`);
            const extra = conditions(provider.success, provider.failure);
            return `Failed unless ${parts.join(', ')}${extra ? `; then ${extra}` : ''}`;
        }
        case 'prometheus':
            return `${conditions(provider.success, provider.failure) ??
                'no success-condition or failure-condition: every measurement that does not error is Successful (Argo Rollouts rule)'}; an empty result is ${provider.emptyResult}`;
        case 'argocd':
            return `Successful when Synced at ${provider.revision.slice(0, 12)} and Healthy; Failed when Degraded/Missing there or not reached within ${provider.waitTimeoutMs / 1000}s`;
        case 'kubernetes':
            return `Successful when the rollout of deployment/${provider.deployment} is complete; Failed on ProgressDeadlineExceeded or not complete within ${provider.waitTimeoutMs / 1000}s`;
    }
}

;// CONCATENATED MODULE: ./src/core/health/evaluator.ts
/**
 * The decision rules of the health gate, as a pure state machine: a completed measurement
 * goes in, the check's phase comes out. The rules are those of Argo Rollouts' analysis
 * controller (AnalysisRun metrics), so a team that knows one knows the other:
 *
 * - A measurement is Successful, Failed, Inconclusive or Error. From conditions (see
 *   `phaseFromConditions`): no conditions → Successful; only a success condition → Failed
 *   when it is false; only a failure condition → Successful when it is false; both → Failed
 *   if the failure condition holds, Successful if only the success condition holds,
 *   Inconclusive if neither. A condition that cannot be evaluated → Error.
 * - Successful, Failed and Inconclusive measurements increase `count`; Error measurements
 *   do not (they are retried) but increase `consecutiveError`, which any other measurement
 *   resets to 0.
 * - After each measurement the check is assessed, in this order:
 *   failed > failure-limit → Failed; inconclusive > inconclusive-limit → Inconclusive;
 *   consecutive errors > consecutive-error-limit → Error; count reached → Successful;
 *   otherwise Running. Limits are "how many are tolerated": failure-limit 0 means the first
 *   Failed measurement fails the check.
 * - The run (the gate) is Running while any check runs; once every check has completed its
 *   phase is the worst one, in the order Successful < Inconclusive < Error < Failed.
 * - As soon as one check completes Failed, Error or Inconclusive, the run terminates:
 *   no further measurements; a running check that has measurements completes Successful.
 *
 * Where the gate deliberately differs from Argo Rollouts (both stated in the summary):
 * - a check that the run ends before it produced one measurement without error is Error,
 *   not Successful — a gate that never looked must not pass;
 * - the overall `timeout` ends a run that Argo would leave running: a check with a `count`
 *   still unreached is Inconclusive (it could not conclude), a check without a count (runs
 *   until the timeout) is Successful.
 */
const DEFAULT_LIMITS = { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4 };
function initialTally() {
    return {
        phase: 'Pending',
        count: 0,
        successful: 0,
        failed: 0,
        inconclusive: 0,
        error: 0,
        consecutiveError: 0,
        reason: 'no measurement yet',
    };
}
const COMPLETED = new Set(['Successful', 'Failed', 'Inconclusive', 'Error']);
const isCompleted = (phase) => COMPLETED.has(phase);
/** Best to worst, as Argo Rollouts orders completed phases. */
const SEVERITY = { Successful: 0, Inconclusive: 1, Error: 2, Failed: 3 };
function worse(a, b) {
    return SEVERITY[b] > SEVERITY[a] ? b : a;
}
/** Argo's `EvaluateResult`: the phase of one measurement from its success/failure conditions. */
function phaseFromConditions(success, failure) {
    if (success === undefined && failure === undefined)
        return 'Successful';
    const failed = failure ?? !success;
    const succeeded = success ?? !failure;
    if (failed)
        return 'Failed';
    return succeeded ? 'Successful' : 'Inconclusive';
}
/** Records one completed measurement and re-assesses the check. A completed check does not change. */
function record(tally, limits, measurement) {
    if (isCompleted(tally.phase))
        return tally;
    const next = { ...tally };
    if (measurement === 'Error') {
        next.error++;
        next.consecutiveError++;
    }
    else {
        next.count++;
        next.consecutiveError = 0;
        if (measurement === 'Successful')
            next.successful++;
        else if (measurement === 'Failed')
            next.failed++;
        else
            next.inconclusive++;
    }
    return assess(next, limits, 'running');
}
/**
 * The check's phase from its counters. `ending` says why the run stops early, if it does:
 * 'terminated' (another check completed badly) or 'timeout' (the overall timeout).
 */
function assess(tally, limits, ending) {
    if (isCompleted(tally.phase))
        return tally;
    const measured = tally.count + tally.error;
    const done = (phase, reason) => ({ ...tally, phase, reason });
    if (measured === 0 && ending === 'running')
        return done('Pending', 'no measurement yet');
    if (tally.failed > limits.failureLimit)
        return done('Failed', `failed ${tally.failed} > failure-limit ${limits.failureLimit}`);
    if (tally.inconclusive > limits.inconclusiveLimit) {
        return done('Inconclusive', `inconclusive ${tally.inconclusive} > inconclusive-limit ${limits.inconclusiveLimit}`);
    }
    if (tally.consecutiveError > limits.consecutiveErrorLimit) {
        return done('Error', `consecutive errors ${tally.consecutiveError} > consecutive-error-limit ${limits.consecutiveErrorLimit}`);
    }
    if (limits.count !== undefined && tally.count >= limits.count)
        return done('Successful', `count ${limits.count} reached`);
    if (ending !== 'running' && tally.count === 0) {
        return done('Error', `the run ${ending === 'timeout' ? 'timed out' : 'ended'} before this check produced a measurement without error`);
    }
    if (ending === 'terminated')
        return done('Successful', `run terminated after ${tally.count} measurement(s) within limits`);
    if (ending === 'timeout') {
        return limits.count === undefined
            ? done('Successful', `watched until the timeout: ${tally.count} measurement(s) within limits`)
            : done('Inconclusive', `timed out after ${tally.count} of ${limits.count} measurements`);
    }
    return done('Running', `${tally.count} measurement(s) within limits`);
}
/** Argo's `IsTerminating`: one check completed Failed, Error or Inconclusive stops the whole run. */
function isTerminating(phases) {
    return phases.some((phase) => phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive');
}
/** The run's phase: Running until every check has completed, then the worst of them. */
function runPhase(phases) {
    let worst;
    for (const phase of phases) {
        if (!isCompleted(phase))
            return 'Running';
        worst = worst ? worse(worst, phase) : phase;
    }
    return worst ?? 'Successful';
}

// EXTERNAL MODULE: ./src/core/process.ts
var process = __webpack_require__(9978);
;// CONCATENATED MODULE: ./src/core/health/providers.ts





function measure(spec, context) {
    switch (spec.type) {
        case 'http':
            return measureHttp(spec, context);
        case 'prometheus':
            return measurePrometheus(spec, context);
        case 'argocd':
            return measureArgoCd(spec, context);
        case 'kubernetes':
            return measureKubernetes(spec);
    }
}
/** A request that can be abandoned (run terminated) or time out; network failures name the host only. */
async function request(url, init, timeoutMs, context) {
    const started = performance.now();
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
    try {
        const response = await (context.fetch ?? fetch)(url, { ...init, signal, redirect: 'manual' });
        const body = await response.text();
        return { status: response.status, body, latencyMs: Math.round(performance.now() - started) };
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        const cause = error.cause;
        const reason = signal.aborted ? `no answer within ${timeoutMs} ms` : (cause?.code ?? cause?.message ?? error.message);
        throw new errors/* AegisError */.o4(`${new URL(url).origin} unreachable: ${reason}`);
    }
}
function errorObservation(error) {
    return { phase: 'Error', message: error.message };
}
/** Argo's EvaluateResult over the check's conditions; an expression that cannot be evaluated is an Error. */
function evaluateConditions(success, failure, variables) {
    try {
        return { phase: phaseFromConditions(success?.test(variables), failure?.test(variables)) };
    }
    catch (error) {
        if (error instanceof ExpressionError)
            return { phase: 'Error', message: `condition: ${error.message}` };
        throw error;
    }
}
async function measureHttp(spec, context) {
    let response;
    try {
        response = await request(spec.url, { method: spec.method, headers: spec.headers, body: spec.body }, spec.timeoutMs, context);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return errorObservation(error);
    }
    const { status, body, latencyMs } = response;
    const value = latencyMs;
    const facts = `HTTP ${status} in ${latencyMs} ms`;
    if (!spec.expectStatus.some(([lo, hi]) => status >= lo && status <= hi)) {
        return { phase: 'Failed', value, message: `${facts}: unexpected status` };
    }
    if (spec.maxLatencyMs !== undefined && latencyMs > spec.maxLatencyMs) {
        return { phase: 'Failed', value, message: `${facts}: slower than max-latency ${spec.maxLatencyMs} ms` };
    }
    if (spec.bodyContains !== undefined && !body.includes(spec.bodyContains)) {
        return { phase: 'Failed', value, message: `${facts}: body does not contain ${JSON.stringify(spec.bodyContains)}` };
    }
    if (!spec.success && !spec.failure)
        return { phase: 'Successful', value, message: facts };
    let result = body;
    if (spec.jsonPath) {
        let document;
        try {
            document = JSON.parse(body);
        }
        catch {
            return { phase: 'Error', value, message: `${facts}: body is not JSON, json-path cannot apply` };
        }
        result = selectJsonPath(document, spec.jsonPath);
    }
    const outcome = evaluateConditions(spec.success, spec.failure, { result, status, latency: latencyMs, body });
    return { phase: outcome.phase, value, message: `${facts}; result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}
function queryUrl(spec) {
    return `${spec.address}/api/v1/query?${new URLSearchParams({ query: spec.query }).toString()}`;
}
/** Prometheus writes sample values as strings, including NaN and ±Inf. */
function sampleValue(text) {
    if (text === '+Inf' || text === 'Inf')
        return Number.POSITIVE_INFINITY;
    if (text === '-Inf')
        return Number.NEGATIVE_INFINITY;
    return Number(text);
}
async function measurePrometheus(spec, context) {
    let answer;
    let status;
    try {
        const response = await request(queryUrl(spec), { headers: spec.headers }, spec.timeoutMs, context);
        status = response.status;
        answer = JSON.parse(response.body);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return errorObservation(error instanceof SyntaxError ? new Error('Prometheus answered with something that is not JSON') : error);
    }
    if (answer.status !== 'success' || !answer.data) {
        return { phase: 'Error', message: `Prometheus HTTP ${status}: ${answer.errorType ?? 'error'}: ${answer.error ?? 'no data'}` };
    }
    const { resultType, result: raw } = answer.data;
    let result;
    if (resultType === 'vector' && Array.isArray(raw)) {
        result = raw.map((sample) => sampleValue(sample.value?.[1]));
        if (result.length === 0)
            return { phase: spec.emptyResult, message: `no series (empty-result: ${spec.emptyResult})` };
    }
    else if (resultType === 'scalar' && Array.isArray(raw)) {
        result = sampleValue(raw[1]);
    }
    else {
        return { phase: 'Error', message: `a ${resultType} result cannot be evaluated: use an instant vector or scalar query` };
    }
    const first = Array.isArray(result) ? result[0] : result;
    const value = Number.isFinite(first) ? first : undefined;
    if (!spec.success && !spec.failure)
        return { phase: 'Successful', value, message: `result ${preview(result)} (no conditions)` };
    const outcome = evaluateConditions(spec.success, spec.failure, { result });
    return { phase: outcome.phase, value, message: `result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}
/**
 * Asks Prometheus once before watching, so a query it rejects (HTTP 400, errorType bad_data)
 * fails the stage as bad input instead of as a run of Error measurements. An unreachable
 * server is not bad input (it may come up): the answer is a warning for the log.
 */
async function validatePrometheusQuery(check, spec, fetchImpl) {
    let answer;
    let status;
    try {
        const response = await request(queryUrl(spec), { headers: spec.headers }, spec.timeoutMs, {
            signal: new AbortController().signal,
            fetch: fetchImpl,
        });
        status = response.status;
        answer = JSON.parse(response.body);
    }
    catch (error) {
        return `check '${check}': could not validate the query before watching: ${error.message}`;
    }
    if (status === 400 && answer.errorType === 'bad_data') {
        throw new errors/* InputError */.dz('checks', spec.query, `a PromQL query Prometheus accepts (check '${check}')`, `Prometheus: ${answer.error ?? 'bad_data'}`);
    }
    if (answer.status !== 'success')
        return `check '${check}': Prometheus answered HTTP ${status} ${answer.errorType ?? ''} ${answer.error ?? ''}`.trim();
    return undefined;
}
function argoApplicationUrl(spec, suffix = '') {
    const query = spec.appNamespace ? `?${new URLSearchParams({ appNamespace: spec.appNamespace }).toString()}` : '';
    return `${spec.server}/api/v1/applications/${encodeURIComponent(spec.application)}${suffix}${query}`;
}
function argoHeaders(token) {
    return token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' };
}
/** Full or abbreviated SHAs name the same commit when one starts with the other (7+ characters). */
function sameRevision(a, b) {
    if (!a || !b || Math.min(a.length, b.length) < 7)
        return a === b && Boolean(a);
    return a.toLowerCase().startsWith(b.toLowerCase()) || b.toLowerCase().startsWith(a.toLowerCase());
}
async function fetchArgoApplication(spec, context) {
    const response = await request(argoApplicationUrl(spec), { headers: argoHeaders(spec.token) }, spec.timeoutMs, context);
    if (response.status === 401 || response.status === 403) {
        throw new errors/* AegisError */.o4(`Argo CD refused the request for '${spec.application}' (HTTP ${response.status}): check the token`);
    }
    if (response.status !== 200) {
        throw new errors/* AegisError */.o4(`Argo CD answered HTTP ${response.status} for '${spec.application}': ${response.body.slice(0, 200)}`);
    }
    return JSON.parse(response.body);
}
/**
 * "Synced" alone is not the answer (Argo CD reports Synced for an application that is in sync
 * with an older commit, before it has even fetched the new one): the application must be
 * Synced AT the expected revision AND Healthy.
 */
function syncedRevisions(app) {
    const sync = app.status?.sync ?? {};
    return [sync.revision, ...(sync.revisions ?? [])].filter((value) => Boolean(value));
}
/** `includedBy`: a synced revision found (by the caller, in Git) to contain `revision`, if any. */
function assessArgoApplication(app, revision, includedBy) {
    const sync = app.status?.sync ?? {};
    const health = app.status?.health?.status ?? 'Unknown';
    const revisions = syncedRevisions(app);
    const atRevision = includedBy !== undefined || revisions.some((candidate) => sameRevision(candidate, revision));
    const shown = revisions.map((value) => value.slice(0, 12)).join(',') || 'no revision';
    const facts = `${sync.status ?? 'Unknown'} at ${shown}, ${health}`;
    const operation = app.status?.operationState;
    if (operation &&
        (operation.phase === 'Failed' || operation.phase === 'Error') &&
        sameRevision(operation.syncResult?.revision, revision)) {
        return { phase: 'Failed', message: `${facts}; sync to ${revision.slice(0, 12)} ${operation.phase}: ${operation.message ?? ''}`.trim() };
    }
    if (!atRevision)
        return { phase: 'Running', message: `${facts}; waiting for ${revision.slice(0, 12)}` };
    if (sync.status === 'Synced' && health === 'Healthy') {
        return { phase: 'Successful', message: includedBy ? `${facts} (${includedBy.slice(0, 12)} includes ${revision.slice(0, 12)})` : facts };
    }
    if (sync.status === 'Synced' && (health === 'Degraded' || health === 'Missing')) {
        return { phase: 'Failed', message: `${facts}${app.status?.health?.message ? `: ${app.status.health.message}` : ''}` };
    }
    return { phase: 'Running', message: `${facts}; waiting for Synced and Healthy` };
}
async function measureArgoCd(spec, context) {
    let app;
    try {
        app = await fetchArgoApplication(spec, context);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return errorObservation(error instanceof SyntaxError ? new Error('Argo CD answered with something that is not JSON') : error);
    }
    let includedBy;
    if (context.includesCommit && !syncedRevisions(app).some((candidate) => sameRevision(candidate, spec.revision))) {
        for (const candidate of syncedRevisions(app)) {
            if (await context.includesCommit(candidate, spec.revision)) {
                includedBy = candidate;
                break;
            }
        }
    }
    return assessArgoApplication(app, spec.revision, includedBy);
}
/** `kubectl` arguments shared by the check and the rollback: where the cluster is. */
function kubectlTarget(spec) {
    const args = ['--namespace', spec.namespace];
    if (spec.context)
        args.push('--context', spec.context);
    if (spec.kubeconfig)
        args.push('--kubeconfig', spec.kubeconfig);
    return args;
}
/** The rules `kubectl rollout status` applies to a Deployment. */
function assessDeployment(deployment, name) {
    const generation = deployment.metadata?.generation ?? 0;
    const status = deployment.status ?? {};
    const desired = deployment.spec?.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const available = status.availableReplicas ?? 0;
    const total = status.replicas ?? 0;
    const facts = `${updated}/${desired} updated, ${available}/${desired} available`;
    if ((status.observedGeneration ?? 0) < generation) {
        return { phase: 'Running', value: available, message: `deployment/${name}: generation ${generation} not yet observed` };
    }
    const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return {
            phase: 'Failed',
            value: available,
            message: `deployment/${name}: ${facts}; ${progressing.message ?? 'progress deadline exceeded'}`,
        };
    }
    if (updated === desired && available === desired && total === desired) {
        return { phase: 'Successful', value: available, message: `deployment/${name}: rollout complete, ${facts}` };
    }
    return {
        phase: 'Running',
        value: available,
        message: `deployment/${name}: ${facts}${total > updated ? `, ${total - updated} old pending termination` : ''}`,
    };
}
async function measureKubernetes(spec) {
    const args = [
        'get',
        'deployment',
        spec.deployment,
        ...kubectlTarget(spec),
        '--output',
        'json',
        '--request-timeout',
        `${Math.max(1, Math.ceil(spec.timeoutMs / 1000))}s`,
    ];
    const result = await (0,process/* run */.e)('kubectl', args, { allowFailure: true }).catch((error) => ({
        exitCode: -1,
        stdout: '',
        stderr: error.message,
    }));
    if (result.exitCode !== 0)
        return { phase: 'Error', message: `kubectl get deployment/${spec.deployment}: ${result.stderr.trim().split('\n').pop()}` };
    try {
        return assessDeployment(JSON.parse(result.stdout), spec.deployment);
    }
    catch {
        return { phase: 'Error', message: 'kubectl printed something that is not JSON' };
    }
}
function preview(value) {
    const text = typeof value === 'string'
        ? JSON.stringify(value)
        : JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

;// CONCATENATED MODULE: ./src/core/health/report.ts

/** Score charted for checks whose measurements carry no number. */
const PHASE_SCORE = { Successful: 1, Inconclusive: 0.5, Error: 0.25, Failed: 0 };
const ICON = {
    Successful: '✅',
    Failed: '❌',
    Inconclusive: '❔',
    Error: '⚠️',
    Running: '⏳',
};
const MAX_POINTS = 60;
const escapeTable = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const label = (text) => text.replace(/["\n]/g, "'");
/**
 * A mermaid xychart of one check's measurements over time: its value (query result,
 * latency, available replicas) when it has one, else a phase score. GitHub and GitLab both
 * render mermaid in markdown.
 */
function measurementChart(check, measurements) {
    const completed = measurements.filter((m) => m.check === check && m.phase !== 'Running').slice(-MAX_POINTS);
    if (completed.length === 0)
        return undefined;
    const numeric = completed.every((m) => m.value !== undefined || m.phase === 'Error');
    const points = completed.map((m) => (numeric ? (m.value ?? 0) : PHASE_SCORE[m.phase]));
    const seconds = completed.map((m) => `"${(m.elapsedMs / 1000).toFixed(1)}s"`);
    const round = (n) => Number(n.toPrecision(6));
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${label(check)}${numeric ? '' : ' (1 Successful, 0.5 Inconclusive, 0.25 Error, 0 Failed)'}"`,
        `  x-axis [${seconds.join(', ')}]`,
        `  y-axis "${numeric ? 'value' : 'phase'}"`,
        `  line [${points.map(round).join(', ')}]`,
        '```',
    ].join('\n');
}
/** A small flowchart: each check's phase into the verdict, the verdict into the decision. */
function decisionDiagram(result, decision) {
    const lines = ['```mermaid', 'flowchart LR'];
    for (const [index, check] of result.checks.entries()) {
        lines.push(`  c${index}["${label(check.name)}: ${check.phase}"] --> v{"verdict ${result.verdict}"}`);
    }
    lines.push(`  v --> d["${label(decision.text)}"]`);
    lines.push('```');
    return lines.join('\n');
}
function renderSummary(result, specs, decision) {
    const out = [`### aegis health-gate: ${ICON[result.verdict]} ${result.verdict}`, ''];
    out.push(`Watched for ${(result.durationMs / 1000).toFixed(1)} s, ended: ${result.endedBy}. **Decision:** ${decision.text}`, '');
    out.push(decisionDiagram(result, decision), '');
    out.push('| check | type | phase | why | measurements (✅/❌/❔/⚠️) | decides by |', '|---|---|---|---|---|---|');
    for (const check of result.checks) {
        const spec = specs.find((candidate) => candidate.name === check.name);
        const t = check.tally;
        out.push(`| ${escapeTable(check.name)} | ${spec.provider.type} | ${ICON[check.phase]} ${check.phase} | ${escapeTable(check.reason)} | ${t.successful}/${t.failed}/${t.inconclusive}/${t.error} | ${escapeTable(describeConditions(spec))} |`);
    }
    out.push('');
    for (const check of result.checks) {
        const chart = measurementChart(check.name, result.measurements);
        const rows = result.measurements.filter((m) => m.check === check.name);
        out.push(`<details><summary>${escapeTable(check.name)}: ${rows.length} measurement(s)</summary>`, '');
        if (chart)
            out.push(chart, '');
        out.push('| # | at | phase | value | message |', '|---|---|---|---|---|');
        for (const m of rows.slice(-100)) {
            out.push(`| ${m.index} | ${(m.elapsedMs / 1000).toFixed(1)}s | ${ICON[m.phase]} ${m.phase} | ${m.value ?? ''} | ${escapeTable(m.message)} |`);
        }
        out.push('', '</details>', '');
    }
    out.push('<sub>Decisions follow Argo Rollouts analysis: limits count tolerated measurements (failure-limit 0: the first Failed measurement fails the check); errors are retried up to consecutive-error-limit; the verdict is the worst check.</sub>');
    return `${out.join('\n')}\n`;
}
/** The `measurements` output file: everything needed to audit the decision later. */
function measurementsDocument(result, specs, decision) {
    return {
        verdict: result.verdict,
        endedBy: result.endedBy,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        decision,
        checks: result.checks.map((check) => {
            const spec = specs.find((candidate) => candidate.name === check.name);
            const { phase: _phase, reason: _reason, ...counts } = check.tally;
            return {
                name: check.name,
                type: spec.provider.type,
                phase: check.phase,
                reason: check.reason,
                conditions: describeConditions(spec),
                limits: spec.limits,
                intervalMs: spec.intervalMs,
                counts,
            };
        }),
        measurements: result.measurements,
    };
}
/** A Slack-compatible incoming-webhook payload (`text` is what every compatible receiver reads). */
function notificationPayload(result, decision, context) {
    const bad = result.checks
        .filter((check) => check.phase !== 'Successful')
        .map((check) => `${check.name}: ${check.phase} (${check.reason})`);
    const lines = [
        `${ICON[result.verdict]} health-gate${context.environment ? ` (${context.environment})` : ''}: *${result.verdict}*`,
        ...bad.map((line) => `• ${line}`),
        decision.text,
    ];
    if (context.runUrl)
        lines.push(context.runUrl);
    return { text: lines.join('\n') };
}

// EXTERNAL MODULE: ./src/core/git/transaction.ts
var transaction = __webpack_require__(7140);
// EXTERNAL MODULE: ./src/core/gitops/commit-message.ts
var commit_message = __webpack_require__(349);
;// CONCATENATED MODULE: ./src/core/health/rollback.ts





/** A revert would overwrite later commits' edits: a person decides, nothing is forced. */
class RevertConflictError extends errors/* AegisError */.o4 {
    commit;
    branch;
    files;
    name = 'RevertConflictError';
    constructor(commit, branch, files) {
        super(`Reverting ${commit.slice(0, 12)} conflicts with later commits on '${branch}' (${files.join(', ') || 'unknown files'}). ` +
            'Nothing was pushed and nothing was forced: revert it by hand, or roll forward.');
        this.commit = commit;
        this.branch = branch;
        this.files = files;
    }
}
/**
 * Reverts `commit` on `branch` of the GitOps repository with a commit carrying provenance
 * trailers, pushed by the same race-safe transaction as gitops-bump: when another job pushes
 * first, the revert is recomputed on the new tip. The clone is shallow, so the history down
 * to the commit's parent is fetched first. Idempotent: a commit already reverted (by a
 * commit with `Aegis-Reverts: <sha>`, or by content) is not reverted twice.
 */
async function revertCommit(options) {
    const result = await (0,transaction/* commitAndPush */.t)({
        remote: options.remote,
        branch: options.branch,
        author: options.author,
        maxAttempts: options.maxAttempts,
        dryRun: options.dryRun,
        log: options.log,
    }, async ({ git }) => prepareRevert(git, options));
    const detail = result.change.detail;
    return {
        changed: result.changed,
        sha: result.sha,
        reverted: detail.reverted,
        alreadyRevertedBy: detail.alreadyRevertedBy,
        files: detail.files,
        attempts: result.attempts,
        dryRun: result.dryRun,
        message: result.change.message,
    };
}
async function prepareRevert(git, options) {
    const reverted = await fetchHistoryTo(git, options.commit, options.branch);
    const already = await git.output([
        'log',
        '--format=%H',
        '--fixed-strings',
        `--grep=${commit_message/* TRAILER */.AH.reverts}: ${reverted}`,
        `${reverted}..HEAD`,
    ]);
    if (already) {
        const by = already.split('\n')[0];
        options.log.info(`${reverted.slice(0, 12)} was already reverted by ${by.slice(0, 12)}; nothing to do.`);
        return { files: [], message: '', detail: { reverted, alreadyRevertedBy: by, files: [] } };
    }
    const parents = (await git.output(['rev-list', '--parents', '-n', '1', reverted])).split(' ').length - 1;
    const mainline = parents > 1 ? ['-m', '1'] : [];
    const identity = {
        GIT_AUTHOR_NAME: options.author.name,
        GIT_AUTHOR_EMAIL: options.author.email,
        GIT_COMMITTER_NAME: options.author.name,
        GIT_COMMITTER_EMAIL: options.author.email,
    };
    const attempt = await git.run(['revert', '--no-commit', ...mainline, reverted], { allowFailure: true, env: identity });
    if (attempt.exitCode !== 0) {
        const conflicted = (await git.output(['diff', '--name-only', '--diff-filter=U'])).split('\n').filter(Boolean);
        await git.run(['revert', '--abort'], { allowFailure: true });
        await git.run(['reset', '--quiet', '--hard', 'HEAD']);
        if (conflicted.length > 0)
            throw new RevertConflictError(reverted, options.branch, conflicted);
        throw new errors/* AegisError */.o4(`git revert ${reverted.slice(0, 12)} failed: ${attempt.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    // The transaction writes and commits files itself: take the reverted contents, then leave the checkout clean.
    // --no-renames: a rename shows as a delete plus an add, so the delete guard below sees it.
    const status = (await git.output(['diff', '--cached', '--no-renames', '--name-status', 'HEAD'])).split('\n').filter(Boolean);
    const deleted = status.filter((line) => line.startsWith('D')).map((line) => line.slice(1).trim());
    if (deleted.length > 0) {
        await git.run(['reset', '--quiet', '--hard', 'HEAD']);
        throw new errors/* AegisError */.o4(`Reverting ${reverted.slice(0, 12)} would delete ${deleted.join(', ')}; health-gate reverts edits only. Revert it by hand.`);
    }
    const paths = status.map((line) => line.split('\t').pop());
    const files = [];
    for (const path of paths)
        files.push({ path, content: (await git.run(['show', `:${path}`])).stdout });
    await git.run(['reset', '--quiet', '--hard', 'HEAD']);
    if (files.length === 0)
        options.log.info(`The tip of '${options.branch}' already has the content from before ${reverted.slice(0, 12)}; nothing to revert.`);
    const original = await git.output(['log', '-1', '--format=%B', reverted]);
    return { files, message: revertMessage(original, reverted, options), detail: { reverted, files: paths } };
}
/**
 * Fetches history until `commit` and its parent are in the shallow clone and `commit` is
 * known to be on `branch`; returns its full SHA.
 */
async function fetchHistoryTo(git, commit, branch) {
    const present = async () => {
        const parent = await git.run(['rev-parse', '--verify', '--quiet', `${commit}^1^{commit}`], { allowFailure: true });
        if (parent.exitCode !== 0)
            return false;
        const full = await git.output(['rev-parse', '--verify', `${commit}^{commit}`]);
        return (await git.run(['merge-base', '--is-ancestor', full, 'HEAD'], { allowFailure: true })).exitCode === 0;
    };
    for (const depth of [20, 200, 2000]) {
        if (await present())
            break;
        await git.run(['fetch', '--quiet', '--no-tags', `--deepen=${depth}`, 'origin', branch], { allowFailure: true });
    }
    if (!(await present())) {
        await git.run(['fetch', '--quiet', '--no-tags', '--unshallow', 'origin', branch], { allowFailure: true });
    }
    const resolved = await git.run(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], { allowFailure: true });
    if (resolved.exitCode !== 0)
        throw new errors/* AegisError */.o4(`Commit ${commit} (rollback-commit) is not in the history of '${branch}'.`);
    const full = resolved.stdout.trim();
    if ((await git.run(['merge-base', '--is-ancestor', full, 'HEAD'], { allowFailure: true })).exitCode !== 0) {
        throw new errors/* AegisError */.o4(`Commit ${commit} (rollback-commit) is not on branch '${branch}'.`);
    }
    if ((await git.run(['rev-parse', '--verify', '--quiet', `${full}^1`], { allowFailure: true })).exitCode !== 0) {
        throw new errors/* AegisError */.o4(`Commit ${commit} (rollback-commit) has no parent: the first commit of a repository cannot be reverted.`);
    }
    return full;
}
/**
 * `Revert "<subject>"`, the reason, and trailers read back from the reverted commit with
 * image and value pairs swapped: what it set becomes the previous value, what it replaced
 * is what runs again.
 */
function revertMessage(original, reverted, options) {
    const subject = original.split('\n')[0]?.trim() || reverted.slice(0, 12);
    const swapped = [];
    const kept = [];
    for (const trailer of (0,commit_message/* parseTrailers */.aw)(original)) {
        if (trailer.key === commit_message/* TRAILER */.AH.previousImage)
            swapped.push({ key: commit_message/* TRAILER */.AH.image, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.image)
            swapped.push({ key: commit_message/* TRAILER */.AH.previousImage, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.previousValue)
            swapped.push({ key: commit_message/* TRAILER */.AH.value, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.value)
            swapped.push({ key: commit_message/* TRAILER */.AH.previousValue, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.environment)
            kept.push(trailer);
    }
    const trailers = [{ key: commit_message/* TRAILER */.AH.reverts, value: reverted }, ...swapped, ...kept];
    if (options.sourceRun)
        trailers.push({ key: commit_message/* TRAILER */.AH.sourceRun, value: options.sourceRun });
    trailers.push({ key: commit_message/* TRAILER */.AH.stage, value: 'health-gate' });
    return (0,commit_message/* buildCommitMessage */.vL)(`Revert "${subject}"`, `This reverts commit ${reverted}.\n\n${options.reason}`, trailers);
}
/**
 * Argo CD's history rollback (POST /api/v1/applications/{name}/rollback) to the deployment
 * before `spec.revision`. Argo CD refuses it while automated sync is on — and with auto-sync
 * the next sync would bring the bad commit back from Git anyway — so that is warned about;
 * git-revert is the rollback that keeps Git and the cluster in step.
 */
async function argoRollback(spec, options) {
    const app = await fetchArgoApplication(spec, { signal: new AbortController().signal, fetch: options.fetch });
    const autoSync = Boolean(app.spec?.syncPolicy?.automated);
    if (autoSync) {
        options.log.warning(`Argo CD application '${spec.application}' has automated sync: Argo CD refuses a history rollback while it is on, and a later sync would re-apply the bad commit from Git. Prefer rollback: git-revert.`);
    }
    const entry = pickHistoryEntry(app, spec.revision, options.historyId);
    const revision = entry.revision ?? entry.revisions?.[0];
    options.log.info(`Argo CD rollback of '${spec.application}' to history id ${entry.id}${revision ? ` (${revision.slice(0, 12)})` : ''}.`);
    if (!options.dryRun) {
        const body = JSON.stringify({
            name: spec.application,
            id: entry.id,
            prune: false,
            dryRun: false,
            ...(spec.appNamespace ? { appNamespace: spec.appNamespace } : {}),
        });
        let response;
        try {
            response = await (options.fetch ?? fetch)(argoApplicationUrl(spec, '/rollback'), {
                method: 'POST',
                headers: { ...argoHeaders(spec.token), 'Content-Type': 'application/json' },
                body,
                signal: AbortSignal.timeout(spec.timeoutMs),
            });
        }
        catch (error) {
            throw new errors/* AegisError */.o4(`Argo CD rollback of '${spec.application}' failed: ${new URL(spec.server).origin} unreachable (${error.message}).`);
        }
        if (!response.ok) {
            throw new errors/* AegisError */.o4(`Argo CD refused the rollback of '${spec.application}' (HTTP ${response.status}): ${(await response.text()).slice(0, 300)}`);
        }
    }
    return { application: spec.application, historyId: entry.id, revision, autoSync, dryRun: options.dryRun };
}
/** The history entry to go back to: the one given, else the last deployment before `revision`. */
function pickHistoryEntry(app, revision, historyId) {
    const history = [...(app.status?.history ?? [])]
        .filter((entry) => typeof entry.id === 'number')
        .sort((a, b) => a.id - b.id);
    if (historyId !== undefined) {
        const entry = history.find((candidate) => candidate.id === historyId);
        if (!entry)
            throw new errors/* AegisError */.o4(`Argo CD history of '${app.metadata?.name ?? 'the application'}' has no id ${historyId}.`);
        return entry;
    }
    const revisionOf = (entry) => entry.revision ?? entry.revisions?.[0];
    const bad = history.findLastIndex((entry) => sameRevision(revisionOf(entry), revision));
    const before = (bad === -1 ? history : history.slice(0, bad)).filter((entry) => !sameRevision(revisionOf(entry), revision));
    const entry = before[before.length - 1];
    if (!entry)
        throw new errors/* AegisError */.o4(`Argo CD history has no deployment before ${revision.slice(0, 12)} to roll back to.`);
    return entry;
}
/** `kubectl rollout undo deployment/<name>` with the check's namespace, context and kubeconfig. */
function kubectlUndoArgs(spec) {
    return ['rollout', 'undo', `deployment/${spec.deployment}`, ...kubectlTarget(spec)];
}
async function kubectlUndo(spec, options) {
    const args = kubectlUndoArgs(spec);
    options.log.info(`kubectl ${args.join(' ')}${options.dryRun ? ' (dry run: not run)' : ''}`);
    if (options.dryRun)
        return '';
    const result = await (0,process/* run */.e)('kubectl', args, { allowFailure: true });
    if (result.exitCode !== 0)
        throw new errors/* AegisError */.o4(`kubectl ${args.slice(0, 3).join(' ')} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return result.stdout.trim();
}

;// CONCATENATED MODULE: ./src/core/health/watch.ts

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms, signal) {
    if (ms <= 0 || signal.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done);
    });
}
/**
 * Runs every check concurrently on its own interval and feeds each completed measurement to
 * the evaluator (evaluator.ts). The first check to complete Failed, Error or Inconclusive
 * terminates the run: sleeping checks wake, in-flight requests are abandoned. The overall
 * timeout ends the run the same way, with the timeout rules of the evaluator.
 */
async function watch(checks, options) {
    const { log } = options;
    const start = Date.now();
    const stop = new AbortController();
    const ended = { by: 'completed' };
    const timer = setTimeout(() => {
        ended.by = 'timeout';
        stop.abort();
    }, options.timeoutMs);
    const tallies = new Map(checks.map((check) => [check.spec.name, initialTally()]));
    const waiting = new Map();
    const measurements = [];
    const land = (check, index, observation, checkPhase) => {
        const entry = {
            check: check.spec.name,
            index,
            time: new Date().toISOString(),
            elapsedMs: Date.now() - start,
            phase: observation.phase,
            ...(observation.value !== undefined ? { value: observation.value } : {}),
            message: observation.message,
            checkPhase,
        };
        measurements.push(entry);
        const seconds = (entry.elapsedMs / 1000).toFixed(1).padStart(6);
        const tally = tallies.get(check.spec.name);
        const status = isCompleted(checkPhase) ? ` → check ${checkPhase} (${tally.reason})` : '';
        log.info(`${seconds}s  [${check.spec.name}] #${index} ${observation.phase}: ${observation.message}${status}`);
        options.onMeasurement?.(entry);
    };
    const complete = (check, index, observation) => {
        const tally = record(tallies.get(check.spec.name), check.spec.limits, observation.phase);
        tallies.set(check.spec.name, tally);
        land(check, index, observation, tally.phase);
        return tally;
    };
    const runCheck = async (check) => {
        const { spec } = check;
        await pause(spec.initialDelayMs, stop.signal);
        let index = 1;
        while (!stop.signal.aborted) {
            const started = Date.now();
            let observation;
            try {
                observation = await check.measure(stop.signal);
            }
            catch (error) {
                if (stop.signal.aborted)
                    break;
                observation = { phase: 'Error', message: error.message };
            }
            // A measurement still in flight when the run ends is abandoned, as Argo terminates it.
            if (stop.signal.aborted)
                break;
            if (observation.phase === 'Running') {
                const wait = waiting.get(spec.name) ?? { since: started, observation, index };
                wait.observation = observation;
                waiting.set(spec.name, wait);
                const limit = check.waitTimeoutMs ?? Number.POSITIVE_INFINITY;
                if (Date.now() - wait.since < limit) {
                    land(check, index, observation, tallies.get(spec.name)?.phase ?? 'Pending');
                    await pause(spec.intervalMs, stop.signal);
                    continue;
                }
                observation = {
                    ...observation,
                    phase: 'Failed',
                    message: `${observation.message} — not done after ${limit / 1000}s (wait-timeout)`,
                };
            }
            waiting.delete(spec.name);
            const tally = complete(check, index++, observation);
            if (isCompleted(tally.phase)) {
                if (isTerminating([tally.phase]) && !stop.signal.aborted) {
                    ended.by = 'terminated';
                    stop.abort();
                }
                return;
            }
            await pause(spec.intervalMs, stop.signal);
        }
    };
    try {
        await Promise.all(checks.map(runCheck));
    }
    finally {
        clearTimeout(timer);
    }
    const endedBy = ended.by;
    const ending = endedBy === 'timeout' ? 'timeout' : 'terminated';
    for (const check of checks) {
        const name = check.spec.name;
        let tally = tallies.get(name);
        const wait = waiting.get(name);
        // At the timeout, a measurement still waiting (Argo CD never reached the commit) has failed to arrive.
        if (wait && endedBy === 'timeout' && !isCompleted(tally.phase)) {
            tally = complete(check, wait.index, {
                ...wait.observation,
                phase: 'Failed',
                message: `${wait.observation.message} — not done when the gate timed out`,
            });
        }
        if (!isCompleted(tally.phase)) {
            tally = assess(tally, check.spec.limits, ending);
            tallies.set(name, tally);
            log.info(`[${name}] → check ${tally.phase} (${tally.reason})`);
        }
    }
    const outcomes = checks.map((check) => {
        const tally = tallies.get(check.spec.name);
        return { name: check.spec.name, phase: tally.phase, reason: tally.reason, tally };
    });
    return {
        verdict: runPhase(outcomes.map((outcome) => outcome.phase)),
        endedBy,
        checks: outcomes,
        measurements,
        startedAt: new Date(start).toISOString(),
        durationMs: Date.now() - start,
    };
}

// EXTERNAL MODULE: ./src/stages/gitops-repository.ts
var gitops_repository = __webpack_require__(1328);
// EXTERNAL MODULE: ./src/stages/inputs.ts
var inputs = __webpack_require__(9778);
// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/health-gate.ts












const health_gate_PHASES = ['Successful', 'Failed', 'Inconclusive', 'Error'];
const METHODS = ['git-revert', 'argocd', 'kubectl', 'none'];
const definition = {
    name: 'health-gate',
    title: 'Health gate',
    description: 'Watch a deployment with HTTP, Prometheus, Argo CD and Kubernetes checks under Argo Rollouts analysis rules, and roll back a failed one by reverting the exact GitOps commit.',
    inputs: {
        checks: {
            description: 'YAML list of checks, each a `name` and one of: http {url, method, headers, body, expect-status, body-contains, json-path, success-condition, failure-condition, max-latency, timeout}; prometheus {address, query, success-condition, failure-condition, empty-result, headers, timeout}; argocd {server, application, app-namespace, token, revision, wait-timeout}; kubernetes {deployment, namespace, context, kubeconfig, wait-timeout}. A check may override interval, count, initial-delay, failure-limit, inconclusive-limit and consecutive-error-limit.',
            required: true,
        },
        interval: { description: 'Time between measurements of a check (500ms, 10s, 1m).', default: '10s' },
        count: {
            description: "Measurements (errors excluded) after which a check is Successful; '0' watches until the timeout.",
            default: '5',
        },
        'initial-delay': { description: 'Wait before the first measurement.', default: '0s' },
        'failure-limit': { description: 'Failed measurements tolerated per check; one more fails it.', default: '0' },
        'inconclusive-limit': { description: 'Inconclusive measurements tolerated per check; one more makes it Inconclusive.', default: '0' },
        'consecutive-error-limit': {
            description: 'Consecutive Error measurements tolerated per check; one more makes it Error.',
            default: '4',
        },
        timeout: { description: 'Overall limit on watching; checks still running then end (see the README for how).', default: '10m' },
        rollback: {
            description: "What to do when the verdict is in 'rollback-on': git-revert, argocd, kubectl or none.",
            default: 'git-revert',
        },
        'rollback-on': { description: 'Verdicts that trigger the rollback (comma-separated).', default: 'Failed, Error' },
        'rollback-commit': {
            description: 'The GitOps commit to revert (commit-sha of gitops-bump or promote); also the revision argocd checks expect by default.',
        },
        'expected-revision': { description: 'Revision argocd checks expect when it differs from rollback-commit.' },
        ...(0,gitops_repository/* gitopsRepositoryInputs */.c5)({
            required: false,
            use: 'for git-revert; with argocd checks it also lets a later commit that contains rollback-commit count as deployed',
            branch: 'Branch of the GitOps repository holding rollback-commit.',
            author: 'Author of the revert commit, "Name <email>".',
        }),
        'argocd-token': { description: 'Argo CD API token for argocd checks (and the argocd rollback) that set none.', secret: true },
        'argocd-history-id': { description: "History id for 'rollback: argocd'; by default the deployment before the expected revision." },
        'notify-webhook': { description: 'Slack-compatible incoming webhook URL told the verdict and the rollback.', secret: true },
        environment: { description: 'Environment name for messages (dev, staging, prod).' },
        'fail-on': { description: 'Verdicts that fail the job (comma-separated).', default: 'Failed, Error, Inconclusive' },
        'measurements-file': {
            description: 'Where to write every measurement as JSON (relative to the workspace).',
            default: 'health-gate-measurements.json',
        },
        'dry-run': { description: 'Watch and decide, but only print the rollback instead of doing it.', default: 'false' },
        'source-run': { description: 'Run URL recorded in the revert commit (Aegis-Source-Run); defaults to the current run.' },
    },
    outputs: {
        verdict: { description: 'Successful, Failed, Inconclusive or Error: the worst phase across checks.' },
        'rolled-back': { description: "'true' when a rollback was made." },
        'revert-sha': { description: 'The revert commit pushed by git-revert (empty otherwise).' },
        measurements: { description: 'Path of the JSON file with every measurement and the decision.' },
    },
    run: (platform) => runHealthGate(platform),
};
const healthGate = definition;
function phaseList(reader, name) {
    return reader.list(name).map((value) => {
        const phase = health_gate_PHASES.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
        if (!phase)
            throw new errors/* InputError */.dz(name, value, `verdicts among ${health_gate_PHASES.join(', ')}`);
        return phase;
    });
}
/** Reads and validates every input before anything is watched, written or pushed. */
function parseHealthGateInputs(reader, workspace, platform = 'local', runUrl) {
    const rollbackCommit = reader.optional('rollback-commit');
    if (rollbackCommit !== undefined && !/^[0-9a-f]{7,64}$/i.test(rollbackCommit)) {
        throw new errors/* InputError */.dz('rollback-commit', rollbackCommit, 'a commit SHA (7 to 64 hexadecimal characters)');
    }
    const expectedRevision = reader.optional('expected-revision') ?? rollbackCommit;
    const count = reader.integer('count', { min: 0, max: 100_000 });
    const intervalMs = reader.duration('interval');
    if (intervalMs < 100)
        throw new errors/* InputError */.dz('interval', reader.string('interval'), 'a duration of at least 100ms');
    const timeoutMs = reader.duration('timeout');
    const argocdToken = reader.optional('argocd-token');
    const checks = parseChecks(reader.required('checks'), {
        intervalMs,
        initialDelayMs: reader.duration('initial-delay'),
        limits: {
            ...DEFAULT_LIMITS,
            count: count === 0 ? undefined : count,
            failureLimit: reader.integer('failure-limit', { min: 0 }),
            inconclusiveLimit: reader.integer('inconclusive-limit', { min: 0 }),
            consecutiveErrorLimit: reader.integer('consecutive-error-limit', { min: 0 }),
        },
        expectedRevision,
        argocdToken,
    });
    const rollback = reader.choice('rollback', METHODS);
    const repository = (0,gitops_repository/* parseGitopsRepository */.yw)(reader, platform, 'optional');
    if (rollback === 'git-revert') {
        if (!rollbackCommit) {
            throw new errors/* InputError */.dz('rollback-commit', '', 'the GitOps commit to revert', "rollback is 'git-revert' (set rollback: none to only watch)");
        }
        if (!repository)
            throw new errors/* InputError */.dz('repository', '', 'the GitOps repository holding rollback-commit', "rollback is 'git-revert'");
    }
    if (rollback === 'argocd' && !checks.some((check) => check.provider.type === 'argocd')) {
        throw new errors/* InputError */.dz('rollback', rollback, 'an argocd check naming the application to roll back, or another rollback', "rollback is 'argocd'");
    }
    if (rollback === 'kubectl' && !checks.some((check) => check.provider.type === 'kubernetes')) {
        throw new errors/* InputError */.dz('rollback', rollback, 'a kubernetes check naming the deployment to undo, or another rollback', "rollback is 'kubectl'");
    }
    const historyId = reader.optional('argocd-history-id');
    if (historyId !== undefined && !/^\d+$/.test(historyId))
        throw new errors/* InputError */.dz('argocd-history-id', historyId, 'a non-negative integer');
    const webhook = reader.optional('notify-webhook');
    if (webhook !== undefined && !/^https?:\/\//.test(webhook))
        throw new errors/* InputError */.dz('notify-webhook', '***', 'an http:// or https:// URL');
    return {
        checks,
        timeoutMs,
        rollback,
        rollbackOn: phaseList(reader, 'rollback-on'),
        failOn: phaseList(reader, 'fail-on'),
        rollbackCommit,
        repository,
        argocdHistoryId: historyId === undefined ? undefined : Number(historyId),
        notifyWebhook: webhook,
        environment: reader.optional('environment'),
        measurementsFile: reader.path('measurements-file', workspace),
        dryRun: reader.boolean('dry-run'),
        sourceRun: reader.optional('source-run') ?? runUrl,
    };
}
function planText(options) {
    const rows = options.checks.map((check) => [
        check.name,
        check.provider.type,
        `${check.intervalMs / 1000}s × ${check.limits.count ?? 'until timeout'}${check.initialDelayMs ? ` after ${check.initialDelayMs / 1000}s` : ''}`,
        `${check.limits.failureLimit}/${check.limits.inconclusiveLimit}/${check.limits.consecutiveErrorLimit}`,
        describeConditions(check),
    ]);
    const rollback = options.rollback === 'git-revert'
        ? `git-revert of ${options.rollbackCommit?.slice(0, 12)} on ${options.repository?.branch}`
        : options.rollback === 'none'
            ? 'none'
            : options.rollback;
    return `${(0,shared/* markdownTable */.Qj)(['check', 'type', 'interval × count', 'limits failed/inconclusive/consecutive errors', 'decides by'], rows)}\n\nTimeout ${options.timeoutMs / 1000}s. On ${options.rollbackOn.join(' or ') || 'no verdict'}: rollback ${rollback}${options.dryRun ? ' (dry run: printed, not done)' : ''}.`;
}
function firstProvider(options, type) {
    return options.checks.map((check) => check.provider).filter((provider) => provider.type === type);
}
function verdictReason(result) {
    const decisive = result.checks.filter((check) => check.phase === result.verdict);
    const lines = decisive.map((check) => {
        const last = [...result.measurements].reverse().find((m) => m.check === check.name && m.phase !== 'Running');
        return `- ${check.name}: ${check.phase} (${check.reason})${last ? `; last measurement: ${last.message}` : ''}`;
    });
    return `health-gate verdict: ${result.verdict}\n${lines.join('\n')}`;
}
async function performRollback(options, result, platform) {
    const { log } = platform;
    const dry = options.dryRun ? 'Dry run: would ' : '';
    switch (options.rollback) {
        case 'none':
            return { rolledBack: false, text: `Verdict ${result.verdict}; rollback is 'none', nothing was rolled back.` };
        case 'git-revert': {
            const repository = options.repository;
            const { branch } = repository;
            const revert = await (0,gitops_repository/* withGitopsRemote */.vO)(platform, repository, (remote) => revertCommit({
                remote,
                branch,
                commit: options.rollbackCommit,
                author: repository.author,
                maxAttempts: repository.maxAttempts,
                dryRun: options.dryRun,
                log,
                reason: verdictReason(result),
                sourceRun: options.sourceRun,
            }));
            if (options.dryRun)
                return {
                    rolledBack: false,
                    text: `${dry}revert ${revert.reverted.slice(0, 12)} on ${branch} (${revert.files.join(', ')}).`,
                };
            if (revert.alreadyRevertedBy) {
                return {
                    rolledBack: false,
                    text: `${revert.reverted.slice(0, 12)} was already reverted by ${revert.alreadyRevertedBy.slice(0, 12)}.`,
                };
            }
            if (!revert.changed)
                return { rolledBack: false, text: `${branch} already has the content from before ${revert.reverted.slice(0, 12)}.` };
            return {
                rolledBack: true,
                revertSha: revert.sha,
                text: `Reverted ${revert.reverted.slice(0, 12)} with ${revert.sha.slice(0, 12)} pushed to ${branch}${revert.attempts > 1 ? ` (attempt ${revert.attempts})` : ''}.`,
            };
        }
        case 'argocd':
            return rollBackEach(firstProvider(options, 'argocd'), options.dryRun, async (spec) => {
                const done = await argoRollback(spec, { historyId: options.argocdHistoryId, dryRun: options.dryRun, log });
                return `${dry}roll back Argo CD application ${done.application} to history ${done.historyId}${done.autoSync ? ' (auto-sync is on: it may re-sync the bad commit)' : ''}.`;
            });
        case 'kubectl':
            return rollBackEach(firstProvider(options, 'kubernetes'), options.dryRun, async (spec) => {
                await kubectlUndo(spec, { dryRun: options.dryRun, log });
                return `${dry}undo the rollout of deployment/${spec.deployment} in ${spec.namespace} (kubectl rollout undo; Git still holds the bad commit).`;
            });
    }
}
/** A rollback of several targets where some failed: what was done still counts. */
class PartialRollbackError extends errors/* AegisError */.o4 {
    done;
    constructor(message, done) {
        super(message);
        this.done = done;
    }
}
/** Rolls back every target even when one fails, so the outputs say exactly what happened. */
async function rollBackEach(targets, dryRun, rollBack) {
    const texts = [];
    const failures = [];
    for (const target of targets) {
        try {
            texts.push(await rollBack(target));
        }
        catch (error) {
            failures.push(error.message);
        }
    }
    const done = { rolledBack: !dryRun && texts.length > 0, text: texts.join(' ') };
    if (failures.length > 0) {
        throw new PartialRollbackError(`${failures.length} of ${targets.length} rollbacks failed: ${failures.join('; ')}`, done);
    }
    return done;
}
async function notify(url, payload, log) {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok)
            log.warning(`The notification webhook answered HTTP ${response.status}; the verdict stands.`);
    }
    catch (error) {
        log.warning(`The notification webhook could not be reached (${error.message}); the verdict stands.`);
    }
}
async function runHealthGate(platform) {
    const reader = new inputs/* InputReader */.i(platform, definition.inputs);
    const event = platform.event();
    const options = parseHealthGateInputs(reader, platform.workspace, platform.name, event.runUrl);
    const { log } = platform;
    for (const { provider } of options.checks) {
        if (provider.type === 'argocd' && provider.token)
            platform.secret(provider.token);
        for (const [name, value] of Object.entries('headers' in provider ? provider.headers : {})) {
            if (/authorization|token|key|secret|cookie|password/i.test(name))
                platform.secret(value);
        }
    }
    log.info(`Plan:\n${planText(options)}`);
    for (const check of options.checks) {
        if (check.provider.type === 'prometheus') {
            const warning = await validatePrometheusQuery(check.name, check.provider);
            if (warning)
                log.warning(warning);
        }
        if (check.provider.type === 'prometheus' && !check.provider.success && !check.provider.failure) {
            log.warning(`Check '${check.name}' has no success-condition or failure-condition: ${describeConditions(check)}.`);
        }
    }
    const watchWith = (includesCommit) => log.group('Watching', () => watch(options.checks.map((spec) => ({
        spec,
        measure: (signal) => measure(spec.provider, { signal, includesCommit }),
        waitTimeoutMs: 'waitTimeoutMs' in spec.provider ? spec.provider.waitTimeoutMs : undefined,
    })), { timeoutMs: options.timeoutMs, log }));
    // With the GitOps repository known, Argo CD synced at a later commit that contains ours (other
    // jobs pushed on top) counts as ours deployed; without it only the exact commit does.
    const repository = options.repository;
    const argocd = options.checks.some((check) => check.provider.type === 'argocd');
    const result = repository && argocd
        ? await (0,gitops_repository/* withGitopsRemote */.vO)(platform, repository, async (remote) => {
            const history = new CommitHistory(remote, repository.branch);
            try {
                return await watchWith((revision, commit) => history.includes(revision, commit));
            }
            finally {
                history.close();
            }
        })
        : await watchWith();
    const wanted = options.rollbackOn.includes(result.verdict);
    let decision = {
        method: options.rollback,
        wanted,
        rolledBack: false,
        dryRun: options.dryRun,
        text: `Verdict ${result.verdict}: no rollback needed.`,
    };
    let rollbackError;
    if (wanted) {
        try {
            decision = {
                ...decision,
                ...(await log.group(`Rollback (${options.rollback})`, () => performRollback(options, result, platform))),
            };
        }
        catch (error) {
            rollbackError = error;
            const done = error instanceof PartialRollbackError ? error.done : { rolledBack: false, text: '' };
            decision = {
                ...decision,
                rolledBack: done.rolledBack,
                text: `${done.text} Rollback (${options.rollback}) FAILED: ${error.message}`.trim(),
            };
        }
    }
    log.info(decision.text);
    (0,external_node_fs_.writeFileSync)(options.measurementsFile, `${JSON.stringify(measurementsDocument(result, options.checks, decision), null, 2)}\n`);
    if (options.notifyWebhook) {
        await notify(options.notifyWebhook, notificationPayload(result, decision, { environment: options.environment, runUrl: options.sourceRun }), log);
    }
    platform.setOutput('verdict', result.verdict);
    platform.setOutput('rolled-back', String(decision.rolledBack));
    platform.setOutput('revert-sha', decision.revertSha ?? '');
    platform.setOutput('measurements', options.measurementsFile);
    await platform.summary(renderSummary(result, options.checks, decision));
    if (rollbackError)
        throw rollbackError;
    if (options.failOn.includes(result.verdict)) {
        throw new errors/* AegisError */.o4(`Health gate verdict: ${result.verdict}. ${decision.text}`);
    }
}


/***/ })

};
