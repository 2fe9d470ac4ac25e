import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { formatChangedFiles, quotePath } from '../../src/core/detect/changed-files.js';
import { byCodePoint, type ChangedPath, parseNameStatus, uniquePaths } from '../../src/core/detect/changes.js';
import { NO_CHANGES_JOB, parseChildPipelineTemplate, renderChildPipeline } from '../../src/core/detect/child-pipeline.js';
import { filtersManifest, matchFilters, parseFilters } from '../../src/core/detect/filters.js';
import { checkPattern, compileRule, compileRuleList, matchesRules } from '../../src/core/detect/globs.js';
import { dependentsOf, propagate } from '../../src/core/detect/graph.js';
import { discoverServices, type Manifest, parseManifest } from '../../src/core/detect/manifest.js';
import { PathMatcher } from '../../src/core/detect/matcher.js';
import { describeReason, type MatrixEntry, ServiceSelector, selectServices } from '../../src/core/detect/select.js';
import { tempDir } from '../helpers/git.js';
import { REFERENCE_SCHEMAS } from '../helpers/reference.js';

const ALL_TYPES = ['added', 'modified', 'deleted', 'renamed'] as const;
const fail = (pattern: string, problem: string) => new Error(`${pattern}: ${problem}`);
const modified = (...paths: string[]): ChangedPath[] => paths.map((path) => ({ path, type: 'modified' }));

describe('glob checks', () => {
  test.each([
    ['services/api/**', 'services/api/**'],
    ['./services/api/**', 'services/api/**'],
    ['!**/*.md', '!**/*.md'],
    ['package-lock.json', 'package-lock.json'],
  ])('%s is accepted as %s', (pattern, expected) => {
    expect(checkPattern(pattern, fail)).toBe(expected);
  });

  test.each([
    ['', 'empty'],
    ['/abs/**', 'must not start with /'],
    ['services/../x/**', "'..'"],
    ['!!x', 'negated only once'],
    ['services/[api/**', 'not a valid glob'],
    ['services/{a,b/**', 'not a valid glob'],
  ])('%j is refused (%s)', (pattern, problem) => {
    expect(() => checkPattern(pattern, fail)).toThrow(problem);
  });
});

describe('include/exclude semantics: the last matching pattern wins', () => {
  test.each([
    // include, exclude, path, expected
    [['services/api/**'], [], 'services/api/src/a.ts', true],
    [['services/api/**'], [], 'services/api2/a.ts', false],
    [['services/api/**'], ['**/*.md'], 'services/api/README.md', false],
    [['services/api/**'], ['**/*.md', '!services/api/CHANGELOG.md'], 'services/api/CHANGELOG.md', true],
    [['services/api/**', '!services/api/docs/**'], [], 'services/api/docs/x.txt', false],
    [['services/api/**', '!services/api/docs/**', 'services/api/docs/openapi.yaml'], [], 'services/api/docs/openapi.yaml', true],
    [['!services/api/docs/**', 'services/api/**'], [], 'services/api/docs/x.txt', true],
    [['proto/worker'], [], 'proto/worker/a.proto', true],
    [['proto/worker'], [], 'proto/workers/a.proto', false],
    [['package-lock.json'], [], 'package-lock.json', true],
    [['services/*/Dockerfile'], [], 'services/api/Dockerfile', true],
    [['services/*/Dockerfile'], [], 'services/api/sub/Dockerfile', false],
    [['services/api/**'], [], 'services/api/.env', true],
    [['**/*.proto'], [], 'a/b/c.proto', true],
  ] as const)('include %j exclude %j: %s → %s', (include, exclude, path, expected) => {
    const rules = compileRuleList(
      include.map((p) => checkPattern(p, fail)),
      exclude.map((p) => checkPattern(p, fail)),
    );
    expect(matchesRules(rules, path)).toBe(expected);
  });
});

describe('service paths are directory names, matched literally (only include/exclude are globs)', () => {
  const manifest = parseManifest(
    `services:
  legacy: {path: 'services/[legacy]'}
  paren: {path: 'a(b)'}
  question: {path: 'q?'}
  brace: {path: 'x{y}'}
  star: {path: 'stars/*'}
  bang: {path: 'svc/!important'}
  plus: {path: 'c++'}
  escaped-include: {path: 'other', include: ['services/\\[legacy\\]/docs/**']}
`,
    'm.yaml',
  );
  const select = (...paths: string[]) => selectServices({ manifest, changes: modified(...paths), changeTypes: [...ALL_TYPES] }).services;
  test.each([
    ['services/[legacy]/main.go', ['legacy']],
    ['services/[legacy]/docs/x.md', ['legacy', 'escaped-include']],
    ['services/l/main.go', []],
    ['a(b)/x', ['paren']],
    ['ab/x', []],
    ['q?/x', ['question']],
    ['qq/x', []],
    ['x{y}/Dockerfile', ['brace']],
    ['xy/Dockerfile', []],
    ['stars/*/f', ['star']],
    ['stars/any/f', []],
    ['svc/!important/f', ['bang']],
    ['c++/main.cc', ['plus']],
  ])('%s → %j', (path, expected) => {
    expect(select(path)).toEqual(expected);
  });

  test('include globs keep their glob meaning, and backslash escapes make them literal', () => {
    const rules = (pattern: string) => compileRuleList([checkPattern(pattern, fail)], []);
    expect(matchesRules(rules('services/[lx]egacy/**'), 'services/legacy/a')).toBe(true);
    expect(matchesRules(rules('services/\\[lx\\]egacy/**'), 'services/[lx]egacy/a')).toBe(true);
    expect(matchesRules(rules('services/\\[lx\\]egacy/**'), 'services/legacy/a')).toBe(false);
    expect(matchesRules(rules('x\\{y\\}/*.go'), 'x{y}/a.go')).toBe(true);
  });
});

describe('PathMatcher (indexed) agrees with testing every path against every rule list', () => {
  const segment = fc.constantFrom('services', 'api', 'worker', 'libs', 'shared', 'docs', 'a', 'b.md', 'x.ts', '.github');
  const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
  const glob = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.constantFrom('services', 'api', 'worker', 'libs', 'docs', '*', '**', '*.md', '{api,worker}', 'a'), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([negated, parts]) => `${negated ? '!' : ''}${parts.join('/')}`);
  test('property', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(glob, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(path, { maxLength: 30 }),
        (lists, paths) => {
          const ruleLists = lists.map((list) => compileRuleList(list, []));
          const matcher = new PathMatcher(ruleLists);
          for (const file of paths) {
            const brute = ruleLists.flatMap((rules, index) => (matchesRules(rules, file) ? [index] : []));
            expect(matcher.match(file).sort((a, b) => a - b)).toEqual(brute);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property, paths in the sorted order git lists them, one array for all (the ancestor kept between paths)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(glob, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(path, { maxLength: 30 }),
        (lists, paths) => {
          const ruleLists = lists.map((list) => compileRuleList(list, []));
          const matcher = new PathMatcher(ruleLists);
          const owners: number[] = [];
          for (const file of [...new Set(paths)].sort()) {
            const brute = ruleLists.flatMap((rules, index) => (matchesRules(rules, file) ? [index] : []));
            owners.length = 0;
            matcher.collect(file, owners);
            expect(owners.sort((a, b) => a - b)).toEqual(brute);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a shallow directory, then deeper ones under it, then a sibling: each gets its own candidates', () => {
    const ruleLists = [compileRuleList(['a/b/**'], []), compileRuleList(['a/*.ts'], []), compileRuleList(['a/bc/**'], [])];
    const matcher = new PathMatcher(ruleLists);
    const owners = (file: string) => matcher.match(file).sort();
    expect(['a/x.ts', 'a/b/y.ts', 'a/b/c/z.ts', 'a/bc/w.ts', 'a/b.ts', 'ab/x.ts'].map(owners)).toEqual([[1], [0], [0], [2], [1], []]);
  });
});

describe('compiled globs agree with picomatch (dot files included)', () => {
  const segment = fc.constantFrom('a', 'b.md', 'x.ts', '.env', 'docs', 'READ.md.txt', 'md');
  const path = fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([parts, slash]) => `${parts.join('/')}${slash ? '/' : ''}`);
  const glob = fc
    .array(
      fc.constantFrom('a', '*', '**', '*.md', '**/*.md', 'docs', '?.ts', '*.{md,ts}', '.env', 'x.t[s]', '\\.md', '[!b]*.md', '+(a|b).md'),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .map((parts) => parts.join('/'));
  test('property', () => {
    fc.assert(
      fc.property(glob, fc.array(path, { maxLength: 20 }), (pattern, paths) => {
        const rule = compileRule(pattern);
        // literal and `dir/**` patterns are directory names by design; the regex-backed kind is picomatch's
        fc.pre(rule.kind === 'glob');
        const reference = picomatch(pattern, { dot: true });
        for (const file of paths) expect(rule.test(file), `${pattern} on ${file}`).toBe(reference(file));
      }),
      { numRuns: 500 },
    );
  });
});

describe('rename detection is asked of git only when a change-types list tells a rename apart', () => {
  const manifest = (changeTypes?: string) =>
    parseManifest(
      `services:\n  api:\n    path: services/api\n${changeTypes ? `    change-types: [${changeTypes}]\n` : ''}`,
      '.aegis/services.yaml',
    );
  test.each([
    ['the default change-types (all four)', manifest(), ALL_TYPES, false],
    ['a service without renamed', manifest('added, modified, deleted'), ALL_TYPES, true],
    ['a service with only renamed', manifest('renamed'), ALL_TYPES, true],
    ['defaults without renamed', manifest(), ['added', 'modified', 'deleted'], true],
    ['defaults of modified only: a rename selects nothing either way', manifest(), ['modified'], false],
  ] as const)('%s', (_name, spec, defaults, expected) => {
    expect(new ServiceSelector(spec, [], defaults).distinguishesRenames).toBe(expected);
  });
  test.each([
    ['backend: backend/**', false],
    ['backend:\n  - added|modified|deleted|renamed: backend/**', false],
    ['backend:\n  - renamed: backend/**', true],
    ['backend:\n  - added: backend/**', true],
  ])('filters %j', (text, expected) => {
    const filters = parseFilters(text, 'filters');
    const selector = new ServiceSelector(filtersManifest(filters, 'filters'), [], ALL_TYPES, { filters, quantifier: 'some' });
    expect(selector.distinguishesRenames).toBe(expected);
  });

  test('where it does not, a rename seen as a deletion plus an addition selects the same services, with the same counts', () => {
    const spec = parseManifest(MANIFEST.replace('    change-types: [added, modified]\n', ''), '.aegis/services.yaml');
    const selector = new ServiceSelector(spec, [], ALL_TYPES);
    expect(selector.distinguishesRenames).toBe(false);
    const renamed = selector.select([
      { path: 'services/api/a.ts', type: 'renamed' },
      { path: 'services/worker/a.ts', type: 'renamed' },
    ]);
    const split = selector.select([
      { path: 'services/api/a.ts', type: 'deleted' },
      { path: 'services/worker/a.ts', type: 'added' },
    ]);
    expect(split).toEqual(renamed);
  });
});

const MANIFEST = `
global: ['.github/workflows/**', 'package-lock.json']
services:
  api:
    path: services/api
    depends-on: [shared-lib]
    image: registry.example.com/aegis/api
    team: payments
  worker:
    path: services/worker
    include: ['services/worker/**', 'proto/worker/**']
    exclude: ['**/*.md']
    depends-on: [shared-lib]
  web:
    path: services/web
    dockerfile: docker/web.Dockerfile
    context: .
    change-types: [added, modified]
  shared-lib:
    path: libs/shared
    kind: library
    depends-on: [base-lib]
  base-lib:
    path: libs/base
    kind: library
`;

describe('manifest', () => {
  const manifest = parseManifest(MANIFEST, '.aegis/services.yaml');

  test('parses services with defaults, extra fields and global globs', () => {
    expect(manifest.global).toEqual(['.github/workflows/**', 'package-lock.json']);
    expect(manifest.services.map((service) => service.name)).toEqual(['api', 'worker', 'web', 'shared-lib', 'base-lib']);
    const api = manifest.services[0];
    expect(api).toMatchObject({
      path: 'services/api',
      include: ['services/api/**'],
      exclude: [],
      kind: 'service',
      dependsOn: ['shared-lib'],
    });
    expect(api?.fields).toEqual({ image: 'registry.example.com/aegis/api', team: 'payments' });
    expect(manifest.services[2]?.changeTypes).toEqual(['added', 'modified']);
  });

  test.each([
    ['services: []', "'services' must be a mapping"],
    ['servicess: {}', "unknown top-level key 'servicess'"],
    ['services:\n  api: {}', "service 'api': 'path' is required"],
    ['services:\n  api: {path: ../x}', 'must be a directory inside the repository'],
    ['services:\n  api: {path: a, include: ["a/[b"]}', `service 'api': 'include' glob "a/[b": not a valid glob`],
    ['services:\n  api: {path: a, exclude: "/x"}', 'must not start with /'],
    ['services:\n  api: {path: a, kind: app}', `'kind' is "app"`],
    ['services:\n  api: {path: a, change-types: [moved]}', `'change-types' has "moved"`],
    ['services:\n  api: {path: a, service: b}', "'service' is set by detect"],
    ['services:\n  "a b": {path: a}', "service name 'a b'"],
    ['services:\n  api: {path: a, depends-on: [1]}', "'depends-on' must be a list of strings"],
    ['global: ["a/[b"]\nservices: {}', 'global: glob "a/[b"'],
    ['services:\n  api: {path: a\n', 'not valid YAML'],
    ['services:\n  api: {path: a}\n  api: {path: b}', 'not valid YAML'],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseManifest(text, 'm.yaml')).toThrow(message);
    expect(() => parseManifest(text, 'm.yaml')).toThrow(/^m\.yaml/);
  });

  test('errors carry the line of the offending service', () => {
    expect(() => parseManifest('services:\n  ok: {path: a}\n  bad: {}\n', 'm.yaml')).toThrow(/^m\.yaml:3: service 'bad'/);
  });
});

describe('depends-on', () => {
  const spec = (name: string, dependsOn: string[] = []) => ({
    name,
    path: name,
    kind: 'service' as const,
    include: [`${name}/**`],
    exclude: [],
    dependsOn,
    fields: {},
  });

  test('an unknown service is named', () => {
    expect(() => dependentsOf([spec('api', ['shared'])], 'm.yaml')).toThrow(
      "service 'api' depends on 'shared', which is not a service in the manifest",
    );
  });

  test.each([
    [[spec('a', ['a'])], 'depends on itself'],
    [[spec('a', ['b']), spec('b', ['a'])], 'cycle: a → b → a'],
    [[spec('a', ['b']), spec('b', ['c']), spec('c', ['a'])], 'cycle: a → b → c → a'],
  ])('a cycle is an error (%#)', (services, message) => {
    expect(() => dependentsOf(services, 'm.yaml')).toThrow(message);
  });

  test('closure is transitive and records the shortest chain', () => {
    const services = [spec('base'), spec('shared', ['base']), spec('api', ['shared']), spec('web', ['base', 'shared']), spec('other')];
    const via = propagate(['base'], dependentsOf(services));
    expect(Object.fromEntries(via)).toEqual({ base: [], shared: ['base'], api: ['base', 'shared'], web: ['base'] });
  });
});

describe('selection', () => {
  const manifest = parseManifest(MANIFEST, '.aegis/services.yaml');
  const select = (changes: ChangedPath[] | { all: string }, global: string[] = []) =>
    selectServices({ manifest, changes, changeTypes: [...ALL_TYPES], global, imagePrefix: 'reg.example.com/team' });

  test.each([
    ['a service file', modified('services/api/main.go'), ['api'], ['api']],
    ['a doc excluded from worker', modified('services/worker/README.md'), [], []],
    ['an extra include', modified('proto/worker/jobs.proto'), ['worker'], ['worker']],
    ['a library: dependents, transitively', modified('libs/base/x.ts'), ['api', 'worker', 'shared-lib', 'base-lib'], ['api', 'worker']],
    ['a global file', modified('package-lock.json'), ['api', 'worker', 'web', 'shared-lib', 'base-lib'], ['api', 'worker', 'web']],
    ['nothing relevant', modified('README.md', 'docs/x.md'), [], []],
    [
      'a rename in web, whose change-types leave out renamed',
      [
        { path: 'services/web/a.ts', type: 'renamed' },
        { path: 'other/a.ts', type: 'renamed' },
      ],
      [],
      [],
    ],
    [
      'a rename into api',
      [
        { path: 'tmp/a.ts', type: 'renamed' },
        { path: 'services/api/a.ts', type: 'renamed' },
      ],
      ['api'],
      ['api'],
    ],
    ['a deletion ignored by web (change-types)', [{ path: 'services/web/a.ts', type: 'deleted' }], [], []],
    ['an addition in web', [{ path: 'services/web/a.ts', type: 'added' }], ['web'], ['web']],
  ] as const)('%s', (_name, changes, selected, matrix) => {
    const result = select([...changes]);
    expect(result.selected.map((service) => service.name).sort()).toEqual([...selected].sort());
    expect(result.services).toEqual(matrix);
  });

  test('a rename counts for the old path too', () => {
    const result = select([
      { path: 'services/api/a.ts', type: 'renamed' },
      { path: 'elsewhere/a.ts', type: 'renamed' },
    ]);
    expect(result.services).toEqual(['api']);
  });

  test('the global input adds to the manifest', () => {
    expect(select(modified('Makefile'), ['Makefile']).services).toEqual(['api', 'worker', 'web']);
  });

  test('matrix entries carry defaults and manifest fields', () => {
    const result = select(modified('services/api/a', 'services/web/b', 'services/worker/c'));
    expect(result.matrix.include).toEqual<MatrixEntry[]>([
      {
        service: 'api',
        path: 'services/api',
        context: 'services/api',
        dockerfile: 'services/api/Dockerfile',
        image: 'registry.example.com/aegis/api',
        team: 'payments',
      },
      {
        service: 'worker',
        path: 'services/worker',
        context: 'services/worker',
        dockerfile: 'services/worker/Dockerfile',
        image: 'reg.example.com/team/worker',
      },
      { service: 'web', path: 'services/web', context: '.', dockerfile: 'docker/web.Dockerfile', image: 'reg.example.com/team/web' },
    ]);
  });

  test('reasons say which files or which dependency', () => {
    const result = select(
      modified(
        'libs/base/a.ts',
        'services/api/1',
        'services/api/2',
        'services/api/3',
        'services/api/4',
        'services/api/5',
        'services/api/6',
      ),
    );
    const reasons = Object.fromEntries(result.selected.map((service) => [service.name, describeReason(service.reason)]));
    expect(reasons.api).toBe('6 files: `services/api/1`, `services/api/2`, `services/api/3`, `services/api/4`, `services/api/5` (+1 more)');
    expect(reasons.worker).toBe('depends on shared-lib → base-lib (changed)');
    expect(reasons['shared-lib']).toBe('depends on base-lib (changed)');
    expect(describeReason(select({ all: 'schedule' }).selected[0]?.reason as never)).toBe('every service: schedule');
    expect(describeReason(select(modified('package-lock.json')).selected[0]?.reason as never)).toBe('global: `package-lock.json`');
  });
});

describe('git diff --name-status -z', () => {
  test.each([
    ['M\0a.ts\0', [{ path: 'a.ts', type: 'modified' }]],
    [
      'A\0new file\0D\0old\0',
      [
        { path: 'new file', type: 'added' },
        { path: 'old', type: 'deleted' },
      ],
    ],
    [
      'R100\0from/a\0to/a\0',
      [
        { path: 'from/a', type: 'renamed' },
        { path: 'to/a', type: 'renamed' },
      ],
    ],
    ['C75\0src\0copy\0', [{ path: 'copy', type: 'added' }]],
    ['T\0link\0', [{ path: 'link', type: 'modified' }]],
    ['', []],
  ])('%j', (output, expected) => {
    expect(parseNameStatus(output)).toEqual(expected);
  });

  test('truncated output is an error', () => {
    expect(() => parseNameStatus('R100\0only-one\0')).toThrow('Unexpected end');
    expect(() => parseNameStatus('X\0a\0')).toThrow("Unexpected status 'X'");
  });
});

describe('changed-files order', () => {
  test.each<[string, ChangedPath[], string[]]>([
    [
      'no rename: as git listed them',
      [
        { path: 'b', type: 'modified' },
        { path: 'a', type: 'added' },
      ],
      ['b', 'a'],
    ],
    [
      'a rename to a path that sorts first: in path order, as git lists it without rename detection',
      [
        { path: 'services/web/x', type: 'renamed' },
        { path: 'services/api/x', type: 'renamed' },
        { path: 'services/db/y', type: 'modified' },
      ],
      ['services/api/x', 'services/db/y', 'services/web/x'],
    ],
    [
      'a path renamed away and another renamed onto it: once',
      [
        { path: 'a', type: 'renamed' },
        { path: 'b', type: 'renamed' },
        { path: 'b', type: 'renamed' },
        { path: 'c', type: 'renamed' },
      ],
      ['a', 'b', 'c'],
    ],
    [
      'characters beyond U+D800: in UTF-8 byte order, as git sorts them',
      [
        { path: 'x/\u{1f600}', type: 'renamed' },
        { path: 'x/\ue000', type: 'renamed' },
        { path: 'x/a', type: 'modified' },
      ],
      ['x/a', 'x/\ue000', 'x/\u{1f600}'],
    ],
  ])('%s', (_name, changes, expected) => {
    expect(uniquePaths(changes)).toEqual(expected);
  });

  test('paths sort by UTF-8 bytes, as git sorts them (not by UTF-16 code units)', () => {
    const paths = ['a/b', 'a-c', 'a', 'a.b/x', '\uffff', '\u{1f600}', '\ue000', 'é', 'z', 'a/\u{10000}', 'a/\ufffd'];
    const byBytes = [...paths].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...paths].sort(byCodePoint)).toEqual(byBytes);
    // The case plain string comparison gets wrong.
    expect(['\u{1f600}', '\ue000'].sort()).toEqual(['\u{1f600}', '\ue000']);
    expect(['\u{1f600}', '\ue000'].sort(byCodePoint)).toEqual(['\ue000', '\u{1f600}']);
  });
});

describe('child pipeline', () => {
  const schema = JSON.parse(readFileSync(join(REFERENCE_SCHEMAS, 'gitlab-ci.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  const entries: MatrixEntry[] = [
    {
      service: 'api',
      path: 'services/api',
      context: 'services/api',
      dockerfile: 'services/api/Dockerfile',
      image: 'reg/api',
      team: 'payments',
    },
    { service: 'worker', path: 'services/worker', context: '.', dockerfile: 'w.Dockerfile', image: 'reg/worker' },
  ];
  const TEMPLATE = `
stages: [build, test]
.base:
  image: alpine:3
build {{service}}:
  extends: .base
  stage: build
  script:
    - echo "building $AEGIS_SERVICE from $AEGIS_CONTEXT for {{ team }}"
test {{service}}:
  stage: test
  needs: ["build {{service}}"]
  variables: {AEGIS_IMAGE: overridden}
  script: ["echo test {{path}}"]
`;
  const template = parseChildPipelineTemplate(TEMPLATE, 'ci/child.yml');

  test('a job per service and template, shared keys once, valid against the GitLab CI schema', () => {
    const text = renderChildPipeline(template, entries, { base: 'a'.repeat(40), head: 'b'.repeat(40), reason: 'push' });
    const pipeline = parse(text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(pipeline)).toEqual(['stages', '.base', 'build api', 'test api', 'build worker', 'test worker']);
    expect(pipeline['build api']?.script).toEqual(['echo "building $AEGIS_SERVICE from $AEGIS_CONTEXT for payments"']);
    expect(pipeline['build worker']?.script).toEqual(['echo "building $AEGIS_SERVICE from $AEGIS_CONTEXT for "']);
    expect(pipeline['test worker']?.needs).toEqual(['build worker']);
    expect(pipeline['build api']?.variables).toMatchObject({
      AEGIS_SERVICE: { value: 'api', expand: false },
      AEGIS_IMAGE: { value: 'reg/api', expand: false },
    });
    expect(pipeline['test api']?.variables).toHaveProperty('AEGIS_IMAGE');
    expect((pipeline['test api']?.variables as Record<string, unknown> | undefined)?.AEGIS_IMAGE).toBe('overridden');
    expect(validate(pipeline), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  test('nothing changed: a single no-op job, valid, whose message cannot reach the shell as code', () => {
    const text = renderChildPipeline(template, [], { base: 'a'.repeat(40), head: 'b'.repeat(40), reason: 'push to feature/$(rm -rf ~)' });
    const pipeline = parse(text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(pipeline)).toEqual([NO_CHANGES_JOB]);
    expect(pipeline[NO_CHANGES_JOB]?.script).toEqual(['echo "$AEGIS_MESSAGE"']);
    expect((pipeline[NO_CHANGES_JOB]?.variables as Record<string, { expand: boolean }> | undefined)?.AEGIS_MESSAGE?.expand).toBe(false);
    expect(validate(pipeline), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  test('the schema check can fail (an unknown `when` is refused)', () => {
    expect(validate({ job: { script: ['x'], when: 'sometimes' } })).toBe(false);
  });

  test.each([
    ['- a\n- b', 'expected a GitLab CI mapping'],
    ['stages: [build]\nbuild:\n  script: [x]', 'no job template'],
    ['"build {{service}}": [x]', "job template 'build {{service}}' must be a mapping"],
    ['a: [', 'not valid YAML'],
  ])('template %j is refused: %s', (text, message) => {
    expect(() => parseChildPipelineTemplate(text, 'child.yml')).toThrow(message);
  });

  test('job names that collide are refused', () => {
    const colliding = parseChildPipelineTemplate('"build {{kind}}":\n  script: [x]', 'child.yml');
    expect(() => renderChildPipeline(colliding, entries, { head: 'b'.repeat(40), reason: 'x' })).toThrow("gives the name 'build ' twice");
  });
});

describe('discovery without a manifest', () => {
  const root = tempDir('aegis-detect-discover-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
  };
  write('services/api/Dockerfile');
  write('services/worker/Dockerfile');
  write('services/notes/README.md');
  write('apps/web/Containerfile');
  write('apps/deep/inner/Containerfile');

  test('every services/* directory with a Dockerfile', () => {
    const manifest: Manifest = discoverServices(root, { patterns: ['services/*'], marker: 'Dockerfile' });
    expect(manifest.services.map((service) => [service.name, service.path, service.include])).toEqual([
      ['api', 'services/api', ['services/api/**']],
      ['worker', 'services/worker', ['services/worker/**']],
    ]);
  });

  test('configurable patterns and marker', () => {
    expect(discoverServices(root, { patterns: ['apps/**'], marker: 'Containerfile' }).services.map((service) => service.path)).toEqual([
      'apps/deep/inner',
      'apps/web',
    ]);
    expect(discoverServices(root, { patterns: ['apps/*'], marker: 'Containerfile' }).services.map((service) => service.path)).toEqual([
      'apps/web',
    ]);
  });
});

describe('changed-files formats', () => {
  const paths = ['a.txt', 'new\nline.txt', 'q"uote', 'back\\slash', 'tab\there', 'ünï'];
  test('lines: one line per path, C-quoted where git quotes', () => {
    expect(formatChangedFiles(paths, 'lines')).toBe('a.txt\n"new\\nline.txt"\n"q\\"uote"\n"back\\\\slash"\n"tab\\there"\nünï\n');
    expect(formatChangedFiles([], 'lines')).toBe('');
  });
  test('nul and json round-trip every name', () => {
    expect(formatChangedFiles(paths, 'nul').split('\0').slice(0, -1)).toEqual(paths);
    expect(JSON.parse(formatChangedFiles(paths, 'json'))).toEqual(paths);
  });
  test('one path that needs quoting in a long list: only that one is quoted', () => {
    const many = [...Array.from({ length: 1000 }, (_, index) => `services/s${index}/f.ts`), 'bad\u007fname', 'z.ts'];
    expect(formatChangedFiles(many, 'lines')).toBe(`${many.slice(0, 1000).join('\n')}\n"bad\\177name"\nz.ts\n`);
  });
  test('a path that needs no quoting is unchanged', () => {
    expect(quotePath('services/[legacy]/a b.txt')).toBe('services/[legacy]/a b.txt');
  });
});

describe("filters: dorny/paths-filter's own filter test cases (test/fixtures/detect/paths-filter)", () => {
  const cases = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/detect/paths-filter/filter-cases.json'), 'utf8')) as {
    matching: {
      name: string;
      yaml: string;
      quantifier?: 'some' | 'every';
      files: [string, string][];
      expected: Record<string, string[]>;
    }[];
    invalid: { name: string; yaml: string }[];
  };
  test.each(cases.matching)('$name', ({ yaml, quantifier, files, expected }) => {
    const changes = files.map(([path, type]) => ({ path, type }) as ChangedPath);
    const matched = matchFilters(parseFilters(yaml, 'filters'), changes, quantifier ?? 'some');
    for (const [name, paths] of Object.entries(expected)) expect(matched.get(name)?.map((change) => change.path)).toEqual(paths);
  });
  test.each(cases.invalid)('$name', ({ yaml }) => {
    expect(() => parseFilters(yaml, 'filters')).toThrow(/^filters/);
  });
  test('filters select services by name, with per-filter reasons', () => {
    const filters = parseFilters("backend: ['backend/**']\nfrontend: ['frontend/**']\n", 'filters');
    const result = selectServices({
      manifest: filtersManifest(filters, 'filters'),
      changes: modified('backend/a.go'),
      changeTypes: [...ALL_TYPES],
    });
    expect(result.services).toEqual(['backend']);
  });
});
