import { describe, expect, test } from 'vitest';
import { FileError } from '../../src/core/errors.js';
import { parseImageLines } from '../../src/core/images/image-line.js';
import { readImages, setImages } from '../../src/core/yaml/kustomization.js';

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3';
const D2 = `sha256:${'b'.repeat(64)}`;
const FILE = 'overlays/dev/kustomization.yaml';

/** Joins lines with LF and a final newline. */
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const HEADER = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '- deployment.yaml'];

function edit(content: string, images: string, addMissing?: boolean) {
  return setImages(content, parseImageLines(images), { file: FILE, ...(addMissing === undefined ? {} : { addMissing }) });
}

// Cases of kustomize's TestSetImage (kustomize/commands/edit/set/setimage_test.go), with our
// output: the same entries, but the file is spliced, not re-serialised (no re-sorting).
describe('kustomize setimage_test cases', () => {
  test.each<[string, string, string, string]>([
    [
      'new image with new name and tag',
      yaml(...HEADER),
      'image1=my-image1:my-tag',
      yaml(...HEADER, 'images:', '- name: image1', '  newName: my-image1', '  newTag: my-tag'),
    ],
    [
      'numeric tag is quoted',
      yaml(...HEADER),
      'image1=my-image1:1234',
      yaml(...HEADER, 'images:', '- name: image1', '  newName: my-image1', '  newTag: "1234"'),
    ],
    [
      'float-like tag is quoted',
      yaml(...HEADER),
      'image1=my-image1:3.2e2',
      yaml(...HEADER, 'images:', '- name: image1', '  newName: my-image1', '  newTag: "3.2e2"'),
    ],
    [
      'new name and digest',
      yaml(...HEADER),
      `image1=my-image1@${D}`,
      yaml(...HEADER, 'images:', '- name: image1', '  newName: my-image1', `  digest: ${D}`),
    ],
    ['tag only', yaml(...HEADER), 'image1:my-tag', yaml(...HEADER, 'images:', '- name: image1', '  newTag: my-tag')],
    ['digest only', yaml(...HEADER), `image1@${D}`, yaml(...HEADER, 'images:', '- name: image1', `  digest: ${D}`)],
    [
      'tag and digest',
      yaml(...HEADER),
      `my-image1:my-tag@${D}`,
      yaml(...HEADER, 'images:', '- name: my-image1', '  newTag: my-tag', `  digest: ${D}`),
    ],
    [
      'new name, tag and digest',
      yaml(...HEADER),
      `image1=my-image1:my-tag@${D}`,
      yaml(...HEADER, 'images:', '- name: image1', '  newName: my-image1', '  newTag: my-tag', `  digest: ${D}`),
    ],
    [
      '<image>=<image> with a registry port',
      yaml(...HEADER),
      'ngnix=localhost:5000/my-project/ngnix',
      yaml(...HEADER, 'images:', '- name: ngnix', '  newName: localhost:5000/my-project/ngnix'),
    ],
    [
      'registry port and tag',
      yaml(...HEADER),
      'ngnix=localhost:5000/my-project/ngnix:dev-01',
      yaml(...HEADER, 'images:', '- name: ngnix', '  newName: localhost:5000/my-project/ngnix', '  newTag: dev-01'),
    ],
    [
      'override file',
      yaml(
        'images:',
        '- name: image1',
        '  newName: my-image1',
        '  newTag: my-tag',
        '- name: image2',
        '  newName: my-image2',
        '  newTag: my-tag2',
      ),
      'image1=foo.bar.foo:8800/foo/image1:foo-bar',
      yaml(
        'images:',
        '- name: image1',
        '  newName: foo.bar.foo:8800/foo/image1',
        '  newTag: foo-bar',
        '- name: image2',
        '  newName: my-image2',
        '  newTag: my-tag2',
      ),
    ],
    [
      'override file with patch',
      yaml(
        'images:',
        '- name: image1',
        '  newName: my-image1',
        '  newTag: my-tag',
        'patchesJson6902:',
        '- patch: |-',
        '    - op: remove',
        '      path: /spec/selector',
        '  target:',
        '    kind: Service',
      ),
      'image1=foo.bar.foo:8800/foo/image1:foo-bar',
      yaml(
        'images:',
        '- name: image1',
        '  newName: foo.bar.foo:8800/foo/image1',
        '  newTag: foo-bar',
        'patchesJson6902:',
        '- patch: |-',
        '    - op: remove',
        '      path: /spec/selector',
        '  target:',
        '    kind: Service',
      ),
    ],
    [
      'override new tag with just a new tag',
      yaml('images:', '- name: image1', '  newTag: my-tag'),
      'image1:v1',
      yaml('images:', '- name: image1', '  newTag: v1'),
    ],
    [
      'multiple args with multiple overrides (image2 loses its tag to the digest)',
      yaml(
        'images:',
        '- name: image1',
        '  newName: my-image1',
        '  newTag: my-tag1',
        '- name: image2',
        '  newName: my-image2',
        '  newTag: my-tag2',
        '- name: image3',
        '  newTag: my-tag',
      ),
      `image1=foo.bar.foo:8800/foo/image1:foo-bar\nimage2=my-image2@${D}\nimage3:my-tag`,
      yaml(
        'images:',
        '- name: image1',
        '  newName: foo.bar.foo:8800/foo/image1',
        '  newTag: foo-bar',
        '- name: image2',
        '  newName: my-image2',
        `  digest: ${D}`,
        '- name: image3',
        '  newTag: my-tag',
      ),
    ],
    [
      'override new tag but keep new name',
      yaml('images:', '- name: image1', '  newName: foo.bar.foo:8800/foo/image1', '  newTag: my-tag'),
      'image1=*:v1',
      yaml('images:', '- name: image1', '  newName: foo.bar.foo:8800/foo/image1', '  newTag: v1'),
    ],
    [
      'override new name but keep new tag',
      yaml('images:', '- name: image1', '  newName: foo.bar.foo:8800/foo/image1', '  newTag: my-tag'),
      'image1=my-image1:*',
      yaml('images:', '- name: image1', '  newName: my-image1', '  newTag: my-tag'),
    ],
    [
      'do not set asterisk as new name for existing image',
      yaml('images:', '- name: image1', '  newTag: my-tag'),
      'image1=*:v1',
      yaml('images:', '- name: image1', '  newTag: v1'),
    ],
    ['do not set asterisk as new name', yaml(...HEADER), 'image1=*:v1', yaml(...HEADER, 'images:', '- name: image1', '  newTag: v1')],
    [
      'do not set asterisk as new tag',
      yaml(...HEADER),
      'image1=my-image1:*',
      yaml(...HEADER, 'images:', '- name: image1', '  newName: my-image1'),
    ],
    [
      'keep new name and update digest',
      yaml('images:', '- name: image2', '  newName: my-image2', '  digest: sha256:abcdef12345'),
      `image2=*@${D}`,
      yaml('images:', '- name: image2', '  newName: my-image2', `  digest: ${D}`),
    ],
    [
      'keep new name, remove tag, and set digest',
      yaml('images:', '- name: image2', '  newName: my-image2', '  newTag: my-tag'),
      `image2=*@${D}`,
      yaml('images:', '- name: image2', '  newName: my-image2', `  digest: ${D}`),
    ],
    [
      'update new name and keep the digest',
      yaml('images:', `- digest: ${D}`, '  name: image2', '  newName: foo.bar.foo:8800/foo/image1'),
      'image2=my-image2@*',
      yaml('images:', `- digest: ${D}`, '  name: image2', '  newName: my-image2'),
    ],
  ])('%s', (_title, input, images, output) => {
    expect(edit(input, images).content).toBe(output);
  });

  test('keep new name and new tag (rare case) changes nothing', () => {
    const input = yaml('images:', '- name: image1', '  newName: my-image1', '  newTag: my-tag');
    const result = edit(input, 'image1=*:*');
    expect(result.content).toBe(input);
    expect(result.changes).toEqual([]);
  });
});

describe('every byte that is not an edited value survives', () => {
  test.each<[string, string, string, string]>([
    [
      'comments, blank lines, key order and quotes',
      yaml(
        '# dev overlay',
        'resources: # managed by aegis',
        '  - ../../base',
        '',
        'images:',
        '  # the API',
        '  - newName: "registry.example.com/api" # registry',
        "    name: 'api'",
        '    newTag: "1.4.2" # bumped by CI',
        '',
        '  - name: worker # stays',
        '    newTag: 0.9.1',
        'namespace: dev # end',
      ),
      'api=registry.example.com/api:1.4.3\nworker:0.9.2',
      yaml(
        '# dev overlay',
        'resources: # managed by aegis',
        '  - ../../base',
        '',
        'images:',
        '  # the API',
        '  - newName: "registry.example.com/api" # registry',
        "    name: 'api'",
        '    newTag: "1.4.3" # bumped by CI',
        '',
        '  - name: worker # stays',
        '    newTag: 0.9.2',
        'namespace: dev # end',
      ),
    ],
    [
      'single quotes are kept',
      yaml('images:', '- name: app', "  newTag: 'v1'"),
      'app:v2',
      yaml('images:', '- name: app', "  newTag: 'v2'"),
    ],
    [
      'CRLF line endings, in edits and appended lines',
      'resources:\r\n- a.yaml\r\nimages:\r\n- name: app\r\n  newTag: v1\r\n  digest: sha256:old\r\n',
      'app:v2\nnew:1',
      'resources:\r\n- a.yaml\r\nimages:\r\n- name: app\r\n  newTag: v2\r\n- name: new\r\n  newTag: "1"\r\n',
    ],
    [
      'CRLF file without images gets an images list with CRLF',
      'resources:\r\n- a.yaml\r\n',
      'app:v2',
      'resources:\r\n- a.yaml\r\nimages:\r\n- name: app\r\n  newTag: v2\r\n',
    ],
    ['no trailing newline stays without one (edit)', 'images:\n- name: app\n  newTag: v1', 'app:v2', 'images:\n- name: app\n  newTag: v2'],
    [
      'no trailing newline stays without one (append)',
      'images:\n- name: app\n  newTag: v1',
      'new:v2',
      'images:\n- name: app\n  newTag: v1\n- name: new\n  newTag: v2',
    ],
    [
      'no trailing newline stays without one (new list)',
      'resources:\n- a.yaml',
      'new:v2',
      'resources:\n- a.yaml\nimages:\n- name: new\n  newTag: v2',
    ],
    [
      'no trailing newline stays without one (last field removed)',
      'images:\n- name: app\n  newTag: v1\n  digest: sha256:x',
      'app:v2',
      'images:\n- name: app\n  newTag: v2',
    ],
    [
      'flow list: edit in place, append in flow style',
      yaml('resources: [a.yaml]', 'images: [{name: a, newTag: "1"}]  # flow'),
      'a:2\nb=localhost:5000/b:v3',
      // the new tag is quoted like the existing entry's tag
      yaml('resources: [a.yaml]', 'images: [{name: a, newTag: "2"}, {name: b, newName: localhost:5000/b, newTag: "v3"}]  # flow'),
    ],
    [
      'flow entries in a block list: the new entry is a flow mapping too',
      yaml('images:', '  - {name: a, newTag: v1, digest: sha256:old}'),
      'a=reg/a:v2\nb:v1',
      yaml('images:', '  - {name: a, newTag: v2, newName: reg/a}', '  - {name: b, newTag: v1}'),
    ],
    [
      'flow mapping loses its first field',
      yaml('images:', '- {newName: reg/a, name: a, newTag: v1}'),
      'a:v2',
      yaml('images:', '- {name: a, newTag: v2}'),
    ],
    [
      'one flow entry per line, trailing comma',
      yaml('images: [', '  {name: a, newTag: "1"},', ']'),
      'b:v2',
      yaml('images: [', '  {name: a, newTag: "1"},', '  {name: b, newTag: "v2"},', ']'),
    ],
    [
      'one flow entry per line, no trailing comma',
      yaml('images: [', '  {name: a, newTag: "1"}', ']'),
      'b:v2',
      yaml('images: [', '  {name: a, newTag: "1"},', '  {name: b, newTag: "v2"}', ']'),
    ],
    ['empty flow list', yaml('images: []', 'resources: []'), 'a:v1', yaml('images: [{name: a, newTag: v1}]', 'resources: []')],
    ['empty images key', yaml('images:', 'resources: []'), 'a:v1', yaml('images:', '- name: a', '  newTag: v1', 'resources: []')],
    [
      'null images with a comment',
      yaml('images: ~ # none yet', 'resources: []'),
      'a:v1',
      yaml('images: # none yet', '- name: a', '  newTag: v1', 'resources: []'),
    ],
    [
      'anchor on the edited value is kept',
      yaml('images:', '- name: a', '  newTag: &tag v1 # shared?'),
      'a:v2',
      yaml('images:', '- name: a', '  newTag: &tag v2 # shared?'),
    ],
    [
      'an alias is replaced by the value, the anchor is untouched',
      yaml('images:', '- name: a', '  newTag: &tag v1', '- name: b', '  newTag: *tag'),
      'b:v2',
      yaml('images:', '- name: a', '  newTag: &tag v1', '- name: b', '  newTag: v2'),
    ],
    [
      'document markers',
      '%YAML 1.2\n---\nresources:\n- a.yaml\nimages:\n- name: a\n  newTag: v1\n...\n',
      'a:v2\nb:v1',
      '%YAML 1.2\n---\nresources:\n- a.yaml\nimages:\n- name: a\n  newTag: v2\n- name: b\n  newTag: v1\n...\n',
    ],
    [
      'a trailing comment stays at the end',
      yaml('resources:', '- a.yaml', '# end of overlay'),
      'a:v1',
      yaml('resources:', '- a.yaml', 'images:', '- name: a', '  newTag: v1', '# end of overlay'),
    ],
    [
      'a new list follows the file’s sequence indentation',
      yaml('resources:', '    - a.yaml', 'labels:', '    - pairs:', '        app: x'),
      'a=reg/a:v1',
      yaml(
        'resources:',
        '    - a.yaml',
        'labels:',
        '    - pairs:',
        '        app: x',
        'images:',
        '    - name: a',
        '      newName: reg/a',
        '      newTag: v1',
      ),
    ],
    [
      'an appended entry follows the existing entries’ indentation',
      yaml('images:', '    -   name: a', '        newTag: v1'),
      'b:v2',
      yaml('images:', '    -   name: a', '        newTag: v1', '    -   name: b', '        newTag: v2'),
    ],
    ['flow top-level mapping', yaml('{resources: [a.yaml]}'), 'a:v1', yaml('{resources: [a.yaml], images: [{name: a, newTag: v1}]}')],
    ['byte order mark', '\ufeffresources:\n- a.yaml\n', 'a:v1', '\ufeffresources:\n- a.yaml\nimages:\n- name: a\n  newTag: v1\n'],
    [
      'block scalar value is replaced, following lines kept',
      yaml('images:', '- name: a', '  newTag: |', '    v1', '  newName: reg/a'),
      'a=*:v2',
      yaml('images:', '- name: a', '  newTag: v2', '  newName: reg/a'),
    ],
    [
      'empty value gets a value',
      yaml('images:', '- name: a', '  newTag:', '  newName: reg/a'),
      'a=*:v2',
      yaml('images:', '- name: a', '  newTag: v2', '  newName: reg/a'),
    ],
    [
      'empty string is unset, then set',
      yaml('images:', '- name: a', '  newTag: ""'),
      'a:v2',
      yaml('images:', '- name: a', '  newTag: "v2"'),
    ],
    [
      'new fields are quoted like the same field in other entries',
      yaml('images:', '- name: "a"', '  newTag: "v1"'),
      'a:v1@' + D + '\nb:v2',
      yaml('images:', '- name: "a"', '  newTag: "v1"', `  digest: ${D}`, '- name: "b"', '  newTag: "v2"'),
    ],
    [
      'a field added to an entry goes right after its last field, before comments about the next entry',
      yaml('images:', '- name: a', '  newTag: v1 # t', '', '  # about b', '- name: b', '  newTag: v1'),
      `a:v1@${D}`,
      yaml('images:', '- name: a', '  newTag: v1 # t', `  digest: ${D}`, '', '  # about b', '- name: b', '  newTag: v1'),
    ],
    [
      'a field added after a nested value',
      yaml('images:', '- name: a', '  newTag: v1', '  x-note:', '  - kept', 'resources: []'),
      `a=*@${D}`,
      yaml('images:', '- name: a', '  x-note:', '  - kept', `  digest: ${D}`, 'resources: []'),
    ],
    [
      'removing the first two fields of an entry',
      yaml('images:', '- newName: reg/a # old registry', '  newTag: v1', '  name: a', '  digest: sha256:x'),
      `a@${D}`,
      yaml('images:', '- name: a', `  digest: ${D}`),
    ],
    [
      'removing fields keeps comments between them',
      yaml(
        'images:',
        '- name: a',
        '  newName: reg/a',
        '  # tag follows',
        '  newTag: v1',
        '  # digest follows',
        `  digest: ${D}`,
        'resources: []',
      ),
      'a=*:v2',
      yaml('images:', '- name: a', '  newName: reg/a', '  # tag follows', '  newTag: v2', '  # digest follows', 'resources: []'),
    ],
    [
      'other top-level keys and other images are untouched',
      yaml('namePrefix: dev-', 'images:', '- name: a', '  newTag: v1', '- name: b', '  newTag: v1', 'replicas:', '- name: a', '  count: 2'),
      'b:v2',
      yaml('namePrefix: dev-', 'images:', '- name: a', '  newTag: v1', '- name: b', '  newTag: v2', 'replicas:', '- name: a', '  count: 2'),
    ],
  ])('%s', (_title, input, images, output) => {
    expect(edit(input, images).content).toBe(output);
  });
});

describe('a plain value that would change type is double-quoted', () => {
  test.each([['1.10'], ['1e3'], ['true'], ['yes'], ['on'], ['0x1F'], ['010'], ['1_000'], ['12'], ['1.0'], ['2024-01-01']])('%s', (tag) => {
    const input = yaml('images:', '- name: a', '  newTag: v1');
    expect(edit(input, `a:${tag}`).content).toBe(yaml('images:', '- name: a', `  newTag: "${tag}"`));
  });

  test.each([['v1.10'], ['latest'], ['1.2.3'], ['sha-abc123'], ['_x']])('%s stays plain', (tag) => {
    const input = yaml('images:', '- name: a', '  newTag: v1');
    expect(edit(input, `a:${tag}`).content).toBe(yaml('images:', '- name: a', `  newTag: ${tag}`));
  });

  test('replacing a plain float-looking tag by the same text is no change', () => {
    const input = yaml('images:', '- name: a', '  newTag: 1.10');
    expect(edit(input, 'a:1.10').content).toBe(input);
  });
});

describe('changes', () => {
  test('report previous and next fields of changed entries only, in override order', () => {
    const input = yaml('images:', '- name: a', '  newName: reg/a', '  newTag: v1', '- name: b', '  newTag: v1');
    const result = edit(input, `b:v1\nc=reg/c:v1@${D}\na:v2`);
    expect(result.changes).toEqual([
      { file: FILE, name: 'c', previous: null, next: { newName: 'reg/c', newTag: 'v1', digest: D } },
      { file: FILE, name: 'a', previous: { newName: 'reg/a', newTag: 'v1' }, next: { newTag: 'v2' } },
    ]);
  });

  test('no change returns the identical string and no changes', () => {
    const input = yaml('# c', 'images:', '- name: a # x', `  newTag: "v1"`, `  digest: ${D}`);
    const result = edit(input, `a:v1@${D}`);
    expect(result.content).toBe(input);
    expect(result.changes).toEqual([]);
  });

  test('applying the result again changes nothing', () => {
    const input = yaml('images:', '- name: a', '  newName: reg/a', '  newTag: v1');
    const once = edit(input, `a=reg2/a:v2@${D2}\nb:1.0`);
    const twice = edit(once.content, `a=reg2/a:v2@${D2}\nb:1.0`);
    expect(twice.content).toBe(once.content);
    expect(twice.changes).toEqual([]);
  });

  test('addMissing: false leaves unlisted images out', () => {
    const input = yaml('images:', '- name: a', '  newTag: v1');
    expect(edit(input, 'b:v2', false)).toEqual({ content: input, changes: [] });
    expect(edit(yaml('resources: []'), 'b:v2', false).content).toBe(yaml('resources: []'));
    expect(edit(input, 'a:v2\nb:v2', false).content).toBe(yaml('images:', '- name: a', '  newTag: v2'));
  });

  test('a duplicate override name is an input error', () => {
    expect(() =>
      setImages(
        yaml('resources: []'),
        [
          { name: 'a', newTag: 'x', line: 'a:x' },
          { name: 'a', newTag: 'y', line: 'a:y' },
        ],
        { file: FILE },
      ),
    ).toThrow(/'a' is given twice/);
  });
});

describe('files that are not kustomizations with an images list', () => {
  test.each<[string, string, string, RegExp, number | undefined]>([
    ['invalid YAML', 'resources: []\nimages:\n- name: a\n  newTag: v1: x\n', 'a:v2', /invalid YAML: Nested mappings/, 4],
    ['tab indentation', 'images:\n- name: a\n\tnewTag: v1\n', 'a:v2', /invalid YAML: Tabs/, 3],
    ['duplicate keys', 'images: []\nimages: []\n', 'a:v2', /invalid YAML: Map keys must be unique/, 2],
    ['several documents', 'resources: []\n---\nresources: []\n', 'a:v2', /invalid YAML/, 2],
    ['a list at the top', '- a\n- b\n', 'a:v2', /not a kustomization/, 1],
    ['an empty file', '', 'a:v2', /not a kustomization/, undefined],
    ['images is a mapping', 'resources: []\nimages:\n  a: v1\n', 'a:v2', /`images` must be a list/, 3],
    ['images is a string', 'images: a:v1\n', 'a:v2', /`images` must be a list/, 1],
    ['an entry is a string', 'images:\n- name: a\n- b:v1\n', 'a:v2', /images\[1\] must be a mapping/, 3],
    ['an entry has no name', 'images:\n- name: a\n- newTag: v1\n', 'a:v2', /images\[1\] has no name/, 3],
    ['a field is a list', 'images:\n- name: a\n  newTag: [v1]\n', 'a:v2', /images\[0\]\.newTag \(a\) must be a string/, 2],
    ['the image is listed twice', 'images:\n- name: a\n  newTag: v1\n- name: a\n  newTag: v2\n', 'a:v3', /listed 2 times/, 4],
    [
      'the anchored value is used elsewhere',
      'images:\n- name: a\n  newTag: &t v1\n- name: b\n  newTag: *t\n',
      'a:v2',
      /anchored \(&t\) and used by an alias/,
      3,
    ],
    ['the entry uses a merge key', 'images:\n- &base\n  name: a\n  newTag: v1\n- <<: *base\n  name: b\n', 'b:v2', /merge key/, 5],
  ])('%s', (_title, input, images, message, line) => {
    let error: unknown;
    try {
      edit(input, images);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toMatch(message);
    expect(error).toMatchObject({ file: FILE, line });
  });

  test('a duplicated image nobody edits is left alone', () => {
    const input = yaml('images:', '- name: a', '- name: a', '- name: b', '  newTag: v1');
    expect(edit(input, 'b:v2').content).toBe(yaml('images:', '- name: a', '- name: a', '- name: b', '  newTag: v2'));
  });
});

describe('readImages', () => {
  test('lists entries in file order with their fields as strings', () => {
    const input = yaml(
      'images:',
      '- name: a',
      '  newTag: 1.10',
      `  digest: ${D}`,
      '- {name: b, newName: "reg/b", newTag: }',
      '- name: c',
      "  newTag: ''",
      '- name: d',
      '  newTag: &t v1',
      '- name: e',
      '  newTag: *t',
    );
    expect(readImages(input, FILE)).toEqual([
      { name: 'a', newTag: '1.10', digest: D },
      { name: 'b', newName: 'reg/b' },
      { name: 'c' },
      { name: 'd', newTag: 'v1' },
      { name: 'e', newTag: 'v1' },
    ]);
  });

  test('no images key, or an empty one, is an empty list', () => {
    expect(readImages(yaml('resources: []'), FILE)).toEqual([]);
    expect(readImages(yaml('images:'), FILE)).toEqual([]);
  });
});
