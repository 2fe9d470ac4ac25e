import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain ESM script without types
import { cliManifest } from '../../scripts/pack-cli.mjs';
import { readVersion, setVersion } from '../../src/core/release/version-files.js';
import { ROOT } from '../helpers/cli.js';
import { git, tempDir } from '../helpers/git.js';

const TEMPLATES = readdirSync(join(ROOT, 'gitlab-components/templates'))
  .filter((file) => file.endsWith('.yml'))
  .sort();
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const RUNTIME = 'registry.gitlab.com/aegis-actions/aegis-actions';

type Step = { uses?: string; with?: Record<string, string> };
const githubRelease = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const catalog = parse(readFileSync(join(ROOT, 'gitlab-components/.gitlab-ci.yml'), 'utf8')) as {
  include: { inputs: Record<string, string> }[];
};

function jobImageDefault(file: string): string {
  const spec = parse(readFileSync(join(ROOT, 'gitlab-components/templates', file), 'utf8').split('\n---\n')[0] as string);
  return spec.spec.inputs['job-image'].default;
}

describe('the version a release carries is the same everywhere', () => {
  test.each(TEMPLATES)("%s runs the exact package version's image by default, never a moving tag", (file) => {
    expect(jobImageDefault(file)).toBe(`${RUNTIME}:${VERSION}`);
    expect(readVersion(file, readFileSync(join(ROOT, 'gitlab-components/templates', file), 'utf8'))).toBe(VERSION);
  });

  test('the CLI package is published with the project version', () => {
    expect(cliManifest().version).toBe(VERSION);
  });

  test('both self-release pipelines rewrite every template together with the version', () => {
    const step = githubRelease.jobs.release?.steps.find((candidate) => candidate.uses === './actions/release');
    const github = (step?.with?.['version-files'] ?? '').split('\n').filter(Boolean);
    expect(github).toEqual(['package.json', ...TEMPLATES.map((file) => `gitlab-components/templates/${file}`)]);
    const gitlab = (catalog.include[0]?.inputs['version-files'] ?? '').split('\n').filter(Boolean);
    expect(gitlab).toEqual(TEMPLATES.map((file) => `templates/${file}`));
  });

  test('after the release edit of the version files, the generated metadata still agrees (check-metadata passes at 1.4.2)', () => {
    const clone = join(tempDir('aegis-dist-'), 'repo');
    git(ROOT, 'clone', '--quiet', ROOT, clone);
    // The working tree's uncommitted state is what is under test: copy the files in question.
    for (const file of [
      'package.json',
      'scripts/metadata.ts',
      'src/core/release/version-files.ts',
      ...TEMPLATES.map((t) => `gitlab-components/templates/${t}`),
    ]) {
      writeFileSync(join(clone, file), readFileSync(join(ROOT, file)));
    }
    for (const file of ['package.json', ...TEMPLATES.map((t) => `gitlab-components/templates/${t}`)]) {
      const path = join(clone, file);
      writeFileSync(path, setVersion(file, readFileSync(path, 'utf8'), '1.4.2'));
    }
    execFileSync('ln', ['-s', join(ROOT, 'node_modules'), join(clone, 'node_modules')]);
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/metadata.ts', '--check'], { cwd: clone, stdio: 'pipe' });
    expect(readFileSync(join(clone, 'gitlab-components/templates/build.yml'), 'utf8')).toContain(
      `default: ${RUNTIME}:1.4.2 # aegis-release-version`,
    );
  });
});

describe('lines marked for the release (release-please generic updater convention)', () => {
  test.each([
    ['default: registry.example.com/x:0.1.0 # aegis-release-version\n', 'default: registry.example.com/x:2.0.0 # aegis-release-version\n'],
    ['version = "1.2.3-rc.1"  # x-release-please-version\n', 'version = "2.0.0"  # x-release-please-version\n'],
    ['a: 1.0.0\nb: 1.0.0 # aegis-release-version\n', 'a: 1.0.0\nb: 2.0.0 # aegis-release-version\n'],
  ])('%j', (before, after) => {
    expect(setVersion('chart.yml', before, '2.0.0')).toBe(after);
  });

  test('a file with neither __version__ nor a marked line is refused by name', () => {
    expect(() => setVersion('values.yml', 'tag: 1.0.0\n', '2.0.0')).toThrow(/values\.yml.*aegis-release-version/);
  });
});
