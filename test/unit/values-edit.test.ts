import { describe, expect, test } from 'vitest';
import { FileError, InputError } from '../../src/core/errors.js';
import { formatPath, type PathSegment, parseSetLines, SET_LINE_EXPECTED, setValue, setValues } from '../../src/core/yaml/values.js';

const FILE = 'charts/api/values-dev.yaml';
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('parseSetLines', () => {
  test('file, path and value; comments, blank lines and CRLF skipped', () => {
    const text = [
      '# dev values',
      'values.yaml:image.tag=1.4.3',
      '',
      '  charts/api/values.yaml : containers[0].image = registry:5000/api:1.0 ',
      'v.yaml:podAnnotations.app\\.kubernetes\\.io/version=1.2=3',
      'v.yaml:matrix[1][0]=x',
      'v.yaml:empty=',
    ].join('\r\n');
    expect(parseSetLines(text)).toEqual([
      { file: 'values.yaml', path: ['image', 'tag'], value: '1.4.3', line: 'values.yaml:image.tag=1.4.3' },
      {
        file: 'charts/api/values.yaml',
        path: ['containers', 0, 'image'],
        value: 'registry:5000/api:1.0',
        line: 'charts/api/values.yaml : containers[0].image = registry:5000/api:1.0',
      },
      {
        file: 'v.yaml',
        path: ['podAnnotations', 'app.kubernetes.io/version'],
        value: '1.2=3',
        line: 'v.yaml:podAnnotations.app\\.kubernetes\\.io/version=1.2=3',
      },
      { file: 'v.yaml', path: ['matrix', 1, 0], value: 'x', line: 'v.yaml:matrix[1][0]=x' },
      { file: 'v.yaml', path: ['empty'], value: '', line: 'v.yaml:empty=' },
    ]);
  });

  test('an escaped "=" belongs to the key', () => {
    expect(parseSetLines('v.yaml:a\\=b=c')).toEqual([{ file: 'v.yaml', path: ['a=b'], value: 'c', line: 'v.yaml:a\\=b=c' }]);
  });

  test.each<[string, RegExp]>([
    ['image.tag=1', /missing "<file>:"/],
    ['image.tag=reg:5000/app', /missing "<file>:"/],
    [':image.tag=1', /missing "<file>:"/],
    ['v.yaml:image.tag', /missing "=<value>"/],
    ['v.yaml:=1', /the path is empty/],
    ['v.yaml:image..tag=1', /empty key/],
    ['v.yaml:.image=1', /empty key/],
    ['v.yaml:image.=1', /empty key/],
    ['v.yaml:a[x]=1', /"\[x" is not a sequence index/],
    ['v.yaml:a[-1]=1', /not a sequence index/],
    ['v.yaml:a[01]=1', /not a sequence index/],
    ['v.yaml:a[1=1', /not a sequence index/],
    ['v.yaml:a[0]b=1', /expected "\." or "\[" after "\]"/],
    ['v.yaml:a]=1', /unexpected "\]"/],
    ['v.yaml:a\\', /missing "=<value>"/],
  ])('%s is refused', (line, detail) => {
    let error: unknown;
    try {
      parseSetLines(line);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ input: 'set', value: line, expected: SET_LINE_EXPECTED, detail: expect.stringMatching(detail) });
  });

  test('the same file and path twice is refused', () => {
    expect(() => parseSetLines('v.yaml:image.tag=1\nv.yaml:image.tag=2', 'helm-set')).toThrow(
      /Input 'helm-set' .*v\.yaml:image\.tag is set twice/,
    );
    expect(parseSetLines('a.yaml:image.tag=1\nb.yaml:image.tag=2')).toHaveLength(2);
  });

  test.each<[PathSegment[], string]>([
    [['image', 'tag'], 'image.tag'],
    [['containers', 0, 'image'], 'containers[0].image'],
    [['a.b', 'c[d]', 'e=f\\g'], 'a\\.b.c\\[d\\].e\\=f\\\\g'],
    [[0, 'x'], '[0].x'],
  ])('formatPath %j = %s, and parses back', (path, text) => {
    expect(formatPath(path)).toBe(text);
    expect(parseSetLines(`v.yaml:${text}=1`)[0]?.path).toEqual(path);
  });
});

describe('setValue splices one scalar', () => {
  test.each<[string, string, PathSegment[], string, string, string | null]>([
    [
      'double quotes kept',
      yaml('image:', '  tag: "1.0" # pinned'),
      ['image', 'tag'],
      '1.1',
      yaml('image:', '  tag: "1.1" # pinned'),
      '1.0',
    ],
    ['single quotes kept', yaml('image:', "  tag: '1.0'"), ['image', 'tag'], "it's", yaml('image:', "  tag: 'it''s'"), '1.0'],
    ['plain stays plain', yaml('image:', '  tag: v1.0'), ['image', 'tag'], 'v1.1', yaml('image:', '  tag: v1.1'), 'v1.0'],
    [
      'plain that would read as a number is quoted',
      yaml('image:', '  tag: v1.0'),
      ['image', 'tag'],
      '1.10',
      yaml('image:', '  tag: "1.10"'),
      'v1.0',
    ],
    [
      'float tag replaced by a string that keeps its text',
      yaml('image:', '  tag: 1.9'),
      ['image', 'tag'],
      '1.10',
      yaml('image:', '  tag: "1.10"'),
      '1.9',
    ],
    ['an integer stays an integer', yaml('replicaCount: 2 # min'), ['replicaCount'], '3', yaml('replicaCount: 3 # min'), '2'],
    ['a non-canonical number becomes a string', yaml('replicaCount: 2'), ['replicaCount'], '3.0', yaml('replicaCount: "3.0"'), '2'],
    ['a boolean stays a boolean', yaml('enabled: false'), ['enabled'], 'true', yaml('enabled: true'), 'false'],
    ['a number replaced by a word', yaml('replicaCount: 2'), ['replicaCount'], 'auto', yaml('replicaCount: auto'), '2'],
    ['null value (~)', yaml('image:', '  tag: ~'), ['image', 'tag'], '1.2', yaml('image:', '  tag: "1.2"'), null],
    [
      'null value (empty)',
      yaml('image:', '  tag:', '  pullPolicy: IfNotPresent'),
      ['image', 'tag'],
      'v1',
      yaml('image:', '  tag: v1', '  pullPolicy: IfNotPresent'),
      null,
    ],
    ['empty string value', yaml('image:', '  tag: ""'), ['image', 'tag'], 'v1', yaml('image:', '  tag: "v1"'), ''],
    ['empty new value', yaml('image:', '  tag: v1'), ['image', 'tag'], '', yaml('image:', '  tag: ""'), 'v1'],
    ['value needing quotes', yaml('args: x'), ['args'], 'a: b # c', yaml('args: "a: b # c"'), 'x'],
    [
      'sequence item in a mapping',
      yaml('containers:', '  - name: a', '    image: a:1', '  - name: b', '    image: b:1'),
      ['containers', 1, 'image'],
      'b:2',
      yaml('containers:', '  - name: a', '    image: a:1', '  - name: b', '    image: b:2'),
      'b:1',
    ],
    ['flow sequence item', yaml('args: [--a, --b]'), ['args', 1], 'x,y', yaml('args: [--a, "x,y"]'), '--b'],
    [
      'flow mapping value',
      yaml('image: {repository: api, tag: v1}'),
      ['image', 'tag'],
      'v2',
      yaml('image: {repository: api, tag: v2}'),
      'v1',
    ],
    ['empty sequence item', yaml('args:', '-', '- b'), ['args', 0], 'a', yaml('args:', '- a', '- b'), null],
    ['root sequence', yaml('- a', '- b'), [1], 'c', yaml('- a', '- c'), 'b'],
    [
      'escaped key with dots',
      yaml('podAnnotations:', '  app.io/v: "1"'),
      ['podAnnotations', 'app.io/v'],
      '2',
      yaml('podAnnotations:', '  app.io/v: "2"'),
      '1',
    ],
    ['numeric key', yaml('ports:', '  80: http'), ['ports', '80'], 'web', yaml('ports:', '  80: web'), 'http'],
    [
      'alias replaced, anchor untouched',
      yaml('base: &t v1', 'image:', '  tag: *t'),
      ['image', 'tag'],
      'v2',
      yaml('base: &t v1', 'image:', '  tag: v2'),
      'v1',
    ],
    ['anchor kept on the value', yaml('image:', '  tag: &t v1'), ['image', 'tag'], 'v2', yaml('image:', '  tag: &t v2'), 'v1'],
    ['CRLF', 'image:\r\n  tag: v1\r\n# end\r\n', ['image', 'tag'], 'v2', 'image:\r\n  tag: v2\r\n# end\r\n', 'v1'],
    ['literal block', yaml('note: |', '  old', 'x: 1'), ['note'], 'new', yaml('note: new', 'x: 1'), 'old\n'],
    // adding the last key of a path
    [
      'missing key added with the siblings’ indentation',
      yaml('image:', '    repository: api # repo', 'x: 1'),
      ['image', 'tag'],
      '1.2',
      yaml('image:', '    repository: api # repo', '    tag: "1.2"', 'x: 1'),
      null,
    ],
    [
      'missing key added to a flow mapping',
      yaml('image: {repository: api}'),
      ['image', 'tag'],
      'v1',
      yaml('image: {repository: api, tag: v1}'),
      null,
    ],
    ['missing key added to an empty flow mapping', yaml('image: {}'), ['image', 'tag'], 'v1', yaml('image: {tag: v1}'), null],
    ['missing key added at the root, no final newline', 'a: 1', ['tag'], 'v1', 'a: 1\ntag: v1', null],
    [
      'missing key added in a sequence item',
      yaml('containers:', '- name: a', 'x: 1'),
      ['containers', 0, 'image'],
      'a:1',
      yaml('containers:', '- name: a', '  image: a:1', 'x: 1'),
      null,
    ],
    [
      'missing key with CRLF',
      'image:\r\n  repository: api\r\n',
      ['image', 'tag'],
      'v1',
      'image:\r\n  repository: api\r\n  tag: v1\r\n',
      null,
    ],
  ])('%s', (_title, input, path, value, output, previous) => {
    expect(setValue(input, FILE, path, value)).toEqual({ content: output, previous, changed: true });
  });

  test.each<[string, PathSegment[], string]>([
    [yaml('image:', '  tag: "1.0" # c'), ['image', 'tag'], '1.0'],
    [yaml('image:', '  tag: 1.10'), ['image', 'tag'], '1.10'],
    [yaml('replicaCount: 2'), ['replicaCount'], '2'],
  ])('no change returns the identical string: %j', (input, path, value) => {
    const result = setValue(input, FILE, path, value);
    expect(result.content).toBe(input);
    expect(result.changed).toBe(false);
  });

  test.each<[string, string, PathSegment[], RegExp, number | undefined]>([
    [
      'missing intermediate mapping',
      yaml('image:', '  tag: v1'),
      ['sidecar', 'image', 'tag'],
      /cannot set sidecar\.image\.tag: sidecar does not exist/,
      1,
    ],
    ['missing deeper mapping', yaml('a:', '  b: 1'), ['a', 'c', 'd'], /cannot set a\.c\.d: a\.c does not exist/, 2],
    ['intermediate is a scalar', yaml('image: api:1'), ['image', 'tag'], /cannot set image\.tag: image is not a mapping/, 1],
    ['intermediate is empty', yaml('image:', 'x: 1'), ['image', 'tag'], /cannot set image\.tag: image is empty/, 1],
    ['index out of range', yaml('containers:', '- image: a'), ['containers', 3, 'image'], /containers has 1 items, no \[3\]/, 2],
    ['index into a mapping', yaml('containers:', '  a: 1'), ['containers', 0], /containers is not a sequence/, 2],
    ['final value is a mapping', yaml('image:', '  tag: v1'), ['image'], /cannot set image: it is a mapping, not a scalar/, 2],
    ['final value is a sequence', yaml('args: [a]'), ['args'], /it is a sequence/, 1],
    ['aliased anchor', yaml('image:', '  tag: &t v1', 'other: *t'), ['image', 'tag'], /anchored \(&t\) and used by an alias/, 2],
    ['empty document', '', ['tag'], /the document is empty/, undefined],
    ['invalid YAML', yaml('image:', '  tag: v1', ' bad: [1'), ['image', 'tag'], /invalid YAML/, 3],
  ])('%s is a FileError', (_title, input, path, message, line) => {
    let error: unknown;
    try {
      setValue(input, FILE, path, 'v2');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toMatch(message);
    expect(error).toMatchObject({ file: FILE, line });
  });
});

describe('setValues', () => {
  test('several edits in one parse, new keys in the order given', () => {
    const input = yaml('# values', 'image:', '  repository: api', '  tag: v1', 'replicaCount: 1');
    const result = setValues(input, FILE, [
      { path: ['image', 'tag'], value: 'v2' },
      { path: ['image', 'digest'], value: 'sha256:abc' },
      { path: ['image', 'pullPolicy'], value: 'Always' },
      { path: ['replicaCount'], value: '1' },
    ]);
    expect(result.content).toBe(
      yaml('# values', 'image:', '  repository: api', '  tag: v2', '  digest: sha256:abc', '  pullPolicy: Always', 'replicaCount: 1'),
    );
    expect(result.results).toEqual([
      { path: ['image', 'tag'], previous: 'v1', changed: true },
      { path: ['image', 'digest'], previous: null, changed: true },
      { path: ['image', 'pullPolicy'], previous: null, changed: true },
      { path: ['replicaCount'], previous: '1', changed: false },
    ]);
    expect(setValues(result.content, FILE, [{ path: ['image', 'digest'], value: 'sha256:abc' }]).content).toBe(result.content);
  });

  test('the same path twice is a programming error', () => {
    expect(() =>
      setValues(yaml('a: 1'), FILE, [
        { path: ['a'], value: '2' },
        { path: ['a'], value: '3' },
      ]),
    ).toThrow(/edited twice/);
  });
});
