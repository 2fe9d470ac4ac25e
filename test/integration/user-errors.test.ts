// Failures a user can cause or meet, per stage: unreachable hosts, missing tools, refused
// credentials, invalid and hostile files. Each must end in ONE message that names the input,
// file or host and says what to change — and never a stack trace. The stages run in-process on
// the local platform with its log captured; hosts are 127.0.0.1 ports nothing listens on, or a
// local server that refuses.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LocalPlatform } from '../../src/platform/local.js';
import type { StageDefinition } from '../../src/stages/definition.js';
import { stages } from '../../src/stages/index.js';
import { runStage } from '../../src/stages/runner.js';
import { runEntry } from '../helpers/entry.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';

/** Nothing listens on port 2 (and fetch, unlike port 1, does not block it): connecting is refused at once. */
const DEAD = '127.0.0.1:2';
/** A "billion laughs" document under `key`: 9^7 strings from a few hundred bytes of aliases. */
const billionLaughs = (key: string) =>
  [
    `${key}:`,
    '  - &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    '  - &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    '  - &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    '  - &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    '  - &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    '  - &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    '  - &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    '',
  ].join('\n');
const SHA = 'a'.repeat(40);

class CapturingPlatform extends LocalPlatform {
  readonly lines: string[] = [];
  protected override writeLine(text: string): void {
    this.lines.push(text);
  }
  override setOutputs(outputs: readonly (readonly [string, string])[]): void {
    for (const [name, value] of outputs) this.lines.push(`${name}=${value}`);
  }
}

let root: string;
let workspace: string;
let gitops: BareRepo;
/** A server that refuses every credential (401), and fails (500) for acme/broken or without credentials. */
let refusing: Server;
let refusingHost: string;

beforeAll(async () => {
  root = tempDir('aegis-user-errors-');
  workspace = join(root, 'workspace');
  mkdirSync(join(workspace, '.aegis'), { recursive: true });
  mkdirSync(join(workspace, 'services/api'), { recursive: true });
  writeFileSync(join(workspace, '.aegis/services.yaml'), 'services:\n  api:\n    path: services/api\n');
  writeFileSync(join(workspace, 'services/api/Dockerfile'), 'FROM scratch\nCOPY . /\n');
  writeFileSync(join(workspace, 'bomb-global.yaml'), billionLaughs('global'));
  writeFileSync(join(workspace, 'bomb-policy.yaml'), billionLaughs('environments'));
  writeFileSync(join(workspace, 'trivy.json'), '{"SchemaVersion": 2, "ArtifactName": "x", "Results": []}\n');
  writeFileSync(join(workspace, 'not-json.json'), 'this is not a report\n');
  writeFileSync(join(workspace, 'package.json'), '{"name":"lib","version":"1.0.0"}\n');
  git(workspace, 'init', '--quiet', '--initial-branch', 'main');
  writeFileSync(join(workspace, '.gitignore'), '');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '--quiet', '-m', 'feat: initial');
  gitops = createBareRepo({
    'overlays/dev/kustomization.yaml': `resources: []\nimages:\n  - name: api\n    newName: ${DEAD}/acme/api\n    newTag: 1.0.0\n`,
    'overlays/staging/kustomization.yaml': `resources: []\nimages:\n  - name: api\n    newName: ${DEAD}/acme/api\n    newTag: 0.9.0\n`,
    'overlays/prod/kustomization.yaml': 'resources: []\n',
  });
  refusing = createServer((request, response) => {
    request.resume();
    const status = request.url?.includes('/acme/broken/') || !request.headers.authorization ? 500 : 401;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: status === 401 ? 'Bad credentials' : 'Internal error' }));
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  refusingHost = `127.0.0.1:${(refusing.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => refusing?.close(resolve));
  gitops?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

interface Row {
  /** Inputs (kebab-case), given as INPUT_* like the runners do; `$GITOPS` and `$REFUSING` are filled in. */
  inputs: Record<string, string>;
  /** What the message must say: the input, file or host, and what happened. */
  message: RegExp;
  env?: Record<string, string>;
  /** PATH for the stage's child processes (a tool that is not installed). */
  path?: string;
}

const fill = (value: string) => value.replace('$GITOPS', gitops.bare).replace('$REFUSING', refusingHost);

/** Runs one stage as the CLI would, returning everything it logged and whether it failed. */
async function runCase(stageName: string, row: Row): Promise<{ failed: boolean; output: string }> {
  const stage = (await (stages[stageName] as () => Promise<StageDefinition>)()) as StageDefinition;
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(row.env ?? {})) env[name] = fill(value);
  for (const key of Object.keys(env)) if (key.startsWith('INPUT_')) delete env[key];
  for (const [name, value] of Object.entries(row.inputs)) env[`INPUT_${name.toUpperCase()}`] = fill(value);
  const platform = new CapturingPlatform(stage.name, env, { cwd: workspace, outputDir: join(root, 'out', stageName) });
  const savedPath = process.env.PATH;
  const savedExitCode = process.exitCode;
  if (row.path !== undefined) process.env.PATH = row.path;
  try {
    await runStage(stage, platform);
    return { failed: process.exitCode === 1, output: platform.lines.join('\n') };
  } finally {
    process.env.PATH = savedPath;
    process.exitCode = savedExitCode;
  }
}

/** Only the failure line matters for "names the input"; the stack check covers all output. */
function failureLine(output: string): string {
  const errors = output.split('\n').filter((line) => line.includes('ERROR'));
  return errors.at(-1) ?? '';
}

const EMPTY_PATH = join(tempDir('aegis-empty-path-'), 'bin');

const table: Record<string, [string, Row][]> = {
  detect: [
    ['missing manifest', { inputs: { config: 'nope.yaml' }, message: /Input 'config'.*nope\.yaml.*existing services manifest/ }],
    ['missing working directory', { inputs: { 'working-directory': 'nowhere' }, message: /Input 'working-directory'.*nowhere/ }],
    ['bad base', { inputs: { base: '--upload-pack=x' }, message: /Input 'base'.*a commit SHA, branch or tag/ }],
    ['billion-laughs manifest', { inputs: { config: 'bomb-global.yaml' }, message: /bomb-global\.yaml:\d+: / }],
    ['bad deepen-step', { inputs: { 'deepen-step': 'lots' }, message: /Input 'deepen-step'.*integer/ }],
    [
      'missing child-pipeline template',
      { inputs: { 'child-pipeline-template': 'none.yml' }, message: /Input 'child-pipeline-template'.*none\.yml/ },
    ],
  ],
  build: [
    [
      'builder buildah without buildah',
      {
        inputs: { image: `${DEAD}/acme/api`, context: 'services/api', builder: 'buildah', push: 'false', cache: 'none', tags: 'test' },
        path: EMPTY_PATH,
        message: /'buildah' is not installed.*change the input 'builder'/,
      },
    ],
    ['missing context', { inputs: { image: 'registry.example.com/api', context: 'nowhere' }, message: /Input 'context'.*nowhere/ }],
    ['bad image', { inputs: { image: 'Not An Image!', context: 'services/api' }, message: /Input 'image'/ }],
    [
      'builder buildx without docker',
      {
        inputs: {
          image: 'registry.example.com/api',
          context: 'services/api',
          builder: 'buildx',
          push: 'false',
          cache: 'none',
          tags: 'test',
        },
        path: EMPTY_PATH,
        message: /'docker' is not installed.*change the input 'builder'/,
      },
    ],
    [
      'bad platforms',
      {
        inputs: { image: 'registry.example.com/api', context: 'services/api', platforms: 'linux/amd64,plan9' },
        message: /Input 'platforms'/,
      },
    ],
    [
      'bad builder',
      { inputs: { image: 'registry.example.com/api', context: 'services/api', builder: 'kaniko' }, message: /Input 'builder'/ },
    ],
    [
      'secret file outside',
      {
        inputs: { image: 'registry.example.com/api', context: 'services/api', 'secret-files': 'npm=/etc/passwd' },
        message: /Input 'secret-files'/,
      },
    ],
  ],
  scan: [
    ['missing report', { inputs: { report: 'nope.json' }, message: /Input 'report'.*nope\.json/ }],
    ['not a Trivy report', { inputs: { report: 'not-json.json' }, message: /not-json\.json/ }],
    [
      'billion-laughs policy',
      { inputs: { report: 'trivy.json', policy: 'bomb-policy.yaml', environment: 'dev' }, message: /bomb-policy\.yaml.*(alias|YAML)/ },
    ],
    [
      'unreachable Trivy download',
      { inputs: { image: 'alpine:3', 'trivy-release-url': `http://${DEAD}/releases` }, message: /127\.0\.0\.1:2/ },
    ],
    [
      'trivy-binary not installed',
      { inputs: { image: 'alpine:3', 'trivy-binary': '/nonexistent/trivy' }, message: /\/nonexistent\/trivy.*does not exist/ },
    ],
    [
      'SARIF upload refused (401)',
      {
        inputs: { report: 'trivy.json', 'upload-sarif': 'true', token: 'ghp_wrong', repository: 'acme/api', 'fail-on': 'none' },
        env: { AEGIS_FORGE_URL: 'http://$REFUSING', AEGIS_HEAD: SHA, AEGIS_BRANCH: 'main' },
        message: /127\.0\.0\.1:\d+.*HTTP 401.*credentials were refused/,
      },
    ],
    [
      'SARIF upload: the API fails (500)',
      {
        inputs: { report: 'trivy.json', 'upload-sarif': 'true', token: 'ghp_x', repository: 'acme/broken', 'fail-on': 'none' },
        env: { AEGIS_FORGE_URL: 'http://$REFUSING', AEGIS_HEAD: SHA, AEGIS_BRANCH: 'main' },
        message: /127\.0\.0\.1:\d+.*HTTP 500.*the server failed: retry later/,
      },
    ],
    [
      'SARIF upload to an unreachable API',
      {
        inputs: { report: 'trivy.json', 'upload-sarif': 'true', token: 'ghp_x', repository: 'acme/api', 'fail-on': 'none' },
        env: { AEGIS_FORGE_URL: `http://${DEAD}`, AEGIS_HEAD: SHA, AEGIS_BRANCH: 'main' },
        message: /Could not reach 127\.0\.0\.1:2/,
      },
    ],
  ],
  'gitops-bump': [
    [
      'unreachable repository',
      {
        inputs: { repository: `http://${DEAD}/gitops.git`, images: 'api=registry/api:1.2.3', paths: 'overlays/dev' },
        message: /127\.0\.0\.1.*port 2|127\.0\.0\.1:2/,
      },
    ],
    [
      'missing repository',
      {
        inputs: { repository: '/nonexistent/gitops.git', images: 'api:1.2.3', paths: 'overlays/dev' },
        message: /\/nonexistent\/gitops\.git/,
      },
    ],
    ['bad image line', { inputs: { repository: '$GITOPS', images: 'api=:::', paths: 'overlays/dev' }, message: /Input 'images'/ }],
    ['bad mode', { inputs: { repository: '$GITOPS', images: 'api:1.2.3', paths: 'overlays/dev', mode: 'force' }, message: /Input 'mode'/ }],
    [
      'bad author',
      { inputs: { repository: '$GITOPS', images: 'api:1.2.3', paths: 'overlays/dev', author: 'nobody' }, message: /Input 'author'/ },
    ],
    [
      'git not installed',
      {
        inputs: { repository: '$GITOPS', images: 'api:1.2.3', paths: 'overlays/dev' },
        path: EMPTY_PATH,
        message: /'git' is not installed/,
      },
    ],
  ],
  promote: [
    ['unreachable registry (verify-images)', { inputs: { repository: '$GITOPS', from: 'dev', to: 'staging' }, message: /127\.0\.0\.1:2/ }],
    ['unknown environment', { inputs: { repository: '$GITOPS', from: 'dev', to: 'qa' }, message: /Input 'to'|qa/ }],
    [
      'billion-laughs environments',
      {
        inputs: { repository: '$GITOPS', from: 'dev', to: 'staging', environments: billionLaughs('dev') },
        message: /Input 'environments'/,
      },
    ],
    [
      'unreachable repository',
      { inputs: { repository: `http://${DEAD}/gitops.git`, from: 'dev', to: 'staging' }, message: /127\.0\.0\.1.*port 2|127\.0\.0\.1:2/ },
    ],
    [
      'bad pin-digest',
      { inputs: { repository: '$GITOPS', from: 'dev', to: 'staging', 'pin-digest': 'maybe' }, message: /Input 'pin-digest'/ },
    ],
    [
      'unreachable Argo CD',
      {
        inputs: {
          repository: '$GITOPS',
          from: 'dev',
          to: 'staging',
          'verify-images': 'false',
          'argocd-server': `http://${DEAD}`,
          'argocd-token': 'x',
          'argocd-applications': 'api-dev',
        },
        message: /127\.0\.0\.1:2/,
      },
    ],
  ],
  'health-gate': [
    ['billion-laughs checks', { inputs: { checks: billionLaughs('checks') }, message: /Input 'checks'/ }],
    ['bad interval', { inputs: { checks: `- name: a\n  http: {url: "http://${DEAD}/"}`, interval: 'often' }, message: /Input 'interval'/ }],
    [
      'unreachable HTTP check',
      {
        inputs: { checks: `- name: api\n  http: {url: "http://${DEAD}/healthz"}`, interval: '100ms', count: '2', rollback: 'none' },
        message: /127\.0\.0\.1:2/,
      },
    ],
    [
      'unreachable Prometheus',
      {
        inputs: {
          checks: `- name: errors\n  prometheus: {address: "http://${DEAD}", query: "up", success-condition: "result > 0"}`,
          interval: '100ms',
          count: '2',
          rollback: 'none',
        },
        message: /127\.0\.0\.1:2/,
      },
    ],
    ['bad rollback', { inputs: { checks: `- name: a\n  http: {url: "http://${DEAD}/"}`, rollback: 'pray' }, message: /Input 'rollback'/ }],
    ['no checks', { inputs: { checks: '[]' }, message: /Input 'checks'/ }],
  ],
  release: [
    ['missing path', { inputs: { path: 'libs/none' }, message: /Input 'path'.*libs\/none/ }],
    ['unknown remote', { inputs: { remote: 'upstream' }, message: /Input 'remote'.*upstream/ }],
    ['bad publish', { inputs: { publish: 'ftp' }, message: /Input 'publish'/ }],
    ['bad prerelease', { inputs: { prerelease: 'Beta Channel!' }, message: /Input 'prerelease'/ }],
    [
      'unreachable npm registry',
      { inputs: { publish: 'npm', 'registry-url': `http://${DEAD}/`, remote: 'none', token: 'npm_x' }, message: /127\.0\.0\.1:2/ },
    ],
    ['git not installed', { inputs: { remote: 'none' }, path: EMPTY_PATH, message: /'git' is not installed/ }],
  ],
};

for (const [stage, rows] of Object.entries(table)) {
  describe(`${stage}: what a user can get wrong`, () => {
    test.each(rows)('%s', async (_name, row) => {
      const { failed, output } = await runCase(stage, row);
      if (process.env.SHOW_FAILURES) console.log(`${stage} / ${_name}: ${failureLine(output)}`);
      expect(failed, output).toBe(true);
      expect(failureLine(output), output).toMatch(row.message);
      // One message, no stack trace: no "    at fn (file:line)" frames anywhere in the output.
      expect(output).not.toMatch(/^\s{4}at /m);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
    });
  });
}

test('with --debug (AEGIS_DEBUG) the stack trace is there for whoever asks', async () => {
  const { output } = await runCase('scan', {
    inputs: { report: 'trivy.json', 'upload-sarif': 'true', token: 'ghp_x', repository: 'acme/api', 'fail-on': 'none' },
    env: { AEGIS_FORGE_URL: `http://${DEAD}`, AEGIS_DEBUG: '1', AEGIS_HEAD: SHA, AEGIS_BRANCH: 'main' },
    message: /./,
  });
  expect(output).toMatch(/\[debug\] .*\n\s+at /);
});

describe('through the real entry, as the runners start it', () => {
  const promoteInputs = () => ({
    INPUT_REPOSITORY: gitops.bare,
    INPUT_FROM: 'dev',
    INPUT_TO: 'staging',
  });

  test('GitHub: one ::error:: line naming the host, no stack; the stack with ACTIONS_STEP_DEBUG', async () => {
    const runnerTemp = tempDir('aegis-user-errors-runner-');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp, ...promoteInputs() };
    const plain = await runEntry('promote', env);
    expect(plain.status).toBe(1);
    expect(plain.stdout).toMatch(/^::error::http:\/\/127\.0\.0\.1:2 unreachable: ECONNREFUSED\. Check the URL or host/m);
    expect(plain.stdout.match(/^::error::/gm)).toHaveLength(1);
    expect(`${plain.stdout}${plain.stderr}`).not.toMatch(/^\s+at /m);
    const debug = await runEntry('promote', { ...env, ACTIONS_STEP_DEBUG: 'true' });
    expect(debug.status).toBe(1);
    expect(debug.stdout).toMatch(/\[debug\] .*\n\s+at /);
  });

  test('GitLab: a missing tool names the tool and the input, no stack; the stack with CI_DEBUG_TRACE', async () => {
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: workspace,
      CI_JOB_NAME: 'build',
      // Only node on PATH: no buildah (nor git).
      PATH: `${EMPTY_PATH}:${dirname(process.execPath)}`,
      INPUT_IMAGE: 'registry.example.com/api',
      INPUT_CONTEXT: 'services/api',
      INPUT_BUILDER: 'buildah',
      INPUT_PUSH: 'false',
      INPUT_CACHE: 'none',
      INPUT_TAGS: 'test',
    };
    const plain = await runEntry('build', env);
    const output = `${plain.stdout}${plain.stderr}`;
    expect(plain.status).toBe(1);
    expect(output).toMatch(/ERROR.* 'buildah' is not installed here .*change the input 'builder'/);
    expect(output).not.toMatch(/^\s+at /m);
    const debug = await runEntry('build', { ...env, CI_DEBUG_TRACE: 'true' });
    expect(`${debug.stdout}${debug.stderr}`).toMatch(/\[debug\] .*\n\s+at /);
  });
});
