export const id = 638;
export const ids = [638];
export const modules = {

/***/ 1728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _s: () => (/* binding */ compileRuleList),
/* harmony export */   rd: () => (/* binding */ matchesRules),
/* harmony export */   rg: () => (/* binding */ checkPattern),
/* harmony export */   yk: () => (/* binding */ escapeGlob)
/* harmony export */ });
/* unused harmony exports literalPrefix, compileRule */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);

const PICOMATCH_OPTIONS = { dot: true };
/** Validates a repository-relative glob and returns it normalised (no leading `./`). */
function checkPattern(raw, fail) {
    if (typeof raw !== 'string')
        throw fail(String(raw), 'a glob must be a string');
    let pattern = raw.trim();
    const negated = pattern.startsWith('!');
    if (negated)
        pattern = pattern.slice(1);
    while (pattern.startsWith('./'))
        pattern = pattern.slice(2);
    if (pattern === '')
        throw fail(raw, 'the glob is empty');
    if (pattern.startsWith('/'))
        throw fail(raw, 'globs are relative to the repository root and must not start with /');
    if (pattern.split('/').includes('..'))
        throw fail(raw, "globs must not contain '..'");
    if (pattern.startsWith('!'))
        throw fail(raw, "a glob may be negated only once ('!!' is not allowed)");
    const problem = globProblem(pattern);
    if (problem !== undefined)
        throw fail(raw, `not a valid glob: ${problem}`);
    return negated ? `!${pattern}` : pattern;
}
// Manifests repeat the same excludes across hundreds of services: each distinct glob is compiled once.
const checkedGlobs = new Map();
const compiledGlobs = new Map();
// picomatch rejects only unbalanced brackets, braces and parentheses (strictBrackets) and
// patterns over its length limit: without those, there is nothing to compile for the check.
const BRACKETS = /[[\](){}]/;
const PICOMATCH_MAX_LENGTH = 65_536;
/** picomatch's complaint about a glob (strict brackets), or undefined when it compiles. */
function globProblem(pattern) {
    if (pattern.length < PICOMATCH_MAX_LENGTH && !BRACKETS.test(pattern))
        return undefined;
    if (checkedGlobs.has(pattern))
        return checkedGlobs.get(pattern);
    let problem;
    try {
        picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(pattern, { ...PICOMATCH_OPTIONS, strictBrackets: true });
    }
    catch (error) {
        problem = error.message;
    }
    checkedGlobs.set(pattern, problem);
    return problem;
}
function globRegex(pattern) {
    let regex = compiledGlobs.get(pattern);
    if (!regex) {
        regex = picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(pattern, PICOMATCH_OPTIONS);
        compiledGlobs.set(pattern, regex);
    }
    return regex;
}
const GLOB_CHARACTERS = new Set(['*', '?', '[', ']', '{', '}', '(', ')', '!', '+', '@']);
/**
 * The literal text a pattern starts with, backslash escapes removed, and whether that is
 * the whole pattern. `services/\\[legacy\\]/**` starts with the literal `services/[legacy]/`.
 * (picomatch's own scan keeps the backslashes in its base, and calls some escaped patterns
 * non-globs, so the literal part is read here.)
 */
function literalPrefix(pattern) {
    let literal = '';
    for (let index = 0; index < pattern.length; index++) {
        const char = pattern.charAt(index);
        if (char === '\\' && index + 1 < pattern.length) {
            literal += pattern.charAt(++index);
            continue;
        }
        if (GLOB_CHARACTERS.has(char))
            return { literal, whole: false };
        literal += char;
    }
    return { literal, whole: true };
}
/** A pattern that matches `text` literally (for paths with glob characters, such as `services/[legacy]`). */
function escapeGlob(text) {
    return text.replace(/[\\*?[\]{}()!+@]/g, (char) => `\\${char}`);
}
/** Compiles one already-checked pattern (`!` prefix = negated). */
function compileRule(checked) {
    const negated = checked.startsWith('!');
    const pattern = negated ? checked.slice(1) : checked;
    const { literal, whole } = literalPrefix(pattern);
    if (whole) {
        const prefix = `${literal}/`;
        return { pattern, negated, base: literal, kind: 'literal', test: (path) => path === literal || path.startsWith(prefix) };
    }
    const slash = literal.lastIndexOf('/');
    const base = slash === -1 ? '' : literal.slice(0, slash);
    // What follows the literal base directory, as written.
    const rest = pattern.slice(rawLengthOf(pattern, slash + 1));
    if (rest === '**') {
        if (base === '')
            return { pattern, negated, base, kind: 'everything', test: () => true };
        const prefix = `${base}/`;
        return { pattern, negated, base, kind: 'under', test: (path) => path.startsWith(prefix) };
    }
    const regex = globRegex(pattern);
    // A glob ending in plain characters (`**/*.md`) matches only paths ending in them (or in the
    // `/` picomatch allows after a match): most paths are told apart without the regex.
    const tail = PLAIN_TAIL.exec(pattern)?.[0];
    if (tail)
        return { pattern, negated, base, kind: 'glob', test: (path) => (path.endsWith(tail) || path.endsWith('/')) && regex.test(path) };
    return { pattern, negated, base, kind: 'glob', test: (path) => regex.test(path) };
}
/** Characters no glob syntax gives a meaning to, outside brackets (a pattern's end is outside them). */
const PLAIN_TAIL = /[A-Za-z0-9._-]+$/;
/** Index in `pattern` just after its first `count` literal characters (escapes count once). */
function rawLengthOf(pattern, count) {
    let index = 0;
    for (let seen = 0; seen < count && index < pattern.length; seen++)
        index += pattern.charAt(index) === '\\' ? 2 : 1;
    return index;
}
/** Builds the ordered rule list of `include` then `exclude` (see Rule for the meaning). */
function compileRuleList(include, exclude) {
    const excludeAsRules = exclude.map((pattern) => (pattern.startsWith('!') ? pattern.slice(1) : `!${pattern}`));
    return [...include, ...excludeAsRules].map(compileRule);
}
/** Last matching rule wins; no matching rule means "not matched". */
function matchesRules(rules, path) {
    for (let index = rules.length - 1; index >= 0; index--) {
        const rule = rules[index];
        if (rule.test(path))
            return !rule.negated;
    }
    return false;
}


/***/ }),

/***/ 4638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pf: () => (/* binding */ CHANGE_TYPES),
  Um: () => (/* binding */ discoverServices),
  Ng: () => (/* binding */ parseManifest)
});

// UNUSED EXPORTS: parseYamlManifest

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/yaml/plain.ts
var plain = __webpack_require__(5723);
// EXTERNAL MODULE: ./src/core/detect/globs.ts
var detect_globs = __webpack_require__(1728);
;// CONCATENATED MODULE: ./src/core/detect/plain-manifest.ts
/**
 * A fast reader for the plain subset of YAML most service manifests are written in: block
 * mappings two levels deep under `services`, values that are strings, lists of strings (flow
 * `[a, 'b']` or block `- a`) or empty. Cold, the `yaml` library takes ~150 ms on a 2,000-service
 * manifest; this takes a few. It answers only when the text is certainly in the subset and
 * means what `yaml` would make of it; otherwise it returns undefined and the caller parses
 * with `yaml`, which also reports every error (with its line).
 */
// A key that yaml reads as this same string (no number, boolean, null or prototype key).
const KEY = /^[A-Za-z_][A-Za-z0-9._-]*$/;
// Plain scalars starting with a letter, `_` or `/` are strings in YAML 1.2's core schema,
// except these words.
const NOT_STRINGS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const BLOCK_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./+@=*: -]*$/;
const FLOW_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./+@=*-]*$/;
function readPlainManifest(text) {
    if (/[\t\r\0\uFEFF]/.test(text))
        return undefined;
    const lines = [];
    const raw = text.split('\n');
    for (let index = 0; index < raw.length; index++) {
        const line = raw[index];
        const content = line.trimStart();
        if (content === '' || content.startsWith('#'))
            continue;
        lines.push({ number: index + 1, indent: line.length - content.length, text: content.trimEnd() });
    }
    const manifest = { keys: [] };
    const seen = new Set();
    let at = 0;
    while (at < lines.length) {
        const line = lines[at];
        if (line.indent !== 0)
            return undefined;
        const pair = keyValue(line.text);
        if (!pair || seen.has(pair.key))
            return undefined;
        seen.add(pair.key);
        manifest.keys.push({ key: pair.key, line: line.number });
        at++;
        if (pair.key === 'services') {
            if (pair.rest !== '')
                return undefined;
            const items = [];
            const names = new Set();
            const serviceIndent = lines[at]?.indent ?? 0;
            if (serviceIndent === 0)
                return undefined;
            while (at < lines.length && lines[at].indent > 0) {
                const serviceLine = lines[at];
                if (serviceLine.indent !== serviceIndent)
                    return undefined;
                const service = keyValue(serviceLine.text);
                if (service?.rest !== '' || names.has(service.key))
                    return undefined;
                names.add(service.key);
                at++;
                const entry = {};
                const fieldIndent = lines[at]?.indent ?? 0;
                if (fieldIndent <= serviceIndent)
                    return undefined; // an empty entry: yaml's message
                while (at < lines.length && lines[at].indent > serviceIndent) {
                    const fieldLine = lines[at];
                    if (fieldLine.indent !== fieldIndent)
                        return undefined;
                    const field = keyValue(fieldLine.text);
                    if (!field || Object.hasOwn(entry, field.key))
                        return undefined;
                    at++;
                    const read = value(field.rest, lines, at, fieldIndent);
                    if (!read)
                        return undefined;
                    entry[field.key] = read.value;
                    at = read.next;
                }
                items.push({ key: service.key, line: serviceLine.number, entry });
            }
            manifest.services = { line: line.number, items };
        }
        else if (pair.key === 'global') {
            const read = value(pair.rest, lines, at, 0);
            if (!read)
                return undefined;
            manifest.global = { value: read.value, line: line.number };
            at = read.next;
        }
        else {
            return undefined;
        }
    }
    return manifest;
}
function keyValue(text) {
    const colon = text.indexOf(':');
    if (colon === -1)
        return undefined;
    const key = text.slice(0, colon);
    if (!KEY.test(key) || NOT_STRINGS.has(key) || key === '__proto__')
        return undefined;
    const after = text.slice(colon + 1);
    if (after !== '' && !after.startsWith(' '))
        return undefined;
    return { key, rest: after.trim() };
}
/** The value after `key:` (`rest`), or a block list on the lines below it (deeper than `indent`). */
function value(rest, lines, at, indent) {
    if (rest === '') {
        const items = [];
        let next = at;
        const itemIndent = lines[next]?.indent ?? 0;
        while (next < lines.length && lines[next].indent > indent) {
            const line = lines[next];
            if (line.indent !== itemIndent || !line.text.startsWith('- '))
                return undefined;
            const item = scalar(line.text.slice(2).trim(), BLOCK_PLAIN);
            if (item === undefined)
                return undefined;
            items.push(item);
            next++;
        }
        return { value: next === at ? null : items, next };
    }
    if (rest.startsWith('[')) {
        const items = flowList(rest);
        return items ? { value: items, next: at } : undefined;
    }
    const item = scalar(rest, BLOCK_PLAIN);
    return item === undefined ? undefined : { value: item, next: at };
}
/** A quoted scalar (with nothing but a comment after it) or a plain one the given pattern accepts. */
function scalar(text, plain) {
    const quoted = quotedAt(text, 0);
    if (quoted)
        return isComment(text.slice(quoted.end)) ? quoted.value : undefined;
    if (!plain.test(text) || NOT_STRINGS.has(text) || text.includes(': ') || text.endsWith(':'))
        return undefined;
    return text;
}
function isComment(tail) {
    return tail === '' || /^ +#/.test(tail);
}
/** `'…'` ('' is a quote) or `"…"` without escapes, starting at `start`. */
function quotedAt(text, start) {
    const quote = text.charAt(start);
    if (quote === '"') {
        const close = text.indexOf('"', start + 1);
        const body = text.slice(start + 1, close);
        if (close === -1 || body.includes('\\'))
            return undefined;
        return { value: body, end: close + 1 };
    }
    if (quote !== "'")
        return undefined;
    let value = '';
    for (let index = start + 1; index < text.length; index++) {
        const char = text.charAt(index);
        if (char !== "'") {
            value += char;
            continue;
        }
        if (text.charAt(index + 1) !== "'")
            return { value, end: index + 1 };
        value += "'";
        index++;
    }
    return undefined;
}
/** `[a, 'b', "c"]` on one line, optionally followed by a comment. */
function flowList(text) {
    const items = [];
    let index = 1;
    const skipSpaces = () => {
        while (text.charAt(index) === ' ')
            index++;
    };
    skipSpaces();
    if (text.charAt(index) === ']')
        return isComment(text.slice(index + 1)) ? items : undefined;
    for (;;) {
        skipSpaces();
        const quoted = quotedAt(text, index);
        if (quoted) {
            items.push(quoted.value);
            index = quoted.end;
        }
        else {
            let end = index;
            while (end < text.length && !',] '.includes(text.charAt(end)))
                end++;
            const item = text.slice(index, end);
            if (!FLOW_PLAIN.test(item) || NOT_STRINGS.has(item))
                return undefined;
            items.push(item);
            index = end;
        }
        skipSpaces();
        const separator = text.charAt(index++);
        if (separator === ']')
            return isComment(text.slice(index)) ? items : undefined;
        if (separator !== ',')
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/core/detect/manifest.ts








const CHANGE_TYPES = ['added', 'modified', 'deleted', 'renamed'];
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KNOWN_SERVICE_KEYS = new Set(['path', 'include', 'exclude', 'depends-on', 'kind', 'change-types']);
const TOP_LEVEL_KEYS = new Set(['global', 'services']);
/** Matrix keys the stage computes; a manifest may override all but `service`. */
const RESERVED_FIELDS = new Set(['service']);
/**
 * Parses `.aegis/services.yaml`. Every problem is a FileError naming the file, the line and
 * the service, raised before anything is compared or written.
 */
function parseManifest(text, file) {
    return parsePlainManifest(text, file) ?? parseYamlManifest(text, file);
}
/**
 * The common case without the `yaml` library (see plain-manifest.ts). Any problem, even one
 * this could name, is left to parseYamlManifest so that every message is the same.
 */
function parsePlainManifest(text, file) {
    const plain = readPlainManifest(text);
    if (!plain?.services)
        return undefined;
    try {
        const global = stringList(plain.global?.value, 'global', file, plain.global?.line).map((pattern) => (0,detect_globs/* checkPattern */.rg)(pattern, (value, problem) => new errors/* FileError */.f6(file, `global: glob ${JSON.stringify(value)}: ${problem}`)));
        const services = plain.services.items.map(({ key, line, entry }) => {
            if (!SERVICE_NAME.test(key))
                throw new errors/* FileError */.f6(file, 'invalid service name', line);
            return parseService(key, entry, file, line);
        });
        return { file, global, services };
    }
    catch {
        return undefined;
    }
}
/** The manifest through the `yaml` library: any YAML, every error with its line. */
function parseYamlManifest(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    // yaml's own uniqueKeys check compares every key with every other (quadratic: a quarter of
    // a second at 2,000 services), so duplicates are found with a set below.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false });
    const lineOf = (node) => {
        const range = node?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        throw new errors/* FileError */.f6(file, `not valid YAML: ${first?.message.split('\n')[0]}`, first ? lineCounter.linePos(first.pos[0]).line : undefined);
    }
    if (text.includes('\0'))
        throw new errors/* FileError */.f6(file, 'contains a NUL byte: not a YAML file');
    if (!(0,dist/* isMap */.jh)(doc.contents))
        throw new errors/* FileError */.f6(file, "expected a mapping with 'services' (and optionally 'global')");
    const root = doc.contents;
    refuseDuplicateKeys(root, file, lineOf);
    for (const pair of root.items) {
        const key = String(pair.key?.value ?? pair.key);
        if (!TOP_LEVEL_KEYS.has(key))
            throw new errors/* FileError */.f6(file, `unknown top-level key '${key}': expected 'services' or 'global'`, lineOf(pair.key));
    }
    const globalNode = root.get('global', true);
    const global = stringList(resolved(doc, globalNode, file, lineOf(globalNode)), 'global', file, lineOf(globalNode)).map((pattern) => (0,detect_globs/* checkPattern */.rg)(pattern, (value, problem) => new errors/* FileError */.f6(file, `global: glob ${JSON.stringify(value)}: ${problem}`, lineOf(globalNode))));
    const servicesNode = root.get('services', true);
    if (!(0,dist/* isMap */.jh)(servicesNode))
        throw new errors/* FileError */.f6(file, "'services' must be a mapping of service name to settings", lineOf(servicesNode));
    refuseDuplicateKeys(servicesNode, file, lineOf);
    const services = [];
    for (const pair of servicesNode.items) {
        const name = String(pair.key?.value ?? pair.key);
        const line = lineOf(pair.key);
        if (!SERVICE_NAME.test(name)) {
            throw new errors/* FileError */.f6(file, `service name '${name}' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'`, line);
        }
        if (!(0,dist/* isMap */.jh)(pair.value))
            throw new errors/* FileError */.f6(file, `service '${name}': expected a mapping with at least 'path'`, line);
        refuseDuplicateKeys(pair.value, file, lineOf);
        services.push(parseService(name, resolved(doc, pair.value, file, line), file, line));
    }
    return { file, global, services };
}
/** A node as plain data with its aliases resolved against the document (`image: *img` is the anchored value). */
function resolved(doc, node, file, line) {
    if (!(0,dist/* isNode */.Ll)(node))
        return node;
    try {
        return node.toJS(doc, { maxAliasCount: plain/* MAX_ALIASES */.K });
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `expands to too much data through YAML aliases (${error.message}); write the values out instead of aliasing them`, line);
    }
}
function parseService(name, entry, file, line) {
    const where = `service '${name}'`;
    const fail = (message) => new errors/* FileError */.f6(file, `${where}: ${message}`, line);
    const path = entry.path;
    if (typeof path !== 'string' || path.trim() === '')
        throw fail("'path' is required: the service's directory relative to the repository root");
    const normalisedPath = path
        .trim()
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
    if (normalisedPath === '' || normalisedPath.startsWith('/') || normalisedPath.split('/').includes('..')) {
        throw fail(`'path' ${JSON.stringify(path)} must be a directory inside the repository (relative, no '..')`);
    }
    const globs = (key) => stringList(entry[key], `${where}: '${key}'`, file, line).map((pattern) => (0,detect_globs/* checkPattern */.rg)(pattern, (value, problem) => fail(`'${key}' glob ${JSON.stringify(value)}: ${problem}`)));
    const include = entry.include === undefined
        ? [`${(0,detect_globs/* escapeGlob */.yk)(normalisedPath)}/**`] // the path is a directory name, never a glob
        : globs('include');
    if (include.length === 0)
        throw fail("'include' is empty: the service could never change");
    const kind = entry.kind ?? 'service';
    if (kind !== 'service' && kind !== 'library')
        throw fail(`'kind' is ${JSON.stringify(kind)}: expected 'service' or 'library'`);
    let changeTypes;
    if (entry['change-types'] !== undefined) {
        changeTypes = stringList(entry['change-types'], `${where}: 'change-types'`, file, line).map((type) => {
            if (!CHANGE_TYPES.includes(type))
                throw fail(`'change-types' has ${JSON.stringify(type)}: expected any of ${CHANGE_TYPES.join(', ')}`);
            return type;
        });
    }
    const dependsOn = stringList(entry['depends-on'], `${where}: 'depends-on'`, file, line);
    const fields = {};
    for (const [key, value] of Object.entries(entry)) {
        if (KNOWN_SERVICE_KEYS.has(key))
            continue;
        if (RESERVED_FIELDS.has(key))
            throw fail(`'${key}' is set by detect and cannot be given in the manifest`);
        fields[key] = value;
    }
    return { name, path: normalisedPath, kind, include, exclude: globs('exclude'), changeTypes, dependsOn, fields, line };
}
function refuseDuplicateKeys(map, file, lineOf) {
    const seen = new Set();
    for (const pair of map.items) {
        const key = String(pair.key?.value ?? pair.key);
        if (seen.has(key))
            throw new errors/* FileError */.f6(file, `not valid YAML: map keys must be unique ('${key}' is repeated)`, lineOf(pair.key));
        seen.add(key);
    }
}
function stringList(value, what, file, line) {
    const plain = (0,dist/* isSeq */.oP)(value) ? value.toJSON() : value && typeof value === 'object' && 'toJSON' in value ? value.toJSON() : value;
    if (plain === undefined || plain === null)
        return [];
    if (typeof plain === 'string')
        return [plain];
    if (Array.isArray(plain) && plain.every((item) => typeof item === 'string'))
        return plain;
    throw new errors/* FileError */.f6(file, `${what} must be a list of strings`, line);
}
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/**
 * Without a manifest: every directory matching one of `patterns` that holds `marker` is a
 * service named after the directory, with the defaults a manifest entry would have.
 */
function discoverServices(root, options) {
    const services = new Map();
    for (const pattern of options.patterns) {
        const isMatch = picomatch_default()(pattern, { dot: false });
        const scan = picomatch_default().scan(pattern);
        const start = scan.isGlob ? scan.base : pattern;
        const maxDepth = pattern.includes('**') ? Number.POSITIVE_INFINITY : pattern.split('/').length;
        const visit = (relative, depth) => {
            const absolute = (0,external_node_path_.join)(root, relative);
            if ((relative === pattern || isMatch(relative)) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(absolute, options.marker))) {
                const name = relative.split('/').pop();
                const existing = services.get(name);
                if (existing && existing.path !== relative) {
                    throw new errors/* FileError */.f6(relative, `two discovered services are both named '${name}' (${existing.path} and ${relative}); add an .aegis/services.yaml to name them`);
                }
                services.set(name, {
                    name,
                    path: relative,
                    kind: 'service',
                    include: [`${(0,detect_globs/* escapeGlob */.yk)(relative)}/**`],
                    exclude: [],
                    dependsOn: [],
                    fields: {},
                });
            }
            if (depth >= maxDepth)
                return;
            let entries;
            try {
                entries = (0,external_node_fs_.readdirSync)(absolute);
            }
            catch {
                return;
            }
            for (const entry of entries.sort()) {
                if (SKIPPED_DIRECTORIES.has(entry))
                    continue;
                const child = relative === '' ? entry : `${relative}/${entry}`;
                if ((0,external_node_fs_.statSync)((0,external_node_path_.join)(root, child), { throwIfNoEntry: false })?.isDirectory())
                    visit(child, depth + 1);
            }
        };
        visit(start, start === '' ? 0 : start.split('/').length);
    }
    return { global: [], services: [...services.values()].filter((service) => SERVICE_NAME.test(service.name)) };
}


/***/ }),

/***/ 5723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ MAX_ALIASES),
/* harmony export */   l: () => (/* binding */ plainData)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** Most aliases one YAML file may expand (yaml's maxAliasCount). */
const MAX_ALIASES = 100;
/**
 * A parsed document as plain data. Aliases are expanded here, so a "billion laughs" document
 * (a few hundred bytes of nested aliases) is refused with the file named, not a ReferenceError.
 */
function plainData(document, file) {
    try {
        return document.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FileError */ .f6(file, `expands to too much data through YAML aliases (${error.message}); write the values out instead of aliasing them`);
    }
}


/***/ })

};
