import { describe, expect, test } from 'vitest';
import { FileError, InputError } from '../../src/core/errors.js';
import { type Disposition, evaluateGate } from '../../src/core/scan/gate.js';
import { daysLeft, type IgnoreEntry, parseIgnoreFile } from '../../src/core/scan/ignore.js';
import { type GateRules, parsePolicy, resolveRules } from '../../src/core/scan/policy.js';
import { type Finding, findings, parseTrivyReport, type TrivyReport } from '../../src/core/scan/report.js';
import type { Severity } from '../../src/core/scan/severity.js';

function report(rows: [id: string, severity: Severity, pkg: string, fixed?: string][]): TrivyReport {
  return {
    SchemaVersion: 2,
    ArtifactName: 'img',
    Results: [
      {
        Target: 'img (alpine 3.19)',
        Class: 'os-pkgs',
        Vulnerabilities: rows.map(([id, severity, pkg, fixed]) => ({
          VulnerabilityID: id,
          Severity: severity,
          PkgName: pkg,
          InstalledVersion: '1.0',
          ...(fixed ? { FixedVersion: fixed } : {}),
        })),
      },
    ],
  };
}

const SAMPLE = findings(
  report([
    ['CVE-1', 'CRITICAL', 'openssl', '3.0.1'],
    ['CVE-2', 'HIGH', 'curl', '8.0'],
    ['CVE-3', 'HIGH', 'zlib'],
    ['CVE-4', 'MEDIUM', 'musl', '1.2'],
    ['CVE-5', 'LOW', 'busybox'],
    ['CVE-6', 'UNKNOWN', 'apk-tools', '2.0'],
  ]),
);
const NOW = new Date('2025-06-15T12:00:00Z');
const RULES: GateRules = { failOn: 'HIGH', warnOn: 'none', ignoreUnfixed: false, max: {} };

function gate(rules: Partial<GateRules>, extra: { ignores?: IgnoreEntry[]; baseline?: string[]; list?: Finding[] } = {}) {
  return evaluateGate({
    findings: extra.list ?? SAMPLE,
    rules: { ...RULES, ...rules },
    ignores: extra.ignores ?? [],
    ...(extra.baseline ? { baseline: { keys: new Set(extra.baseline), movableKeys: new Set<string>() } } : {}),
    now: NOW,
    expiryWarningDays: 14,
  });
}

function dispositions(result: ReturnType<typeof gate>): Record<string, Disposition> {
  return Object.fromEntries(result.gated.map((item) => [item.finding.id, item.disposition]));
}

describe('thresholds', () => {
  test.each<[string, Partial<GateRules>, 'passed' | 'failed', number]>([
    ['fail-on CRITICAL', { failOn: 'CRITICAL' }, 'failed', 1],
    ['fail-on HIGH', { failOn: 'HIGH' }, 'failed', 3],
    ['fail-on MEDIUM', { failOn: 'MEDIUM' }, 'failed', 4],
    ['fail-on LOW', { failOn: 'LOW' }, 'failed', 5],
    ['fail-on UNKNOWN blocks everything', { failOn: 'UNKNOWN' }, 'failed', 6],
    ['fail-on none never blocks', { failOn: 'none' }, 'passed', 0],
    ['max allows two HIGH over fail-on HIGH', { failOn: 'HIGH', max: { HIGH: 2, CRITICAL: 1 } }, 'passed', 0],
    ['max of one HIGH is exceeded by two', { failOn: 'none', max: { HIGH: 1 } }, 'failed', 2],
    ['max below fail-on adds a limit', { failOn: 'CRITICAL', max: { MEDIUM: 0 } }, 'failed', 2],
  ])('%s', (_name, rules, result, blocking) => {
    const outcome = gate(rules);
    expect(outcome.result).toBe(result);
    expect(outcome.blocking).toBe(blocking);
    // Gating never hides findings: every one is in the result and in the counts.
    expect(outcome.gated).toHaveLength(SAMPLE.length);
    expect(outcome.counts).toEqual({ CRITICAL: 1, HIGH: 2, MEDIUM: 1, LOW: 1, UNKNOWN: 1 });
  });

  test('warn-on marks findings below the blocking threshold as warnings', () => {
    const outcome = gate({ failOn: 'CRITICAL', warnOn: 'MEDIUM' });
    expect(dispositions(outcome)).toEqual({
      'CVE-1': 'blocking',
      'CVE-2': 'warning',
      'CVE-3': 'warning',
      'CVE-4': 'warning',
      'CVE-5': 'allowed',
      'CVE-6': 'allowed',
    });
    expect(outcome.warnings).toBe(3);
  });

  test('exceeded lists severities over their limit, highest first', () => {
    expect(gate({ failOn: 'HIGH' }).exceeded).toEqual([
      { severity: 'CRITICAL', count: 1, limit: 0 },
      { severity: 'HIGH', count: 2, limit: 0 },
    ]);
  });
});

describe('ignore-unfixed', () => {
  test.each<[boolean, Severity | 'none', 'passed' | 'failed', Record<string, Disposition>]>([
    [false, 'HIGH', 'failed', { 'CVE-3': 'blocking', 'CVE-5': 'allowed' }],
    [true, 'HIGH', 'failed', { 'CVE-3': 'unfixed', 'CVE-5': 'unfixed' }],
    [true, 'none', 'passed', { 'CVE-3': 'unfixed', 'CVE-5': 'unfixed' }],
  ])('ignore-unfixed %s, fail-on %s -> %s', (ignoreUnfixed, failOn, result, expected) => {
    const outcome = gate({ ignoreUnfixed, failOn });
    expect(outcome.result).toBe(result);
    expect(dispositions(outcome)).toMatchObject(expected);
  });

  test('only unfixed findings are excused: a fixable HIGH still blocks', () => {
    const list = findings(report([['CVE-9', 'HIGH', 'zlib']]));
    expect(gate({ ignoreUnfixed: true }, { list }).result).toBe('passed');
    expect(gate({ ignoreUnfixed: true }, { list: SAMPLE }).blocking).toBe(2);
  });
});

describe('ignore entries and expiry', () => {
  const entry = (id: string, expires: string, pkg?: string): IgnoreEntry => ({
    id,
    reason: 'not reachable',
    owner: 'team-a',
    expires,
    ...(pkg ? { package: pkg } : {}),
  });

  test.each<[string, IgnoreEntry[], 'passed' | 'failed', Disposition, number, number]>([
    // name, entries, result, disposition of CVE-1, expired count, expiring count
    [
      'active entry excuses',
      [entry('CVE-1', '2025-12-31'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'passed',
      'ignored',
      0,
      0,
    ],
    [
      'expired entry stops counting',
      [entry('CVE-1', '2025-06-14'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'failed',
      'blocking',
      1,
      0,
    ],
    [
      'entry holds on its last day',
      [entry('CVE-1', '2025-06-15'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'passed',
      'ignored',
      0,
      1,
    ],
    [
      'entry close to expiry is warned about',
      [entry('CVE-1', '2025-06-29'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'passed',
      'ignored',
      0,
      1,
    ],
    [
      'entry just outside the warning window',
      [entry('CVE-1', '2025-06-30'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'passed',
      'ignored',
      0,
      0,
    ],
    [
      'package-scoped entry does not cover another package',
      [entry('CVE-1', '2025-12-31', 'libssl'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'failed',
      'blocking',
      0,
      0,
    ],
    [
      'package-scoped entry covers its package',
      [entry('CVE-1', '2025-12-31', 'openssl'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'passed',
      'ignored',
      0,
      0,
    ],
    [
      'ids match case-insensitively',
      [entry('cve-1', '2025-12-31'), entry('CVE-2', '2025-12-31'), entry('CVE-3', '2025-12-31')],
      'passed',
      'ignored',
      0,
      0,
    ],
  ])('%s', (_name, ignores, result, disposition, expired, expiring) => {
    const outcome = gate({}, { ignores });
    expect(outcome.result).toBe(result);
    expect(dispositions(outcome)['CVE-1']).toBe(disposition);
    expect(outcome.expiredIgnores).toHaveLength(expired);
    expect(outcome.expiringIgnores).toHaveLength(expiring);
    expect(outcome.gated).toHaveLength(SAMPLE.length);
  });

  test('unused entries are reported', () => {
    expect(gate({}, { ignores: [entry('CVE-404', '2026-01-01')] }).unusedIgnores.map((e) => e.id)).toEqual(['CVE-404']);
  });

  test.each([
    ['2025-06-15T00:00:00Z', 0],
    ['2025-06-15T23:59:59Z', 0],
    ['2025-06-16T00:00:00Z', -1],
    ['2025-06-14T12:00:00Z', 1],
    ['2025-06-01T00:00:00Z', 14],
  ])('daysLeft of an entry expiring 2025-06-15 at %s is %i', (now, expected) => {
    expect(daysLeft(entry('x', '2025-06-15'), new Date(now))).toBe(expected);
  });
});

describe('baseline', () => {
  const baseline = findings(
    report([
      ['CVE-1', 'CRITICAL', 'openssl', '3.0.1'],
      ['CVE-2', 'HIGH', 'curl', '8.0'],
    ]),
  );
  test.each<[string, string[], 'passed' | 'failed', string[]]>([
    ['findings already in the baseline do not fail', baseline.map((f) => f.key), 'failed', ['CVE-3']],
    ['a complete baseline passes', SAMPLE.map((f) => f.key), 'passed', []],
    ['no baseline: all over the threshold block', [], 'failed', ['CVE-1', 'CVE-2', 'CVE-3']],
  ])('%s', (_name, keys, result, blockingIds) => {
    const outcome = gate({}, { baseline: keys });
    expect(outcome.result).toBe(result);
    expect(outcome.gated.filter((g) => g.disposition === 'blocking').map((g) => g.finding.id)).toEqual(blockingIds);
    expect(outcome.counts.CRITICAL).toBe(1);
  });

  test('a new installed version of the same package keeps the baseline key', () => {
    const rebuilt = report([['CVE-1', 'CRITICAL', 'openssl', '3.0.1']]);
    const vulnerability = rebuilt.Results?.[0]?.Vulnerabilities?.[0];
    if (vulnerability) vulnerability.InstalledVersion = '3.0.0-r9';
    expect(findings(rebuilt)[0]?.key).toBe(baseline[0]?.key);
  });
});

describe('policy per environment', () => {
  const POLICY = `
default:
  fail-on: CRITICAL
environments:
  dev: {fail-on: none, warn-on: HIGH}
  staging: {fail-on: CRITICAL, warn-on: MEDIUM}
  prod: {fail-on: HIGH, ignore-unfixed: true, max: {MEDIUM: 0}}
`;
  const policy = parsePolicy(POLICY, 'policy.yaml');

  test.each<[string | undefined, 'passed' | 'failed', number, number, string]>([
    ['dev', 'passed', 0, 3, "policy environment 'dev'"],
    ['staging', 'failed', 1, 3, "policy environment 'staging'"],
    ['prod', 'failed', 3, 0, "policy environment 'prod'"],
    ['qa', 'failed', 1, 0, 'policy default'],
    [undefined, 'failed', 1, 0, 'policy default'],
  ])('environment %s -> %s (%i blocking, %i warnings)', (environment, result, blocking, warnings, source) => {
    const resolved = resolveRules(RULES, policy, environment);
    expect(resolved.source).toBe(source);
    const outcome = gate(resolved.rules);
    expect(outcome.result).toBe(result);
    expect(outcome.blocking).toBe(blocking);
    expect(outcome.warnings).toBe(warnings);
  });

  test('without a policy the inputs apply', () => {
    expect(resolveRules(RULES, undefined, 'prod')).toEqual({ rules: RULES, source: 'inputs' });
  });

  test('an environment the policy does not list, and no default, is an input error', () => {
    const strict = parsePolicy('environments:\n  prod: {fail-on: HIGH}\n', 'p.yaml');
    expect(() => resolveRules(RULES, strict, 'qa')).toThrow(InputError);
    expect(() => resolveRules(RULES, strict, 'qa')).toThrow(/environment.*"qa".*prod/);
  });

  test.each([
    ['not yaml', 'environments: [unclosed', /not valid YAML/],
    ['no environments', 'fail-on: HIGH\n', /expected a mapping with 'environments'/],
    ['unknown severity', 'environments:\n  prod: {fail-on: SEVERE}\n', /environments.prod.fail-on is "SEVERE"/],
    ['unknown key', 'environments:\n  prod: {fail_on: HIGH}\n', /unknown key\(s\) fail_on/],
    ['bad max', 'environments:\n  prod: {max: {HIGH: -1}}\n', /max.HIGH is -1/],
    ['bad max severity', 'environments:\n  prod: {max: {SEVERE: 1}}\n', /unknown severity "SEVERE"/],
    ['ignore-unfixed not boolean', 'environments:\n  prod: {ignore-unfixed: maybe}\n', /ignore-unfixed must be true or false/],
    ['unknown top-level key', 'environments: {}\nextra: 1\n', /unknown top-level key\(s\) extra/],
  ])('malformed policy (%s) is refused', (_name, text, message) => {
    expect(() => parsePolicy(text, 'policy.yaml')).toThrow(FileError);
    expect(() => parsePolicy(text, 'policy.yaml')).toThrow(message);
  });
});

describe('ignore file', () => {
  test('parses entries with reason, owner, expiry and optional package, and the line of each', () => {
    const text =
      'ignores:\n  - id: CVE-1\n    reason: r\n    owner: o\n    expires: 2025-01-31\n  - id: CVE-2\n    package: zlib\n    reason: r2\n    owner: o2\n    expires: "2026-02-01"\n';
    const F = '.aegis/scan-ignore.yaml';
    expect(parseIgnoreFile(text, F)).toEqual([
      { id: 'CVE-1', reason: 'r', owner: 'o', expires: '2025-01-31', until: Date.parse('2025-02-01T00:00:00Z'), file: F, line: 2 },
      {
        id: 'CVE-2',
        package: 'zlib',
        reason: 'r2',
        owner: 'o2',
        expires: '2026-02-01',
        until: Date.parse('2026-02-02T00:00:00Z'),
        file: F,
        line: 6,
      },
    ]);
  });

  test('an empty file ignores nothing', () => {
    expect(parseIgnoreFile('', 'x')).toEqual([]);
  });

  test.each([
    ['no reason', 'ignores:\n  - {id: CVE-1, owner: o, expires: 2025-01-01}\n', /\(CVE-1\) has no 'reason'/],
    ['no owner', 'ignores:\n  - {id: CVE-1, reason: r, expires: 2025-01-01}\n', /has no 'owner'/],
    ['no expiry', 'ignores:\n  - {id: CVE-1, reason: r, owner: o}\n', /has no 'expires'/],
    ['bad date', 'ignores:\n  - {id: CVE-1, reason: r, owner: o, expires: next year}\n', /expected a date YYYY-MM-DD/],
    ['impossible date', 'ignores:\n  - {id: CVE-1, reason: r, owner: o, expires: "2025-13-45"}\n', /expected a date YYYY-MM-DD/],
    ['not a list', 'ignores: CVE-1\n', /'ignores' list/],
    ['trivyignore text', 'CVE-1\nCVE-2\n', /'ignores' list/],
    ['unknown key', 'ignores:\n  - {id: CVE-1, reason: r, owner: o, expires: 2025-01-01, until: x}\n', /unknown key\(s\) until/],
    ['broken yaml', 'ignores:\n  - {id: CVE-1\n', /not valid YAML/],
  ])('malformed ignore file (%s) is refused', (_name, text, message) => {
    expect(() => parseIgnoreFile(text, 'ignore.yaml')).toThrow(FileError);
    expect(() => parseIgnoreFile(text, 'ignore.yaml')).toThrow(message);
  });
});

describe('report parsing', () => {
  test.each([
    ['not json', '{"SchemaVersion": 2,', /is not JSON/],
    ['SARIF', '{"version":"2.1.0","runs":[]}', /not a Trivy JSON report \(it looks like SARIF or an SBOM\)/],
    ['CycloneDX', '{"bomFormat":"CycloneDX"}', /it looks like SARIF or an SBOM/],
    ['old schema', '{"SchemaVersion":1,"ArtifactName":"x"}', /SchemaVersion 1; only SchemaVersion 2/],
    ['array', '[]', /no SchemaVersion/],
    ['no ArtifactName', '{"SchemaVersion":2}', /ArtifactName is missing/],
    ['Results not array', '{"SchemaVersion":2,"ArtifactName":"x","Results":{}}', /Results is not an array/],
    [
      'bad severity',
      '{"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"SEVERE"}]}]}',
      /has severity "SEVERE"/,
    ],
    [
      'no package',
      '{"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","Severity":"LOW"}]}]}',
      /lacks VulnerabilityID or PkgName/,
    ],
  ])('%s is refused', (_name, text, message) => {
    expect(() => parseTrivyReport(text, 'r.json')).toThrow(FileError);
    expect(() => parseTrivyReport(text, 'r.json')).toThrow(message);
  });

  test('a clean scan (no Results) has no findings', () => {
    expect(findings(parseTrivyReport('{"SchemaVersion":2,"ArtifactName":"x"}', 'r.json'))).toEqual([]);
  });
});
