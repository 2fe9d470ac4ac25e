/**
 * Text from repositories is data. Each stage runs as the GitHub runner runs an action (a
 * process with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and INPUT_* set, from src/ through tsx);
 * the test then reads stdout the way the runner does (lines split on CR and LF, `::` lines are
 * commands), parses GITHUB_OUTPUT's heredocs and the summary's markdown structure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { removeScenarios, Scenario } from '../fixtures/detect/repo.js';
import { ROOT } from '../helpers/cli.js';
import { createBareRepo, git, tempDir } from '../helpers/git.js';

afterAll(removeScenarios);

function runAction(stage: string, workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const dir = tempDir('aegis-action-');
  const outputFile = join(dir, 'github-output');
  const summaryFile = join(dir, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_|GITLAB_CI|CI_)/.test(key)));
  const env: Record<string, string> = {
    ...(clean as Record<string, string>),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'src/entry', `${stage}.ts`)],
    {
      cwd: workspace,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: readGithubOutputs(outputFile),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** GITHUB_OUTPUT as @actions/core writes it: name<<delimiter … delimiter. */
function readGithubOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] as string);
    if (!match) {
      expect(lines[index], 'a GITHUB_OUTPUT line outside a heredoc').toBe('');
      continue;
    }
    const value: string[] = [];
    while (lines[++index] !== match[2]) {
      expect(index, `unterminated heredoc for ${match[1]}`).toBeLessThan(lines.length);
      value.push(lines[index] as string);
    }
    outputs[match[1] as string] = value.join('\n');
  }
  return outputs;
}

/** The workflow commands the runner would execute from this stdout: it splits lines on CR and LF and trims them. */
function workflowCommands(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('::') || line.includes('##['));
}

/** Markdown structure: fenced blocks (language, lines) and headings outside them. */
function markdownStructure(markdown: string): { fences: { info: string; lines: string[] }[]; headings: string[] } {
  const fences: { info: string; lines: string[] }[] = [];
  const headings: string[] = [];
  let open: { info: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (open) {
        fences.push(open);
        open = undefined;
      } else open = { info: (fence[2] as string).trim(), lines: [] };
      continue;
    }
    if (open) open.lines.push(line);
    else if (/^ {0,3}#{1,6}\s/.test(line)) headings.push(line.trim());
  }
  expect(open, 'an unterminated code fence').toBeUndefined();
  return { fences, headings };
}

describe('a commit message with CR and workflow commands', () => {
  test('release prints the notes; the runner sees no command it did not get from us', () => {
    const s = new Scenario();
    s.commit({ 'package.json': '{"name":"lib","version":"1.0.0"}\n' }, 'chore: package');
    s.commit(
      { 'README.md': '2' },
      'feat: faster\n\nBREAKING CHANGE: old API gone\r::add-mask::visible-word\r::warning file=x::forged ##[error]legacy-forged',
    );
    s.push('main');
    const workspace = s.clone();
    git(workspace, 'config', 'user.email', 'ci@example.com');
    git(workspace, 'config', 'user.name', 'ci');
    const result = runAction('release', workspace, { 'dry-run': 'true', remote: 'none' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('faster');
    const commands = workflowCommands(result.stdout);
    // Only what @actions/core writes for us: groups and masks of our own secrets.
    for (const command of commands) expect(command).toMatch(/^::(group|endgroup|add-mask)::/);
    expect(commands.join('\n')).not.toContain('visible-word');
    expect(commands.join('\n')).not.toContain('forged');
    expect(result.stdout).toContain('\\r');
  });
});

describe('an overlay tag with a newline and a code fence', () => {
  test('promote refuses it by name; summary, logs and outputs keep their structure', () => {
    const evil = '1.0\\n```\\n## Approved by security\\n```mermaid';
    const overlay = (tag: string) =>
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: registry.example.com/shop/api\n    newTag: "${tag}"\n`;
    const repo = createBareRepo({
      'overlays/dev/kustomization.yaml': overlay(evil),
      'overlays/staging/kustomization.yaml': overlay('0.9.0'),
      'overlays/prod/kustomization.yaml': overlay('0.9.0'),
    });
    try {
      const tip = repo.tip();
      const workspace = tempDir();
      const result = runAction('promote', workspace, { repository: repo.bare, from: 'dev', to: 'staging', 'verify-images': 'false' });
      expect(result.status).toBe(1);
      expect(repo.tip()).toBe(tip);

      const refusals = JSON.parse(result.outputs.refusals as string) as { subject: string; rule: string }[];
      expect(refusals).toEqual([expect.objectContaining({ subject: 'registry.example.com/shop/api', rule: 'invalid-image-reference' })]);
      expect(result.outputs.changed).toBe('false');

      const { fences, headings } = markdownStructure(result.summary);
      expect(headings).toEqual(['### aegis promote: dev → staging', '#### Refusals']);
      expect(fences.map((fence) => fence.info)).toEqual(['mermaid']);
      const diagram = fences[0]?.lines ?? [];
      expect(diagram[0]).toBe('flowchart LR');
      for (const line of diagram.slice(1))
        expect(line).toMatch(/^ {2}(env\d+(\[".*"\])?( (-->|==>)(\|[^|]*\|)? env\d+)?|classDef .*|class .*)$/);
      // Every table row is one row.
      for (const line of result.summary.split('\n').filter((l) => l.startsWith('|'))) expect(line).toMatch(/\|$/);
      expect(result.summary).not.toMatch(/^## Approved/m);

      for (const command of workflowCommands(result.stdout)) expect(command).toMatch(/^::(group|endgroup|add-mask|error)/);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a file name with a newline', () => {
  test('detect: changed-files.txt has one line per path, the summary one row per service', () => {
    const s = new Scenario();
    const before = s.sha();
    const head = s.commit({ 'services/web/a\nservices/api/Dockerfile': 'x' });
    s.push('main');
    const workspace = s.clone({ depth: 1 });
    const eventFile = join(workspace, '..', 'event.json');
    writeFileSync(eventFile, JSON.stringify({ before, after: head, forced: false, repository: { default_branch: 'main' } }));
    const result = runAction(
      'detect',
      workspace,
      { 'image-prefix': 'registry.example.com/aegis' },
      { GITHUB_EVENT_PATH: eventFile, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: head },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const listed = readFileSync(resolve(workspace, result.outputs['changed-files'] as string), 'utf8').split('\n');
    expect(listed).toEqual(['"services/web/a\\nservices/api/Dockerfile"', '']);
    expect(JSON.parse(result.outputs.services as string)).toEqual(['web']);
    const rows = result.summary.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^\| `web` \| service \| 1 file: `services\/web\/a services\/api\/Dockerfile` \|$/);
  });
});

test('the log neutraliser, directly', async () => {
  const { neutralizeLogText } = await import('../../src/core/markdown.js');
  const text = neutralizeLogText('ok\r::add-mask::x\n  ::warning::y\n\u001b[0Ksection_start:1:evil\r\u001b[0K\nend ##[error]z');
  const lines = text.split(/\r\n|\r|\n/);
  expect(lines).toHaveLength(4);
  for (const line of lines) expect(line.trim().startsWith('::')).toBe(false);
  expect(text).not.toContain('\u001b');
  expect(text).not.toContain('##[');
});
