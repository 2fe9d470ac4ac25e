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
