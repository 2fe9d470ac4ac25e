import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { formatImage, IMAGE_LINE_EXPECTED, type ImageOverride, parseImageLine, parseImageLines } from '../../src/core/images/image-line.js';

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3';

type Fields = Omit<ImageOverride, 'line'>;

// Arguments from kustomize's own tests (kustomize/commands/edit/set/setimage_test.go, the
// command's help examples, api/internal/image/image_test.go), then our additions.
describe('kustomize edit set image forms', () => {
  test.each<[string, Fields]>([
    ['image1=my-image1:my-tag', { name: 'image1', newName: 'my-image1', newTag: 'my-tag' }],
    ['image1=my-image1:1234', { name: 'image1', newName: 'my-image1', newTag: '1234' }],
    ['image1=my-image1:3.2e2', { name: 'image1', newName: 'my-image1', newTag: '3.2e2' }],
    [`image1=my-image1@${D}`, { name: 'image1', newName: 'my-image1', digest: D }],
    ['image1:my-tag', { name: 'image1', newTag: 'my-tag' }],
    [`image1@${D}`, { name: 'image1', digest: D }],
    [`my-image1:my-tag@${D}`, { name: 'my-image1', newTag: 'my-tag', digest: D }],
    [`image1=my-image1:my-tag@${D}`, { name: 'image1', newName: 'my-image1', newTag: 'my-tag', digest: D }],
    ['ngnix=localhost:5000/my-project/ngnix', { name: 'ngnix', newName: 'localhost:5000/my-project/ngnix' }],
    ['ngnix=localhost:5000/my-project/ngnix:dev-01', { name: 'ngnix', newName: 'localhost:5000/my-project/ngnix', newTag: 'dev-01' }],
    ['image1=foo.bar.foo:8800/foo/image1:foo-bar', { name: 'image1', newName: 'foo.bar.foo:8800/foo/image1', newTag: 'foo-bar' }],
    ['image1:v1', { name: 'image1', newTag: 'v1' }],
    [`image2=my-image2@${D}`, { name: 'image2', newName: 'my-image2', digest: D }],
    ['image3:my-tag', { name: 'image3', newTag: 'my-tag' }],
    ['image1=*:v1', { name: 'image1', keepNewName: true, newTag: 'v1' }],
    ['image1=my-image1:*', { name: 'image1', newName: 'my-image1', keepTag: true }],
    ['image1=*:*', { name: 'image1', keepNewName: true, keepTag: true }],
    [`image2=*@${D}`, { name: 'image2', keepNewName: true, digest: D }],
    ['image2=my-image2@*', { name: 'image2', newName: 'my-image2', keepDigest: true }],
    ['postgres=eu.gcr.io/my-project/postgres:latest', { name: 'postgres', newName: 'eu.gcr.io/my-project/postgres', newTag: 'latest' }],
    [`my-app=my-registry/my-app@${D}`, { name: 'my-app', newName: 'my-registry/my-app', digest: D }],
    ['node:8.15.0', { name: 'node', newTag: '8.15.0' }],
    ['mysql=mariadb', { name: 'mysql', newName: 'mariadb' }],
    [`alpine@${D}`, { name: 'alpine', digest: D }],
    ['docker.io/nginx:1.2.3', { name: 'docker.io/nginx', newTag: '1.2.3' }],
    ['foo.com:443/nginx:1.2.3', { name: 'foo.com:443/nginx', newTag: '1.2.3' }],
    [`foo.com:443/nginx:1.2.3@${D}`, { name: 'foo.com:443/nginx', newTag: '1.2.3', digest: D }],
    // ours
    ['localhost:5000/app:1.0', { name: 'localhost:5000/app', newTag: '1.0' }],
    ['app=localhost:5000/app', { name: 'app', newName: 'localhost:5000/app' }],
    ['app=[::1]:5000/app:2', { name: 'app', newName: '[::1]:5000/app', newTag: '2' }],
    ['api=registry.example.com/aegis/api:1.4.3', { name: 'api', newName: 'registry.example.com/aegis/api', newTag: '1.4.3' }],
    ['app:1.10', { name: 'app', newTag: '1.10' }],
    ['app:0x1F', { name: 'app', newTag: '0x1F' }],
    ['app:true', { name: 'app', newTag: 'true' }],
    ['app:_build', { name: 'app', newTag: '_build' }],
    ['app:V1.2-RC_3', { name: 'app', newTag: 'V1.2-RC_3' }],
    [`app:${'t'.repeat(128)}`, { name: 'app', newTag: 't'.repeat(128) }],
    ['app=*', { name: 'app', keepNewName: true }],
    ['app:*@*', { name: 'app', keepTag: true, keepDigest: true }],
    ['app=*:*@*', { name: 'app', keepNewName: true, keepTag: true, keepDigest: true }],
    [`app=*:v2@${D}`, { name: 'app', keepNewName: true, newTag: 'v2', digest: D }],
    [`app@sha512:${'ab'.repeat(64)}`, { name: 'app', digest: `sha512:${'ab'.repeat(64)}` }],
    ['my_org/app__x:1', { name: 'my_org/app__x', newTag: '1' }],
    ['gcr.io/a/b/c/d:v', { name: 'gcr.io/a/b/c/d', newTag: 'v' }],
    // kustomize reads a ':' with no '/' after it as a tag separator, so this is "localhost" tagged 5000.
    ['localhost:5000', { name: 'localhost', newTag: '5000' }],
  ])('%s', (line, expected) => {
    expect(parseImageLine(line)).toEqual({ ...expected, line });
  });
});

describe('refused lines', () => {
  test.each<[string, string, RegExp]>([
    ['bad', 'a bare name changes nothing (kustomize refuses it too)', /give a tag/],
    ['args', 'kustomize test "error: invalid args"', /give a tag/],
    ['app:', 'empty tag (unset variable)', /tag after ":" is empty/],
    ['app=reg/app:', 'empty tag after a new name', /tag after ":" is empty/],
    ['app@', 'empty digest', /digest after "@" is empty/],
    ['app=', 'empty new name', /new name after "=" is empty/],
    ['app=:1.0', 'empty new name before a tag', /new name after "=" is empty/],
    ['App:1', 'uppercase repository', /not a valid image name/],
    ['app=Reg/App:1', 'uppercase new name', /new name "Reg\/App" is not a valid image name/],
    ['app:-1', 'tag starting with "-"', /not a valid tag/],
    ['app:.1', 'tag starting with "."', /not a valid tag/],
    [`app:${'t'.repeat(129)}`, 'tag longer than 128', /not a valid tag/],
    ['app:v1+build', '"+" is not allowed in tags', /not a valid tag/],
    ['app@sha256:abc', 'short sha256', /not algorithm:lowercase-hex/],
    [`app@sha256:${'a'.repeat(63)}`, 'sha256 with 63 digits', /has 64 hex digits, this one has 63/],
    [`app@sha256:${'A'.repeat(64)}`, 'uppercase hex', /not algorithm:lowercase-hex/],
    [`app@${'a'.repeat(64)}`, 'digest without algorithm', /not algorithm:lowercase-hex/],
    [`app@${D}@${D}`, 'two digests', /more than one '@'/],
    ['app tag:1', 'whitespace', /whitespace/],
    ['*:1', 'wildcard as the image name', /only stand for the new name/],
    ['nginx:1.0=nginx:2.0', 'a tag in the name being matched', /image name "nginx:1.0"/],
    ['a=b=c:1', 'second "=" is part of the new name', /new name "b=c"/],
    ['app:1:2', 'two tags', /image name "app:1"/],
    ['/app:1', 'leading slash', /not a valid image name/],
    ['reg//app:1', 'empty path component', /not a valid image name/],
    ['app-:1', 'separator at the end of a component', /not a valid image name/],
    [`${'a'.repeat(256)}:1`, 'name longer than 255', /not a valid image name/],
  ])('%s (%s)', (line, _why, detail) => {
    const error = catchError(() => parseImageLine(line));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ input: 'images', value: line, expected: IMAGE_LINE_EXPECTED, detail: expect.stringMatching(detail) });
  });
});

describe('parseImageLines', () => {
  test('one override per line; blank and # lines skipped; CRLF and indentation tolerated', () => {
    const text = `# bump dev\r\n  api=registry.example.com/api:1.4.3@${D}  \r\n\r\nworker:2.0\n\n`;
    expect(parseImageLines(text)).toEqual([
      {
        name: 'api',
        newName: 'registry.example.com/api',
        newTag: '1.4.3',
        digest: D,
        line: `api=registry.example.com/api:1.4.3@${D}`,
      },
      { name: 'worker', newTag: '2.0', line: 'worker:2.0' },
    ]);
  });

  test('empty input gives no overrides', () => {
    expect(parseImageLines('')).toEqual([]);
    expect(parseImageLines('\n# only a comment\n')).toEqual([]);
  });

  test('the same image twice is refused, naming the first line', () => {
    const error = catchError(() => parseImageLines('api:1\nworker:1\napi=reg/api:2'));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ value: 'api=reg/api:2', detail: "'api' is already set on line 1" });
  });

  test('the input name is reported as given', () => {
    expect(catchError(() => parseImageLines('bad', 'promote-images'))).toMatchObject({ input: 'promote-images' });
  });
});

describe('formatImage', () => {
  test.each<[Parameters<typeof formatImage>[0], string]>([
    [{ name: 'api', newName: 'registry/api', newTag: '1.4.3', digest: D }, `registry/api:1.4.3@${D}`],
    [{ name: 'api', newTag: '1.4.3' }, 'api:1.4.3'],
    [{ name: 'api', digest: D }, `api@${D}`],
    [{ name: 'api', newName: 'localhost:5000/api' }, 'localhost:5000/api'],
    [{ name: 'api' }, 'api'],
  ])('%j -> %s', (image, expected) => {
    expect(formatImage(image)).toBe(expected);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
