import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeRemote } from '../../src/core/git/remote.js';
import { commitAndPush } from '../../src/core/git/transaction.js';
import { silentLog } from '../../src/core/log.js';
import { runCli } from '../helpers/cli.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo, git, hasCommand, tempDir } from '../helpers/git.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import { startSshServer } from '../helpers/ssh-server.js';

const DIGEST = `sha256:${'4'.repeat(64)}`;

const DEV = `# Overlay for dev. Comments, order and quoting must survive a bump.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base

images:
  - name: registry.example.com/aegis/api # the API
    newTag: "1.0.0"
  - name: registry.example.com/aegis/worker
    newTag: '2.0.0'
`;

const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/aegis/api:0.0.1
        - name: worker
          image: registry.example.com/aegis/worker:0.0.1
`;

function seedFiles(): Record<string, string> {
  return {
    'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
    'base/deployment.yaml': BASE_DEPLOYMENT,
    'overlays/dev/kustomization.yaml': DEV,
    'overlays/staging/kustomization.yaml': DEV.replace('dev', 'staging'),
    'charts/api/values.yaml': '# values\nimage:\n  repository: registry.example.com/aegis/api\n  tag: "1.0.0" # pinned\n',
  };
}

describe('gitops-bump against a bare repository on disk', () => {
  let repo: BareRepo;
  beforeAll(() => {
    repo = createBareRepo(seedFiles());
  });
  afterAll(() => repo.cleanup());

  test('bumps, records provenance, and the second identical run changes nothing', async () => {
    const args = [
      'gitops-bump',
      '--repository',
      repo.bare,
      '--paths',
      'overlays/*',
      '--images',
      `registry.example.com/aegis/api:1.4.3@${DIGEST}`,
      '--set',
      'charts/api/values.yaml:image.tag=1.4.3',
      '--environment',
      'dev',
      '--source-commit',
      'f'.repeat(40),
      '--source-run',
      'https://ci.example.com/run/1',
    ];
    const first = await runCli(args);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.outputs.changed).toBe('true');
    expect(first.outputs['commit-sha']).toBe(repo.tip());
    // current/written as in promote's plan, and the same values under the deprecated names previous/next.
    const replaced = (subject: object, current: string, written: string) => ({
      ...subject,
      current,
      written,
      previous: current,
      next: written,
    });
    expect(JSON.parse(first.outputs.previous ?? '')).toEqual([
      replaced(
        { file: 'overlays/dev/kustomization.yaml', image: 'registry.example.com/aegis/api' },
        'registry.example.com/aegis/api:1.0.0',
        `registry.example.com/aegis/api:1.4.3@${DIGEST}`,
      ),
      replaced(
        { file: 'overlays/staging/kustomization.yaml', image: 'registry.example.com/aegis/api' },
        'registry.example.com/aegis/api:1.0.0',
        `registry.example.com/aegis/api:1.4.3@${DIGEST}`,
      ),
      replaced({ file: 'charts/api/values.yaml', path: 'image.tag' }, '1.0.0', '1.4.3'),
    ]);

    // Only the edited values changed, byte for byte.
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(
      DEV.replace('newTag: "1.0.0"', `newTag: "1.4.3"\n    digest: ${DIGEST}`).trimEnd(),
    );
    expect(repo.show('charts/api/values.yaml')).toBe(
      '# values\nimage:\n  repository: registry.example.com/aegis/api\n  tag: "1.4.3" # pinned',
    );

    const message = repo.message();
    expect(message).toContain(`Aegis-Image: registry.example.com/aegis/api=registry.example.com/aegis/api:1.4.3@${DIGEST}`);
    expect(message).toContain('Aegis-Previous-Image: registry.example.com/aegis/api=registry.example.com/aegis/api:1.0.0');
    expect(message).toContain('Aegis-Value: charts/api/values.yaml:image.tag=1.4.3');
    expect(message).toContain('Aegis-Environment: dev');
    expect(message).toContain(`Aegis-Source-Commit: ${'f'.repeat(40)}`);
    expect(message).toContain('Aegis-Source-Run: https://ci.example.com/run/1');
    expect(git(repo.bare, 'log', '-1', '--format=%(trailers:key=Aegis-Environment,valueonly)').trim()).toBe('dev');

    const commits = repo.count();
    const second = await runCli(args);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.outputs.changed).toBe('false');
    expect(second.outputs['commit-sha']).toBe(repo.tip());
    expect(repo.count()).toBe(commits);
  });

  const kubectl = hasCommand('kubectl', ['version', '--client']);
  test.skipIf(!kubectl)(`kubectl kustomize renders the bumped image${kubectl ? '' : ' (skipped: kubectl missing)'}`, async () => {
    const result = await runCli([
      'gitops-bump',
      '--repository',
      repo.bare,
      '--paths',
      'overlays/dev',
      '--images',
      'registry.example.com/aegis/worker=registry.example.com/aegis/worker:2.1.0',
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const checkout = repo.checkout();
    const rendered = execFileSync('kubectl', ['kustomize', join(checkout, 'overlays/dev')], { encoding: 'utf8' });
    expect(rendered).toContain('image: registry.example.com/aegis/worker:2.1.0');
    expect(rendered).toMatch(/image: registry\.example\.com\/aegis\/api:1\.4\.3@sha256:4{64}/);
  });

  test('dry-run prints the plan and pushes nothing', async () => {
    const tip = repo.tip();
    const result = await runCli([
      'gitops-bump',
      '--repository',
      repo.bare,
      '--paths',
      'overlays/dev/kustomization.yaml',
      '--images',
      'registry.example.com/aegis/api:9.9.9',
      '--dry-run',
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.outputs.changed).toBe('false');
    expect(result.stderr).toContain('registry.example.com/aegis/api:9.9.9');
    expect(result.stderr).toContain('Dry run');
    expect(repo.tip()).toBe(tip);
  });

  test.each([
    [['--paths', 'overlays/dev', '--images', 'api:1.0:bad'], "Input 'images'"],
    [['--paths', 'overlays/dev', '--images', 'api:'], "Input 'images'"],
    [['--paths', 'overlays/nope', '--images', 'api:1'], "Input 'paths'"],
    [['--paths', '../../etc', '--images', 'api:1'], "Input 'paths'"],
    [['--paths', 'overlays/dev', '--images', 'api:1', '--mode', 'force'], "Input 'mode'"],
    [['--paths', 'overlays/dev'], "Input 'images'"],
    [['--paths', 'overlays/dev', '--set', 'charts/api/values.yaml:image.tag'], "Input 'set'"],
    [['--paths', 'overlays/dev', '--images', 'api:1', '--max-attempts', '0'], "Input 'max-attempts'"],
  ])('bad input %j fails naming the input, before any write', async (extra, message) => {
    const tip = repo.tip();
    const result = await runCli(['gitops-bump', '--repository', repo.bare, ...extra]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(repo.tip()).toBe(tip);
  });

  test('a secret passed as a command-line flag is refused', async () => {
    const result = await runCli(['gitops-bump', '--repository', repo.bare, '--token', 'ghp_should_not_be_here']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('INPUT_TOKEN');
  });
});

describe('a plan with one invalid file leaves the repository untouched', () => {
  test('invalid YAML in the second kustomization aborts before the first is committed', async () => {
    const repo = createBareRepo({
      'overlays/a/kustomization.yaml': 'images:\n  - name: api\n    newTag: "1"\n',
      'overlays/b/kustomization.yaml': 'images:\n  - name: api\n    newTag: [unclosed\n',
    });
    try {
      const tip = repo.tip();
      const result = await runCli(['gitops-bump', '--repository', repo.bare, '--paths', 'overlays/*', '--images', 'api:2']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('overlays/b/kustomization.yaml');
      expect(repo.tip()).toBe(tip);
    } finally {
      repo.cleanup();
    }
  });
});

describe('16 jobs bumping 16 images into one branch at once', () => {
  test('every bump lands, none is lost, nothing is force-pushed', async () => {
    const names = Array.from({ length: 16 }, (_, index) => `registry.example.com/aegis/svc-${index}`);
    const kustomization = `images:\n${names.map((name) => `  - name: ${name}\n    newTag: "1.0.0"\n`).join('')}`;
    const repo = createBareRepo({ 'overlays/dev/kustomization.yaml': kustomization });
    // A server that refuses non-fast-forward updates, as protected branches do.
    git(repo.bare, 'config', 'receive.denyNonFastForwards', 'true');
    try {
      const results = await Promise.all(
        names.map((name) =>
          runCli([
            'gitops-bump',
            '--repository',
            `file://${repo.bare}`,
            '--paths',
            'overlays/dev',
            '--images',
            `${name}:2.0.0`,
            '--max-attempts',
            '30',
          ]),
        ),
      );
      for (const result of results) {
        expect(result.exitCode, result.stderr).toBe(0);
        expect(result.outputs.changed).toBe('true');
      }
      const final = repo.show('overlays/dev/kustomization.yaml');
      for (const name of names) expect(final).toContain(`- name: ${name}\n    newTag: "2.0.0"`);
      expect(repo.count()).toBe(17);
      // Linear history: every commit has exactly one parent.
      expect(git(repo.bare, 'rev-list', '--min-parents=2', 'main')).toBe('');
      const attempts = results.map((result) => Number(result.outputs.attempts));
      expect(attempts.some((n) => n > 1)).toBe(true);
    } finally {
      repo.cleanup();
    }
  });
});

describe('over smart HTTP with basic auth', () => {
  const TOKEN = 'ghs_TopSecretToken123456';
  let repo: BareRepo;
  let server: Awaited<ReturnType<typeof startGitHttpServer>>;
  let shimDir: string;
  let argvLog: string;

  beforeAll(async () => {
    repo = createBareRepo(seedFiles());
    git(repo.bare, 'config', 'http.receivepack', 'true');
    server = await startGitHttpServer(repo.root, { username: 'x-access-token', password: TOKEN });
    // A `git` earlier on PATH that records every argv it is started with.
    shimDir = tempDir('aegis-shim-');
    argvLog = join(shimDir, 'argv.log');
    const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(shimDir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(shimDir, 'git'), 0o755);
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  test('pushes with the token, which never appears in output, argv, URLs or .git/config', async () => {
    const result = await runCli(
      [
        'gitops-bump',
        '--repository',
        `${server.url}/gitops.git`,
        '--paths',
        'overlays/dev',
        '--images',
        'registry.example.com/aegis/api:3.0.0',
      ],
      { env: { INPUT_TOKEN: TOKEN, PATH: `${shimDir}:${process.env.PATH}`, AEGIS_DEBUG: '1' } },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.outputs.changed).toBe('true');
    expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "3.0.0"');

    const everything = `${result.stdout}${result.stderr}${readFileSync(argvLog, 'utf8')}${server.requests.map((r) => r.url).join('\n')}`;
    expect(readFileSync(argvLog, 'utf8')).toContain('push');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    expect(server.requests.some((r) => r.authorization?.startsWith('Basic '))).toBe(true);
  });

  test('the clone a transaction works in holds no credential in .git/config', async () => {
    const remote = describeRemote(`${server.url}/gitops.git`, { token: TOKEN }, '/');
    let config = '';
    await commitAndPush(
      { remote, branch: 'main', author: { name: 'a', email: 'a@b.c' }, maxAttempts: 1, log: silentLog },
      async ({ dir }) => {
        config = readFileSync(join(dir, '.git/config'), 'utf8');
        return { files: [], message: '', detail: null };
      },
    );
    expect(config).toContain(`${server.url}/gitops.git`);
    expect(config).not.toContain(TOKEN);
    expect(config).not.toContain('extraheader');
  });

  test('a header already configured for the host (as actions/checkout leaves one) is replaced, not added to', async () => {
    const config = join(shimDir, 'gitconfig');
    const stale = Buffer.from('x-access-token:stale-checkout-token').toString('base64');
    writeFileSync(config, `[http "${server.url}/"]\n\textraheader = Authorization: Basic ${stale}\n`);
    const result = await runCli(
      [
        'gitops-bump',
        '--repository',
        `${server.url}/gitops.git`,
        '--paths',
        'overlays/dev',
        '--images',
        'registry.example.com/aegis/api:3.1.0',
      ],
      { env: { INPUT_TOKEN: TOKEN, GIT_CONFIG_GLOBAL: config } },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "3.1.0"');
  });

  test('a wrong token fails clearly and leaks nothing', async () => {
    const result = await runCli(
      [
        'gitops-bump',
        '--repository',
        `${server.url}/gitops.git`,
        '--paths',
        'overlays/dev',
        '--images',
        'registry.example.com/aegis/api:4.0.0',
      ],
      { env: { INPUT_TOKEN: 'wrong-token-value' } },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Could not clone branch 'main'/);
    expect(result.stderr).not.toContain('wrong-token-value');
  });
});

describe('over ssh with ssh-key', () => {
  const sshd = hasCommand('/usr/sbin/sshd', ['-V']);
  const skipped = sshd ? '' : ' (skipped: sshd missing)';
  test.skipIf(!sshd)(`pushes through a real sshd with the key from the environment and a pinned host key${skipped}`, async () => {
    const server = await startSshServer();
    const repo = createBareRepo(seedFiles());
    try {
      const result = await runCli(
        [
          'gitops-bump',
          '--repository',
          `ssh://${server.user}@127.0.0.1:${server.port}${repo.bare}`,
          '--ssh-known-hosts',
          server.knownHosts,
          '--paths',
          'overlays/dev',
          '--images',
          'registry.example.com/aegis/api:6.0.0',
        ],
        { env: { INPUT_SSH_KEY: server.privateKey } },
      );
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.outputs.changed).toBe('true');
      expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "6.0.0"');
      const keyBody = server.privateKey.split('\n')[1] as string;
      expect(`${result.stdout}${result.stderr}`).not.toContain(keyBody);
    } finally {
      await server.stop();
      repo.cleanup();
    }
  });

  test.skipIf(!sshd)(`an unknown host key is refused when known hosts are given${skipped}`, async () => {
    const server = await startSshServer();
    const repo = createBareRepo(seedFiles());
    try {
      const result = await runCli(
        [
          'gitops-bump',
          '--repository',
          `ssh://${server.user}@127.0.0.1:${server.port}${repo.bare}`,
          '--ssh-known-hosts',
          `[127.0.0.1]:${server.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA6Iw0T6nQkGqGQp0ydYtdyG3mPh4Rk0s3yN8n6bN5q3`,
          '--paths',
          'overlays/dev',
          '--images',
          'registry.example.com/aegis/api:6.0.1',
        ],
        { env: { INPUT_SSH_KEY: server.privateKey } },
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/Could not clone/);
      expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "1.0.0"');
    } finally {
      await server.stop();
      repo.cleanup();
    }
  });
});

describe.each(['github', 'gitlab'] as const)('pull-request mode against a fake %s API', (kind) => {
  test('opens one PR/MR on a deterministic branch, then updates it instead of opening another', async () => {
    const repo = createBareRepo(seedFiles());
    const forge = await startFakeForge(kind);
    try {
      const env = { INPUT_TOKEN: 'forge-token-abcdef', AEGIS_FORGE: kind, AEGIS_FORGE_URL: forge.apiUrl };
      const bump = (tag: string) =>
        runCli(
          [
            'gitops-bump',
            '--repository',
            repo.bare,
            '--forge-project',
            'org/gitops',
            '--mode',
            'pull-request',
            '--paths',
            'overlays/dev',
            '--images',
            `registry.example.com/aegis/api:${tag}`,
            '--environment',
            'dev',
          ],
          { env },
        );
      const first = await bump('5.0.0');
      expect(first.exitCode, first.stderr).toBe(0);
      const branch = 'aegis/gitops-bump/main/dev-api';
      expect(repo.show('overlays/dev/kustomization.yaml', branch)).toContain('newTag: "5.0.0"');
      expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "1.0.0"');
      expect(forge.pulls).toHaveLength(1);
      expect(forge.pulls[0]).toMatchObject({ head: branch, base: 'main', project: 'org/gitops', state: 'open' });
      expect(first.outputs['pull-request-url']).toMatch(
        kind === 'github' ? /\/org\/gitops\/pull\/1$/ : /\/org\/gitops\/-\/merge_requests\/1$/,
      );

      const second = await bump('5.0.1');
      expect(second.exitCode, second.stderr).toBe(0);
      expect(forge.pulls).toHaveLength(1);
      expect(forge.pulls[0]?.title).toContain('5.0.1');
      // Rebuilt on main: main plus the one bump commit, not stacked on the 5.0.0 commit.
      expect(repo.count(branch)).toBe(2);
      expect(repo.tip(`${branch}~1`)).toBe(repo.tip());
      expect(second.outputs['pull-request-url']).toBe(first.outputs['pull-request-url']);

      // The same bump again: nothing committed, the open PR is reported but not rewritten.
      const edits = forge.calls.filter((call) => call.method === 'PATCH' || call.method === 'PUT').length;
      const third = await bump('5.0.1');
      expect(third.exitCode, third.stderr).toBe(0);
      expect(third.outputs.changed).toBe('false');
      expect(third.outputs['pull-request-url']).toBe(first.outputs['pull-request-url']);
      expect(forge.calls.filter((call) => call.method === 'PATCH' || call.method === 'PUT').length).toBe(edits);
      expect(forge.pulls[0]?.title).toContain('5.0.1');
      expect(repo.count(branch)).toBe(2);
      const auth = forge.calls.map((call) => call.authorization ?? call.privateToken ?? '');
      expect(auth.every((value) => value.includes('forge-token-abcdef'))).toBe(true);
      expect(`${first.stderr}${second.stderr}`).not.toContain('forge-token-abcdef');
    } finally {
      await forge.close();
      repo.cleanup();
    }
  });
});
