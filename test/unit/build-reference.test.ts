import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePlatforms, platformSlug } from '../../src/core/build/platforms.js';
import { isInsecureRegistry, isLoopbackRegistry, registryApiBase } from '../../src/core/build/registry-host.js';
import { formatReference, parseImageName, parseImageReference } from '../../src/core/images/reference.js';

describe('parseImageReference', () => {
  test.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['acme/api:1.2', { registry: 'docker.io', repository: 'acme/api', tag: '1.2' }],
    ['127.0.0.1:5000/team/api', { registry: '127.0.0.1:5000', repository: 'team/api' }],
    ['localhost/api:dev', { registry: 'localhost', repository: 'api', tag: 'dev' }],
    ['ghcr.io/acme/shop/api:sha-abc', { registry: 'ghcr.io', repository: 'acme/shop/api', tag: 'sha-abc' }],
    [
      `registry.example.com:443/a/b@sha256:${'a'.repeat(64)}`,
      { registry: 'registry.example.com:443', repository: 'a/b', digest: `sha256:${'a'.repeat(64)}` },
    ],
    ['[::1]:5000/api', { registry: '[::1]:5000', repository: 'api' }],
  ])('%s', (value, expected) => {
    expect(parseImageReference(value, 'image')).toEqual(expected);
  });

  test.each([
    ['Registry.example.com/Team/API', /lower case/],
    ['127.0.0.1:5000/api:-bad', /a tag of at most 128/],
    ['127.0.0.1:99999/api', /port between/],
    ['api@sha256:xyz', /a digest/],
    ['reg.example.com/', /image name/],
    ['a//b', /image name/],
    [`reg.example.com/${'a'.repeat(260)}`, /at most 255/],
  ])('refuses %s', (value, message) => {
    expect(() => parseImageReference(value, 'image')).toThrow(/Input 'image'/);
    expect(() => parseImageReference(value, 'image')).toThrow(message);
  });

  test('the image input takes names only', () => {
    expect(() => parseImageName('127.0.0.1:5000/api:1', 'image')).toThrow(/drop the tag or digest/);
    expect(formatReference({ registry: 'r:1', repository: 'a', tag: 't' })).toBe('r:1/a:t');
  });
});

describe('registries over plain HTTP', () => {
  test.each([
    ['127.0.0.1:5000', [], true],
    ['127.1.2.3', [], true],
    ['localhost:5000', [], true],
    ['[::1]:5000', [], true],
    ['128.0.0.1:5000', [], false],
    ['localhost.example.com', [], false],
    ['registry.internal:5000', ['registry.internal:5000'], true],
    ['registry.internal:5000', ['registry.internal'], true],
    ['registry.internal:5000', ['registry.internal:6000'], false],
    ['ghcr.io', [], false],
  ] as [string, string[], boolean][])('%s with %j -> %s', (registry, list, insecure) => {
    expect(isInsecureRegistry(registry, list)).toBe(insecure);
  });

  test('loopback and API base', () => {
    expect(isLoopbackRegistry('127.0.0.1:5000')).toBe(true);
    expect(registryApiBase('127.0.0.1:5000', true)).toBe('http://127.0.0.1:5000');
    expect(registryApiBase('docker.io', false)).toBe('https://registry-1.docker.io');
  });
});

describe('platforms', () => {
  test('normalises, dedupes and slugs', () => {
    expect(parsePlatforms(['linux/AMD64', 'linux/arm64', 'linux/amd64', 'linux/arm/v7'], 'platforms')).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/arm/v7',
    ]);
    expect(platformSlug('linux/arm/v7')).toBe('linux-arm-v7');
  });

  test.each(['linux/amd65', 'amd64', 'darwin/arm64', 'linux/arm64/v9'])('refuses unknown %s', (value) => {
    expect(() => parsePlatforms([value], 'platforms')).toThrow(/Input 'platforms' has an invalid value/);
  });
});

interface DistributionCase {
  input: string;
  err?: string;
  domain?: string;
  repository?: string;
  tag?: string;
  digest?: string;
}

/** distribution/reference's own TestReferenceParse table (test/fixtures/reference/distribution-reference). */
const DISTRIBUTION_CASES: DistributionCase[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/reference/distribution-reference/parse-cases.json'), 'utf8'),
);
/** Deliberate difference (SOURCE.md): the grammar admits algorithms go-digest has not registered. */
const UNREGISTERED_ALGORITHM = 'digest.ErrDigestUnsupported';

describe('parseImageReference agrees with distribution/reference', () => {
  test.each(DISTRIBUTION_CASES.filter((c) => c.err && c.err !== UNREGISTERED_ALGORITHM).map((c) => [c.input.slice(0, 60), c] as const))(
    'refuses %s',
    (_label, c) => {
      expect(() => parseImageReference(c.input, 'image')).toThrow(/Input 'image'/);
    },
  );

  test.each(DISTRIBUTION_CASES.filter((c) => !c.err).map((c) => [c.input.slice(0, 60), c] as const))('parses %s', (_label, c) => {
    const parsed = parseImageReference(c.input, 'image');
    const name = c.repository as string;
    // Parse splits off any first component; Docker's normalisation (ParseNormalizedNamed) takes it
    // as a registry only with '.', ':' or 'localhost', else the name is on Docker Hub, written in full.
    const registry = c.domain && /[.:]|^localhost$/.test(c.domain) ? c.domain : undefined;
    if (registry) expect(`${parsed.registry}/${parsed.repository}`).toBe(name);
    else expect(parsed).toMatchObject({ registry: 'docker.io', repository: name.includes('/') ? name : `library/${name}` });
    expect(parsed.tag).toBe(c.tag);
    expect(parsed.digest).toBe(c.digest);
  });

  test('digests: the grammar with 32+ lowercase hex; registered algorithms at their length', () => {
    const hex = (n: number) => 'a'.repeat(n);
    expect(parseImageReference(`r.io/a@sha256+b64u:${hex(32)}`, 'image').digest).toBe(`sha256+b64u:${hex(32)}`);
    expect(parseImageReference(`r.io/a@multihash.v1:${hex(40)}`, 'image').digest).toBe(`multihash.v1:${hex(40)}`);
    expect(() => parseImageReference(`r.io/a@sha256:${hex(32)}`, 'image')).toThrow(/64 hex digits/);
    expect(() => parseImageReference(`r.io/a@sha256:${'A'.repeat(64)}`, 'image')).toThrow(/lowercase-hex/);
    expect(() => parseImageReference(`r.io/a@md5:${hex(31)}`, 'image')).toThrow(/lowercase-hex/);
    expect(() => parseImageReference(`r.io/a@Sha256:${hex(64)}`, 'image')).toThrow(/lowercase-hex/);
  });
});
