import { describe, expect, test } from 'vitest';
import { createPlatform } from '../../src/platform/index.js';

const GITHUB = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/tmp', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' };
const GITLAB = { GITLAB_CI: 'true', CI_PROJECT_DIR: '/tmp', CI_JOB_NAME: 'job', CI_SERVER_URL: 'https://gitlab.example.com' };

describe('Platform answers the platform questions stages used to branch on', () => {
  test.each([
    ['github', GITHUB, 'x-access-token'],
    ['gitlab', GITLAB, 'oauth2'],
    ['local', {}, 'x-access-token'],
  ])('token user on %s', (_name, env, user) => {
    expect(createPlatform('gitops-bump', env).tokenUser).toBe(user);
  });

  test.each([
    ['github', GITHUB, 'https://github.com/o/r', 'github'],
    ['github', GITHUB, 'https://gitlab.example.com/g/p', 'gitlab'],
    ['gitlab', GITLAB, 'https://git.example.com/g/p', 'gitlab'],
    ['local', {}, undefined, 'github'],
    ['local', {}, 'not a url', 'github'],
  ])('forge kind on %s of %s', (_name, env, url, kind) => {
    expect(createPlatform('release', env).forgeKindOf(url)).toBe(kind);
  });

  test('the environment handed to tools is the platform’s', () => {
    expect(createPlatform('build', { ...GITHUB, SECRET_X: 'x' }).environment().SECRET_X).toBe('x');
  });

  test('provided inputs: what the runner set (GitHub keeps -, GitLab writes _); none locally', () => {
    const env = { 'INPUT_SKIP-EXISTING': 'true', INPUT_FIEL: 'Dockerfile', INPUT_: 'x', PATH: '/bin' };
    expect(
      createPlatform('build', { ...GITHUB, ...env })
        .providedInputs()
        .sort(),
    ).toEqual(['fiel', 'skip-existing']);
    expect(createPlatform('build', { ...GITLAB, INPUT_SKIP_EXISTING: '' }).providedInputs()).toEqual(['skip-existing']);
    expect(createPlatform('build', env).providedInputs()).toEqual([]);
  });
});
