import { describe, expect, test } from 'vitest';
import {
  buildahBuildArgs,
  buildahCacheHit,
  buildahLocalTags,
  buildahManifestPushArgs,
  buildahPushArgs,
  platformStorage,
  registriesConf,
} from '../../src/core/build/buildah.js';
import { buildxArgs, buildxCacheHit } from '../../src/core/build/buildx.js';
import type { BuildRequest } from '../../src/core/build/plan.js';

const SECRET_VALUE = 'hunter2-do-not-leak';

function request(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    context: '/w/services/api',
    dockerfile: '/w/services/api/Dockerfile',
    image: { registry: 'registry.example.com', repository: 'shop/api' },
    service: 'api',
    tags: ['sha-3f1c2a9', 'main'],
    labels: { 'org.opencontainers.image.revision': '3f1c2a9' },
    commitTag: 'sha-3f1c2a9',
    platforms: ['linux/amd64'],
    push: true,
    buildArgs: [['NODE_VERSION', '24']],
    secrets: [
      { id: 'npmrc', file: '/w/.npmrc' },
      { id: 'token', env: 'NPM_TOKEN' },
    ],
    cache: 'registry',
    cacheRepository: 'registry.example.com/shop/api/cache',
    insecureRegistries: [],
    provenance: 'mode=max',
    sbom: true,
    skipExisting: false,
    credentials: new Map([['registry.example.com', { username: 'u', password: SECRET_VALUE }]]),
    buildah: { isolation: 'chroot' },
    ...overrides,
  };
}

/** The value following each occurrence of `flag`. */
function values(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1] as string] : []));
}

describe('buildx argument lists', () => {
  test.each<[string, Partial<BuildRequest>, Record<string, string[]>, string[]]>([
    [
      'registry cache scoped per service and platform, mode=max',
      {},
      {
        '--cache-from': ['type=registry,ref=registry.example.com/shop/api/cache:api-linux-amd64'],
        '--cache-to': ['type=registry,ref=registry.example.com/shop/api/cache:api-linux-amd64,mode=max'],
        '--platform': ['linux/amd64'],
      },
      ['--push', '--provenance=mode=max', '--sbom=true'],
    ],
    [
      'gha cache, two platforms',
      { cache: 'gha', platforms: ['linux/amd64', 'linux/arm64'] },
      {
        '--cache-from': ['type=gha,scope=api-linux-amd64_linux-arm64'],
        '--cache-to': ['type=gha,scope=api-linux-amd64_linux-arm64,mode=max'],
        '--platform': ['linux/amd64,linux/arm64'],
      },
      ['--push'],
    ],
    [
      'explicit cache scope, worker service',
      { cache: 'gha', service: 'worker', cacheScope: 'shared' },
      { '--cache-from': ['type=gha,scope=shared'], '--cache-to': ['type=gha,scope=shared,mode=max'] },
      [],
    ],
    [
      'no cache, native platform, load',
      { cache: 'none', platforms: [], push: false, provenance: 'false', sbom: false },
      { '--cache-from': [], '--platform': [] },
      ['--load', '--provenance=false', '--sbom=false'],
    ],
    [
      'tags, labels, build args, secrets by file and env, target',
      { target: 'runtime' },
      {
        '--tag': ['registry.example.com/shop/api:sha-3f1c2a9', 'registry.example.com/shop/api:main'],
        '--label': ['org.opencontainers.image.revision=3f1c2a9'],
        '--build-arg': ['NODE_VERSION=24'],
        '--secret': ['id=npmrc,src=/w/.npmrc', 'id=token,env=NPM_TOKEN'],
        '--target': ['runtime'],
        '--file': ['/w/services/api/Dockerfile'],
        '--metadata-file': ['/tmp/meta.json'],
      },
      [],
    ],
  ])('%s', (_name, overrides, expected, flags) => {
    const args = buildxArgs(request(overrides), { metadataFile: '/tmp/meta.json' });
    expect(args.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(args.at(-1)).toBe('/w/services/api');
    for (const [flag, list] of Object.entries(expected)) expect(values(args, flag)).toEqual(list);
    for (const flag of flags) expect(args).toContain(flag);
    expect(args.join(' ')).not.toContain(SECRET_VALUE);
  });

  test.each([
    [
      'all steps cached',
      '#4 [1/3] FROM docker.io/library/alpine\n#5 [2/3] COPY . .\n#5 CACHED\n#6 [3/3] RUN make\n#6 CACHED\n#7 exporting to image',
      true,
    ],
    ['one step ran', '#4 [1/3] FROM docker.io/library/alpine\n#5 [2/3] COPY . .\n#5 CACHED\n#6 [3/3] RUN make\n#6 DONE 3.2s', false],
    ['internal steps do not count', '#1 [internal] load build definition\n#2 [build 2/2] RUN x\n#2 CACHED', true],
    ['nothing built', '#1 [internal] load build definition', false],
  ])('buildxCacheHit: %s', (_name, output, hit) => {
    expect(buildxCacheHit(output)).toBe(hit);
  });
});

describe('buildah argument lists', () => {
  const files = { iidfile: '/t/iid', secretFiles: new Map([['token', '/t/secret-0']]) };

  test.each<[string, Partial<BuildRequest>, string | undefined, Record<string, string[]>]>([
    [
      'registry cache per service and platform',
      { buildah: { isolation: 'chroot', root: '/s/root', runroot: '/s/run', driver: 'vfs' } },
      'linux/amd64',
      {
        '--cache-from': ['registry.example.com/shop/api/cache/api-linux-amd64'],
        '--cache-to': ['registry.example.com/shop/api/cache/api-linux-amd64'],
        '--root': ['/s/root'],
        '--runroot': ['/s/run'],
        '--storage-driver': ['vfs'],
        '--isolation': ['chroot'],
        '--platform': ['linux/amd64'],
        '--secret': ['id=npmrc,src=/w/.npmrc', 'id=token,src=/t/secret-0'],
        '--tag': ['registry.example.com/shop/api:sha-3f1c2a9', 'registry.example.com/shop/api:main'],
      },
    ],
    ['no cache, native', { cache: 'none', platforms: [] }, undefined, { '--cache-from': [], '--platform': [], '--root': [] }],
  ])('%s', (_name, overrides, platform, expected) => {
    const built = request(overrides);
    const args = buildahBuildArgs(built, platform, buildahLocalTags(built, platform), files);
    expect(args).toContain('build');
    expect(args).toContain('--layers');
    for (const [flag, list] of Object.entries(expected)) expect(values(args, flag)).toEqual(list);
    expect(args.join(' ')).not.toContain(SECRET_VALUE);
    // global storage flags come before the subcommand
    if (built.buildah.root) expect(args.indexOf('--root')).toBeLessThan(args.indexOf('build'));
  });

  test('multi-platform builds use a per-platform local name and storage', () => {
    const built = request({ platforms: ['linux/amd64', 'linux/arm64'], buildah: { isolation: 'chroot', root: '/s/r', runroot: '/s/rr' } });
    expect(buildahLocalTags(built, 'linux/arm64')).toEqual(['localhost/aegis-build/api:linux-arm64']);
    expect(platformStorage(built.buildah, 'linux/arm64', '/tmp/w')).toMatchObject({
      root: '/s/r.linux-arm64',
      runroot: '/s/rr.linux-arm64',
    });
    expect(platformStorage({ isolation: 'chroot' }, 'linux/arm64', '/tmp/w')).toMatchObject({ root: '/tmp/w/storage-linux-arm64' });
  });

  test('push commands address docker:// and skip TLS only for insecure registries', () => {
    const storage = { isolation: 'chroot', root: '/r' };
    expect(buildahPushArgs(storage, 'a:1', '127.0.0.1:5000/a:1', '/t/d', true)).toEqual([
      '--root',
      '/r',
      'push',
      '--digestfile',
      '/t/d',
      '--tls-verify=false',
      'a:1',
      'docker://127.0.0.1:5000/a:1',
    ]);
    expect(buildahManifestPushArgs(storage, 'l', 'ghcr.io/a:1', '/t/d', false)).toEqual([
      '--root',
      '/r',
      'manifest',
      'push',
      '--all',
      '--digestfile',
      '/t/d',
      'l',
      'docker://ghcr.io/a:1',
    ]);
  });

  test.each([
    [
      'all cached (our LABEL steps excluded)',
      'STEP 1/4: FROM scratch\nSTEP 2/4: COPY a /a\n--> Using cache d758\n--> d75897fad4a\nSTEP 3/4: LABEL a=b\n--> 2e5b\nSTEP 4/4: LABEL "created"="2"\n--> 8303',
      true,
    ],
    ['cold', 'STEP 1/3: FROM scratch\nSTEP 2/3: COPY a /a\n--> d75897fad4a\nSTEP 3/3: RUN x\n--> 1', false],
    ['partly cached', 'STEP 1/3: FROM scratch\nSTEP 2/3: COPY a /a\n--> Using cache d758\nSTEP 3/3: RUN x\n--> 1', false],
    [
      'pulled from remote cache',
      'STEP 1/2: FROM scratch\nSTEP 2/2: COPY a /a\n--> Cache pulled from remote r/c:5caa\n--> Using cache da27',
      true,
    ],
    ['FROM only', 'STEP 1/1: FROM scratch\nCOMMIT x', false],
  ])('buildahCacheHit: %s', (_name, output, hit) => {
    expect(buildahCacheHit(output)).toBe(hit);
  });

  test('registries.conf marks exactly the listed registries insecure', () => {
    expect(registriesConf(['127.0.0.1:5000'])).toBe(
      'unqualified-search-registries = ["docker.io"]\n\n[[registry]]\nlocation = "127.0.0.1:5000"\ninsecure = true\n',
    );
  });
});
