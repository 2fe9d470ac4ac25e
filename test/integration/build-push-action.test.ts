/**
 * build-push-action's README examples through our build stage, changing only `uses:` (see
 * test/fixtures/build/build-push-action/SOURCE.md): real buildah (vfs, chroot) and a real
 * docker-registry on 127.0.0.1. Storage goes through buildah's own CONTAINERS_STORAGE_CONF, so
 * the examples' `with:` blocks stay as written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { githubEvent } from '../../src/platform/event.js';
import * as buildStage from '../../src/stages/build.js';
import { fakePlatform } from '../fixtures/build/platform-fake.js';
import { hasTool, type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { writeShellContext } from '../fixtures/build/shell-context.js';
import { runStageWith } from '../helpers/stage-module.js';

const tools = ['buildah', 'skopeo', 'docker-registry'];
const missing = tools.filter((tool) => !hasTool(tool, tool === 'docker-registry' ? ['--help'] : ['--version']));
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`build-push-action examples need ${missing.join(', ')} on CI`);

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const event = githubEvent(
  {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: HEAD,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
  },
  { after: HEAD, repository: { default_branch: 'main' } },
);

describe.skipIf(missing.length > 0)("build-push-action's README examples, only `uses:` changed", () => {
  let registry: LocalRegistry;
  let root: string;
  let workspace: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    registry = await startRegistry();
    root = mkdtempSync(join(tmpdir(), 'aegis-bpa-'));
    writeFileSync(
      join(root, 'storage.conf'),
      `[storage]\ndriver = "vfs"\nrunroot = "${join(root, 'run')}"\ngraphroot = "${join(root, 'graph')}"\n`,
    );
    process.env.CONTAINERS_STORAGE_CONF = join(root, 'storage.conf');
    process.env.BUILDAH_ISOLATION = 'chroot';
    workspace = join(root, 'workspace');
    mkdirSync(workspace);
  });

  afterAll(async () => {
    process.env = saved;
    await registry?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function checkout(dockerfile: string, files: Record<string, string> = {}) {
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(workspace, path, '..'), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    writeFileSync(join(workspace, 'Dockerfile'), dockerfile);
  }

  test('Path context: context ., push true, tags user/app:latest', async () => {
    checkout('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'hello\n' });
    const ref = `${registry.host}/user/app:latest`;
    const fake = fakePlatform(workspace, { context: '.', push: 'true', tags: ref }, event);
    await runStageWith(buildStage, fake.platform);
    expect(fake.outputs.digest).toBe(skopeoInspect(ref).Digest);
    expect(fake.outputs.tags).toBe(ref);
    expect(fake.outputs.image).toBe(`${ref}@${fake.outputs.digest}`);
    expect(JSON.parse(fake.outputs.metadata as string)).toMatchObject({ 'containerimage.digest': fake.outputs.digest, 'image.name': ref });
  });

  test('secrets: GIT_AUTH_TOKEN=… reaches RUN --mount=type=secret and nothing else', async () => {
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace);
    const token = 'ghp_build_push_action_example_token';
    // The RUN line must not hold the token itself (it lands in the image history): check its length and prefix.
    writeShellContext(
      workspace,
      `--mount=type=secret,id=GIT_AUTH_TOKEN read -r t < /run/secrets/GIT_AUTH_TOKEN || true; [ "\${#t}" = "${token.length}" ] && [ "\${t#ghp_}" != "$t" ]`,
    );
    const ref = `${registry.host}/user/app:secret`;
    const fake = fakePlatform(workspace, { context: '.', push: 'true', tags: ref, secrets: `GIT_AUTH_TOKEN=${token}` }, event);
    await runStageWith(buildStage, fake.platform);
    expect(fake.secrets).toContain(token);
    expect(skopeoInspect(ref).Digest).toBe(fake.outputs.digest);
    const config = execFileSync('skopeo', ['inspect', '--tls-verify=false', '--config', `docker://${ref}`], { encoding: 'utf8' });
    expect(config).not.toContain(token);
  });

  test('Named contexts: build-contexts gives a service the shared library', async () => {
    checkout('FROM scratch\nCOPY --from=shared lib.txt /lib.txt\n', { 'libs/shared/lib.txt': 'shared\n' });
    const ref = `${registry.host}/user/app:contexts`;
    const fake = fakePlatform(workspace, { context: '.', push: 'true', tags: ref, 'build-contexts': 'shared=libs/shared' }, event);
    await runStageWith(buildStage, fake.platform);
    expect(skopeoInspect(ref).Digest).toBe(fake.outputs.digest);
  });

  test('Export to Docker: load true keeps the image locally and pushes nothing', async () => {
    checkout('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'hello\n' });
    const ref = `${registry.host}/user/app:loaded`;
    const fake = fakePlatform(workspace, { context: '.', load: 'true', tags: ref }, event);
    await runStageWith(buildStage, fake.platform);
    expect(() => skopeoInspect(ref)).toThrow();
    expect(execFileSync('buildah', ['images', '--format', '{{.Name}}:{{.Tag}}'], { encoding: 'utf8' })).toContain(ref);
  });

  test('Push to multi-registries is refused by name before anything is built', async () => {
    checkout('FROM scratch\n');
    const fake = fakePlatform(
      workspace,
      { context: '.', push: 'true', tags: `${registry.host}/user/app:latest\nghcr.io/user/app:latest` },
      event,
    );
    await expect(runStageWith(buildStage, fake.platform)).rejects.toThrow(/Input 'tags'.*one repository/);
  });

  test('file: is the Dockerfile (not silently ignored)', async () => {
    checkout('FROM scratch\nCOPY missing.txt /x\n', {
      'docker/app.Dockerfile': 'FROM scratch\nCOPY hello.txt /hello.txt\n',
      'hello.txt': 'hi\n',
    });
    const ref = `${registry.host}/user/app:file`;
    const fake = fakePlatform(workspace, { context: '.', file: 'docker/app.Dockerfile', push: 'true', tags: ref }, event);
    await runStageWith(buildStage, fake.platform);
    expect(skopeoInspect(ref).Digest).toBe(fake.outputs.digest);
  });
});
