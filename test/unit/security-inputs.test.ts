import { describe, expect, test } from 'vitest';
import { assertCredentialUrl } from '../../src/core/credential-scope.js';
import { parseChecks } from '../../src/core/health/checks.js';
import { DEFAULT_LIMITS } from '../../src/core/health/evaluator.js';
import { InputReader } from '../../src/stages/inputs.js';
import { parseScanInputs } from '../../src/stages/scan/options.js';
import { definition as scan } from '../../src/stages/scan.js';
import { assertForgeRepository } from '../../src/stages/shared.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const DEFAULTS = { intervalMs: 1000, initialDelayMs: 0, limits: { ...DEFAULT_LIMITS, count: 1 } };

describe('inputs that name where a credential goes', () => {
  test.each(['../x', 'owner/..', './repo', 'owner/name/extra', 'owner', 'own er/name'])("scan's repository %j is refused", (repository) => {
    const platform = new RecordingPlatform(process.cwd(), {
      image: 'registry.example.com/shop/api:1.0.0',
      'upload-sarif': 'true',
      token: 'ghs_uploadtoken123',
      repository,
    });
    expect(() => parseScanInputs(new InputReader(platform, scan.inputs), process.cwd())).toThrow(/Input 'repository'.*owner\/name/);
  });

  test('owner/name and nested GitLab paths pass; dot segments never', () => {
    expect(() => assertForgeRepository('repository', 'octo-org/octo.repo')).not.toThrow();
    expect(() => assertForgeRepository('forge-project', 'group/sub/project', true)).not.toThrow();
    expect(() => assertForgeRepository('forge-project', 'group/../project', true)).toThrow(/forge-project/);
  });

  test('a token is sent over https, or plain http to this machine only', () => {
    expect(() => assertCredentialUrl('forge-url', 'http://forge.example.com/api', true)).toThrow(/Input 'forge-url'.*https/);
    expect(() => assertCredentialUrl('forge-url', 'http://127.0.0.1:8080/api', true)).not.toThrow();
    expect(() => assertCredentialUrl('forge-url', 'https://user:pw@forge.example.com', true)).toThrow(/without credentials/);
    expect(() => assertCredentialUrl('forge-url', 'https://user:pw@forge.example.com', true)).not.toThrow(/pw/);
  });

  test('an Argo CD token is never sent over plain http to another host', () => {
    const checks = '- name: synced\n  argocd: {server: "http://argocd.example.com", application: api, revision: abc}';
    expect(() => parseChecks(checks, { ...DEFAULTS, argocdToken: 'argo-token-123' })).toThrow(/argocd.server.*plain http/);
    expect(() => parseChecks(checks, DEFAULTS)).not.toThrow();
  });
});

describe('error messages never quote secret-bearing input', () => {
  test('headers given as a string are refused without repeating them', () => {
    const checks = '- name: api\n  http: {url: "https://api.example.com/healthz", headers: "Authorization: Bearer s3cr3t-value"}';
    let message = '';
    try {
      parseChecks(checks, DEFAULTS);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/a mapping of header names to values for api\.http\.headers/);
    expect(message).not.toContain('s3cr3t-value');
    expect(message).not.toContain('Bearer');
  });
});

test('an Argo CD token given as a list is not quoted back', () => {
  const checks = '- name: synced\n  argocd: {server: "https://argocd.example.com", application: api, revision: abc, token: [argo-s3cret]}';
  expect(() => parseChecks(checks, DEFAULTS)).toThrow(/a string for synced.argocd.token/);
  expect(() => parseChecks(checks, DEFAULTS)).not.toThrow(/argo-s3cret/);
});
