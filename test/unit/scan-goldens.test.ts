// Trivy's own integration goldens through every renderer, compared field by field with Trivy's
// renderings where Trivy has one, and every output validated against its published schema.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { baselineOf, evaluateGate } from '../../src/core/scan/gate.js';
import { GITLAB_REPORT_VERSION, gitlabImageAndOs, renderGitLab } from '../../src/core/scan/gitlab.js';
import { daysLeft, parseAnyIgnoreFile } from '../../src/core/scan/ignore.js';
import { renderMarkdown } from '../../src/core/scan/markdown.js';
import { parsePolicy, resolveRules } from '../../src/core/scan/policy.js';
import { findings, parseTrivyReport, type TrivyReport } from '../../src/core/scan/report.js';
import { renderSarif } from '../../src/core/scan/sarif.js';
import { renderCycloneDx, renderSpdx } from '../../src/core/scan/sbom.js';
import * as scanStage from '../../src/stages/scan.js';
import {
  validateCycloneDx,
  validateGitLab,
  validateGitLabSast,
  validateGitLabSecretDetection,
  validateSarif,
  validateSpdx,
} from '../fixtures/scan/schemas.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';
import { runStageWith } from '../helpers/stage-module.js';

const MORE_GOLDENS = join(import.meta.dirname, '../fixtures/scan/trivy');
const NOW = new Date('2026-12-01T08:00:00Z');
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function golden(name: string): TrivyReport {
  const file = [TRIVY_GOLDENS, MORE_GOLDENS]
    .map((dir) => join(dir, name))
    .find((path) => {
      try {
        readFileSync(path);
        return true;
      } catch {
        return false;
      }
    });
  return parseTrivyReport(readFileSync(file as string, 'utf8'), name);
}
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

/** The set: secrets, Dockerfile and Helm/Kubernetes misconfigurations, licenses, OS + language packages, lockfiles, amazon. */
const SET = [
  'secrets.json.golden',
  'dockerfile.json.golden',
  'helm.json.golden',
  'license-cyclonedx.json.golden',
  'spring4shell-jre8.json.golden',
  'spring4shell-jre11.json.golden',
  'fluentd-gems.json.golden',
  'fluentd-multiple-lockfiles.json.golden',
  'npm.json.golden',
  'pom.json.golden',
  'gomod.json.golden',
  'alpine-310.json.golden',
  'amazon-2.json.golden',
];

/** Every JSON report of Trivy's integration tests (the .json.golden files under integration/testdata at the vendored commit). */
function allTrivyReports(): string[] {
  const names: string[] = [];
  for (const dir of [TRIVY_GOLDENS, MORE_GOLDENS])
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!entry.endsWith('.json.golden')) continue;
      if (readFileSync(join(dir, entry), 'utf8').includes('"SchemaVersion"')) names.push(entry);
    }
  return names;
}

describe("all 83 JSON reports of Trivy's integration tests: accepted, gated and rendered, every rendering valid", () => {
  const names = allTrivyReports();
  test('all of them are here', () => expect(names).toHaveLength(83));
  test.each(names)('%s', (name) => {
    const report = golden(name);
    const rules = { failOn: 'LOW', warnOn: 'UNKNOWN', ignoreUnfixed: false, max: {} } as const;
    const gate = evaluateGate({ findings: findings(report), rules, ignores: [], now: NOW, expiryWarningDays: 14 });
    // fail-on LOW: a report with any finding fails, every finding counted.
    const all = findings(report);
    expect(Object.values(gate.counts).reduce((sum, count) => sum + count, 0)).toBe(all.length);
    expect(gate.result).toBe(all.some((finding) => finding.severity !== 'UNKNOWN') ? 'failed' : 'passed');
    expect(validateSarif(renderSarif(report, { category: 'x' }))).toEqual([]);
    expect(validateGitLab(renderGitLab(report, { now: NOW }, 'container_scanning'))).toEqual([]);
    expect(validateGitLabSecretDetection(renderGitLab(report, { now: NOW }, 'secret_detection'))).toEqual([]);
    expect(validateGitLabSast(renderGitLab(report, { now: NOW }, 'sast'))).toEqual([]);
    expect(validateCycloneDx(renderCycloneDx(report, NOW))).toEqual([]);
    expect(validateSpdx(renderSpdx(report, NOW))).toEqual([]);
    expect(renderMarkdown(gate, { target: report.ArtifactName, rules, rulesSource: 'inputs' })).toContain(report.ArtifactName.slice(0, 20));
  });
});

describe.each(SET)('%s: every rendering validates against its schema', (name) => {
  const report = golden(name);
  test('SARIF 2.1.0', () => expect(validateSarif(renderSarif(report, { category: 'x' }))).toEqual([]));
  test('GitLab container scanning, secret detection and SAST', () => {
    expect(validateGitLab(renderGitLab(report, { now: NOW }, 'container_scanning'))).toEqual([]);
    expect(validateGitLabSecretDetection(renderGitLab(report, { now: NOW }, 'secret_detection'))).toEqual([]);
    expect(validateGitLabSast(renderGitLab(report, { now: NOW }, 'sast'))).toEqual([]);
  });
  test('CycloneDX 1.5', () => expect(validateCycloneDx(renderCycloneDx(report, NOW))).toEqual([]));
  test('SPDX 2.3', () => expect(validateSpdx(renderSpdx(report, NOW))).toEqual([]));
  test('nothing Trivy reported is lost: every finding is in SARIF', () => {
    const all = findings(report, { includePassed: true });
    expect(renderSarif(report).runs[0]?.results).toHaveLength(all.length);
  });
});

describe('GitLab reports against GitLab’s own 15.0.7 schemas (test/fixtures/scan/schemas/gitlab-15.0.7)', () => {
  const schemas = join(import.meta.dirname, '../fixtures/scan/schemas/gitlab-15.0.7');
  test.each([
    ['container-scanning-report-format.json', 'container_scanning'],
    ['secret-detection-report-format.json', 'secret_detection'],
    ['sast-report-format.json', 'sast'],
  ])('%s is the version our reports declare, for scan type %s', (file, type) => {
    const schema = JSON.parse(readFileSync(join(schemas, file), 'utf8'));
    expect(schema.self.version).toBe(GITLAB_REPORT_VERSION);
    expect(schema.properties.scan.properties.type.enum).toEqual([type]);
  });
  test('the secrets and misconfigurations of the goldens are in the reports validated, not an empty list', () => {
    const secrets = renderGitLab(golden('secrets.json.golden'), { now: NOW }, 'secret_detection');
    const sast = renderGitLab(golden('dockerfile.json.golden'), { now: NOW }, 'sast');
    expect([secrets.vulnerabilities.length, sast.vulnerabilities.length]).toEqual([2, 1]);
    expect([secrets.version, sast.version]).toEqual([GITLAB_REPORT_VERSION, GITLAB_REPORT_VERSION]);
  });
  test('what GitLab would refuse is refused', () => {
    const secrets = json(renderGitLab(golden('secrets.json.golden'), { now: NOW }, 'secret_detection'));
    delete secrets.vulnerabilities[0].location.commit;
    expect(validateGitLabSecretDetection(secrets)).toEqual(["/vulnerabilities/0/location must have required property 'commit'"]);
    const sast = json(renderGitLab(golden('dockerfile.json.golden'), { now: NOW }, 'sast'));
    sast.scan.type = 'secret_detection';
    expect(validateGitLabSast(sast)).toEqual(['/scan/type must be equal to one of the allowed values']);
    const container = json(renderGitLab(golden('alpine-310.json.golden'), { now: NOW }, 'container_scanning'));
    delete container.vulnerabilities[0].location.image;
    expect(validateGitLab(container)).toEqual([
      "[15.0.7]/vulnerabilities/0/location must have required property 'image'",
      "[15.2.4]/vulnerabilities/0/location must have required property 'image'",
    ]);
  });
});

describe('SARIF for misconfigurations, secrets and licenses equals Trivy’s (pkg/report/sarif_test.go)', () => {
  test.each(['misconfigurations', 'secrets', 'licenses'])('%s: the whole document, field by field', (name) => {
    const input = parseTrivyReport(readFileSync(join(MORE_GOLDENS, 'sarif_test', `${name}.input.json`), 'utf8'), name);
    const expected = JSON.parse(readFileSync(join(MORE_GOLDENS, 'sarif_test', `${name}.sarif.json`), 'utf8'));
    const ours = json(renderSarif(input, { sourceRoot: '/tmp/scan' }));
    const [run, want] = [ours.runs[0], expected.runs[0]];
    expect(run.tool.driver.rules).toHaveLength(want.tool.driver.rules.length);
    want.tool.driver.rules.forEach((rule: unknown, index: number) => {
      expect(run.tool.driver.rules[index]).toEqual(rule);
    });
    want.results.forEach((result: unknown, index: number) => {
      expect(run.results[index]).toEqual(result);
    });
    expect(ours).toEqual(expected);
    expect(validateSarif(ours)).toEqual([]);
  });
});

describe('secrets.json.golden with fail-on HIGH', () => {
  test('result failed, non-zero exit, both secrets in SARIF, the secret-detection report and the summary', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'aegis-scan-secrets-'));
    temporary.push(ws);
    const text = readFileSync(join(TRIVY_GOLDENS, 'secrets.json.golden'), 'utf8');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(ws, 'secrets.json'), text);
    const platform = new RecordingPlatform(ws, { report: 'secrets.json', 'fail-on': 'HIGH' }, { event: { head: 'a'.repeat(40) } });
    // The stage throws: the entry turns that into setFailed, i.e. a non-zero exit.
    await expect(runStageWith(scanStage, platform, { now: () => NOW })).rejects.toThrow(/Scan gate failed .*1 CRITICAL.*1 HIGH/);
    expect(platform.outputs).toMatchObject({
      result: 'failed',
      critical: '1',
      high: '1',
      secrets: '2',
      vulnerabilities: '0',
      blocking: '2',
    });
    expect(JSON.parse(platform.outputs.counts as string).secret).toMatchObject({ CRITICAL: 1, HIGH: 1 });

    const sarif = JSON.parse(readFileSync(resolve(ws, platform.outputs['sarif-file'] as string), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['aws-access-key-id', 'mysecret']);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(3);
    expect(validateSarif(sarif)).toEqual([]);

    const gitlab = JSON.parse(readFileSync(resolve(ws, platform.outputs['gitlab-secret-detection-report'] as string), 'utf8'));
    expect(gitlab.scan.type).toBe('secret_detection');
    expect(gitlab.vulnerabilities.map((v: { identifiers: { value: string }[] }) => v.identifiers[0]?.value)).toEqual([
      'aws-access-key-id',
      'mysecret',
    ]);
    expect(gitlab.vulnerabilities[0].location).toEqual({ file: 'deploy.sh', start_line: 3, end_line: 3, commit: { sha: 'a'.repeat(40) } });
    expect(gitlab.vulnerabilities.map((v: { severity: string }) => v.severity)).toEqual(['Critical', 'High']);
    expect(JSON.stringify(gitlab)).not.toContain('export AWS_ACCESS_KEY_ID');
    expect(validateGitLabSecretDetection(gitlab)).toEqual([]);

    const summary = platform.summaries[0] as string;
    expect(summary).toContain('❌ failed');
    expect(summary).toContain('#### Secrets (2)');
    expect(summary).toMatch(/⛔ blocking \| CRITICAL \| aws-access-key-id \| AWS Access Key ID \| deploy\.sh \| 3 \|/);
    expect(summary).toMatch(/⛔ blocking \| HIGH \| mysecret \| My Secret \| deploy\.sh \| 7 \|/);
  });

  test('with fail-on LOW too (the case that passed with 0 findings before)', () => {
    const gate = evaluateGate({
      findings: findings(golden('secrets.json.golden')),
      rules: { failOn: 'LOW', warnOn: 'none', ignoreUnfixed: false, max: {} },
      ignores: [],
      now: NOW,
      expiryWarningDays: 14,
    });
    expect([gate.result, gate.gated.length, gate.blocking]).toEqual(['failed', 2, 2]);
  });
});

describe('gating every class as trivy --exit-code does, and per class by policy', () => {
  const rules = { failOn: 'HIGH' as const, warnOn: 'none' as const, ignoreUnfixed: true, max: {} };
  const gate = (report: TrivyReport, overrides = {}) =>
    evaluateGate({ findings: findings(report), rules: { ...rules, ...overrides }, ignores: [], now: NOW, expiryWarningDays: 14 });

  test('a HIGH Dockerfile check fails fail-on HIGH; ignore-unfixed does not excuse it', () => {
    const result = gate(golden('dockerfile.json.golden'));
    expect(result.result).toBe('failed');
    expect(result.countsByClass.misconfiguration.HIGH).toBe(1);
  });

  test('licenses (MEDIUM, LOW) pass fail-on HIGH and fail fail-on LOW', () => {
    expect(gate(golden('license-cyclonedx.json.golden')).result).toBe('passed');
    expect(gate(golden('license-cyclonedx.json.golden'), { failOn: 'LOW' }).blocking).toBe(3);
  });

  test('policy: secrets on LOW in prod, vulnerabilities only on CRITICAL; environments override per class', () => {
    const policy = parsePolicy(
      [
        'default: {fail-on: CRITICAL, secrets: {fail-on: LOW}, licenses: {fail-on: none}}',
        'environments:',
        '  dev: {secrets: {fail-on: none}}',
        '  prod: {misconfigurations: {fail-on: HIGH, max: {HIGH: 1}}}',
      ].join('\n'),
      'policy.yaml',
    );
    const dev = resolveRules(rules, policy, 'dev').rules;
    const prod = resolveRules(rules, policy, 'prod').rules;
    expect(gate(golden('secrets.json.golden'), dev).result).toBe('passed');
    expect(gate(golden('secrets.json.golden'), prod).result).toBe('failed');
    expect(gate(golden('license-cyclonedx.json.golden'), prod).result).toBe('passed');
    expect(gate(golden('dockerfile.json.golden'), prod).result).toBe('passed');
    const failed = gate(golden('secrets.json.golden'), prod);
    expect(failed.exceeded.map((e) => [e.severity, e.classes])).toEqual([
      ['CRITICAL', ['secret']],
      ['HIGH', ['secret']],
    ]);
  });

  test('a policy class key with a typo is refused', () => {
    expect(() => parsePolicy('environments:\n  prod: {secrets: {fail_on: LOW}}', 'p.yaml')).toThrow(/secrets has unknown key\(s\) fail_on/);
  });
});

describe('GitLab container scanning: image and OS as contrib/gitlab.tpl chooses them', () => {
  test('language packages in an image are filed under the image and its OS, not "Java"', () => {
    const report = golden('spring4shell-jre8.json.golden');
    expect(gitlabImageAndOs(report)).toEqual({
      image: 'testdata/fixtures/images/spring4shell-jre8.tar.gz',
      operatingSystem: 'debian 11.3',
    });
    const location = renderGitLab(report, { now: NOW }).vulnerabilities[0]?.location;
    expect(location).toMatchObject({ image: 'testdata/fixtures/images/spring4shell-jre8.tar.gz', operating_system: 'debian 11.3' });
  });

  test('a lockfile-only scan is "Unknown" as in Trivy’s npm.gitlab.golden', () => {
    const trivy = JSON.parse(readFileSync(join(TRIVY_GOLDENS, 'npm.gitlab.golden'), 'utf8'));
    const ours = json(renderGitLab(golden('npm.json.golden'), { now: NOW }));
    ours.vulnerabilities.forEach((v: { location: unknown }, index: number) => {
      expect(v.location).toEqual(trivy.vulnerabilities[index].location);
    });
  });

  test('amazon 2 (Karoo) keeps its whole OS (the template would write "Karoo)")', () => {
    const vulnerabilities = renderGitLab(golden('amazon-2.json.golden'), { now: NOW }).vulnerabilities;
    expect(vulnerabilities.length).toBeGreaterThan(0);
    for (const v of vulnerabilities)
      expect(v.location).toMatchObject({ image: 'testdata/fixtures/images/amazon-2.tar.gz', operating_system: 'amazon 2 (Karoo)' });
  });

  test('the same CVE in two images of one project gives two distinct locations and ids', () => {
    const [a, b] = ['spring4shell-jre8.json.golden', 'spring4shell-jre11.json.golden'].map((name) =>
      renderGitLab(golden(name), { now: NOW }).vulnerabilities.find(
        (v) => v.name.includes('Spring') || v.identifiers[0]?.value === 'CVE-2022-22965',
      ),
    );
    expect(a?.identifiers[0]?.value).toBe('CVE-2022-22965');
    expect(b?.identifiers[0]?.value).toBe('CVE-2022-22965');
    expect(a?.location).not.toEqual(b?.location);
    expect(a?.id).not.toBe(b?.id);
  });

  test('misconfigurations go to the SAST report with file and lines, nothing else does', () => {
    const report = golden('helm.json.golden');
    const sast = renderGitLab(report, { now: NOW }, 'sast');
    expect(sast.scan.type).toBe('sast');
    expect(sast.vulnerabilities).toHaveLength(findings(report).filter((f) => f.class === 'misconfiguration').length);
    expect(sast.vulnerabilities.length).toBeGreaterThan(0);
    expect(renderGitLab(report, { now: NOW }, 'container_scanning').vulnerabilities).toHaveLength(0);
    expect(sast.vulnerabilities[0]?.location).toHaveProperty('file');
  });
});

describe('CycloneDX compared with Trivy’s own (trivy convert --format cyclonedx)', () => {
  interface Bom {
    components: { name: string; version?: string; purl?: string; licenses?: unknown[]; type: string }[];
    vulnerabilities: {
      id: string;
      ratings: unknown[];
      cwes?: number[];
      published?: string;
      updated?: string;
      recommendation?: string;
      description?: string;
      advisories?: unknown[];
      affects: { ref: string }[];
    }[];
    dependencies: { ref: string; dependsOn: string[] }[];
    metadata: { properties?: { name: string; value: string }[] };
  }
  // The one pair in Trivy's integration tests where the JSON lists its packages (integration/convert_test.go).
  const pairs: [string, string][] = [['npm.json.golden', 'npm-cyclonedx.json.golden']];
  describe.each(pairs)('%s vs %s', (source, cdx) => {
    const ours = json(renderCycloneDx(golden(source), NOW)) as Bom;
    const trivy = JSON.parse(readFileSync(join(TRIVY_GOLDENS, cdx), 'utf8')) as Bom;
    const libraries = (bom: Bom) =>
      bom.components
        .filter((c) => c.type === 'library')
        .map((c) => ({ name: c.name, version: c.version, purl: c.purl, licenses: c.licenses }))
        .sort((x, y) => String(x.purl).localeCompare(String(y.purl)));
    test('the same packages, versions, purls and licenses', () => expect(libraries(ours)).toEqual(libraries(trivy)));
    test('the same target components (lock files / OS)', () => {
      const targets = (bom: Bom) =>
        bom.components
          .filter((c) => c.type !== 'library')
          .map((c) => `${c.type}:${c.name}`)
          .sort();
      expect(targets(ours)).toEqual(targets(trivy));
    });
    test('every vulnerability with every rating, CWEs, dates, recommendation, advisories and affects', () => {
      const byId = (bom: Bom) => new Map(bom.vulnerabilities.map((v) => [v.id, v]));
      const theirs = byId(trivy);
      expect([...byId(ours).keys()].sort()).toEqual([...theirs.keys()].sort());
      for (const [id, v] of byId(ours)) {
        const t = theirs.get(id) as Bom['vulnerabilities'][number];
        expect(v.ratings, id).toEqual(t.ratings);
        expect(v.cwes, id).toEqual(t.cwes);
        expect([v.published, v.updated, v.recommendation, v.description], id).toEqual([
          t.published,
          t.updated,
          t.recommendation,
          t.description,
        ]);
        expect(v.advisories, id).toEqual(t.advisories);
        expect(v.affects.map((a) => a.ref).sort(), id).toEqual(t.affects.map((a) => a.ref).sort());
      }
    });
    test('the same dependency graph between packages (by purl)', () => {
      const graph = (bom: Bom) =>
        bom.dependencies
          .filter((d) => d.ref.startsWith('pkg:'))
          .map((d) => `${d.ref} -> ${[...d.dependsOn].sort().join(',')}`)
          .sort();
      expect(graph(ours)).toEqual(graph(trivy));
    });
  });

  test('fluentd: without a package list the SBOM is partial, says so, and what it lists Trivy lists too', () => {
    const ours = json(renderCycloneDx(golden('fluentd-multiple-lockfiles.json.golden'), NOW)) as Bom;
    const trivy = JSON.parse(readFileSync(join(TRIVY_GOLDENS, 'fluentd-multiple-lockfiles.cdx.json.golden'), 'utf8')) as Bom;
    expect(ours.metadata.properties?.[0]?.name).toBe('aegis:sbom:partial');
    // Compared without qualifiers: that JSON golden was made by an older Trivy that wrote no arch.
    const bare = (purl: string | undefined) => String(purl).split('?')[0];
    const theirs = new Set(trivy.components.map((c) => bare(c.purl)));
    const listed = ours.components.filter((c) => c.type === 'library');
    expect([listed.length, trivy.components.filter((c) => c.type === 'library').length]).toEqual([3, 160]);
    for (const component of listed) expect(theirs.has(bare(component.purl)), component.purl).toBe(true);
  });

  test('a report without a package list gives a partial SBOM that says so (fluentd-gems)', () => {
    const bom = json(renderCycloneDx(golden('fluentd-gems.json.golden'), NOW)) as Bom;
    expect(bom.metadata.properties?.find((p) => p.name === 'aegis:sbom:partial')?.value).toMatch(/no package list/);
    const spdx = json(renderSpdx(golden('fluentd-gems.json.golden'), NOW));
    expect(spdx.creationInfo.comment).toMatch(/^Partial SBOM/);
  });
});

describe('ignore files as Trivy reads them (pkg/result/ignore_test.go, testdata vendored)', () => {
  const read = (file: string) => parseAnyIgnoreFile(readFileSync(join(MORE_GOLDENS, file), 'utf8'), file);
  const active = (file: string, cls: string) =>
    read(file).entries.filter((e) => daysLeft(e, NOW) >= 0 && (!e.classes || e.classes.includes(cls as never)));
  test('.trivyignore: every id for every class, the expired one pruned (8 each)', () => {
    for (const cls of ['vulnerability', 'misconfiguration', 'secret', 'license']) expect(active('.trivyignore', cls)).toHaveLength(8);
  });
  test('.trivyignore.yaml: 5 vulnerabilities, 4 misconfigurations, 3 secrets, 5 licenses after pruning', () => {
    expect(['vulnerability', 'misconfiguration', 'secret', 'license'].map((cls) => active('.trivyignore.yaml', cls).length)).toEqual([
      5, 4, 3, 5,
    ]);
  });
  test('exp: lapses at the start of its day, as Trivy’s ExpiredAt.Before(now)', () => {
    const entry = parseAnyIgnoreFile('CVE-1 exp:2026-12-02\n', '.trivyignore').entries[0];
    expect(entry && daysLeft(entry, new Date('2026-12-01T23:59:00Z'))).toBe(0);
    expect(entry && daysLeft(entry, new Date('2026-12-02T00:01:00Z'))).toBeLessThan(0);
  });
  test('a date that does not parse skips the line with a warning, as Trivy does', () => {
    const parsed = parseAnyIgnoreFile('CVE-1 exp:2026-13-45\nCVE-2\n', '.trivyignore');
    expect(parsed.entries.map((e) => e.id)).toEqual(['CVE-2']);
    expect(parsed.warnings[0]).toMatch(/\.trivyignore:1: .*skipped/);
  });
  test('paths and purls narrow an entry; ids match aliases (AVD ids) too', () => {
    const report = parseTrivyReport(
      JSON.stringify({
        SchemaVersion: 2,
        ArtifactName: 'repo',
        Results: [
          {
            Target: 'foo/package-lock.json',
            Class: 'lang-pkgs',
            Vulnerabilities: [{ VulnerabilityID: 'CVE-2019-0001', PkgName: 'a', InstalledVersion: '1', Severity: 'HIGH' }],
          },
          {
            Target: 'bar/package.json',
            Class: 'lang-pkgs',
            Vulnerabilities: [{ VulnerabilityID: 'CVE-2019-0001', PkgName: 'a', InstalledVersion: '1', Severity: 'HIGH' }],
          },
          {
            Target: 'docs/Dockerfile',
            Class: 'config',
            Misconfigurations: [{ ID: 'DS-0400', AVDID: 'AVD-ID400', Severity: 'HIGH', Status: 'FAIL' }],
          },
        ],
      }),
      'r.json',
    );
    const gate = evaluateGate({
      findings: findings(report),
      rules: { failOn: 'HIGH', warnOn: 'none', ignoreUnfixed: false, max: {} },
      ignores: read('.trivyignore.yaml').entries,
      now: NOW,
      expiryWarningDays: 14,
    });
    expect(gate.gated.map((g) => g.disposition)).toEqual(['ignored', 'blocking', 'ignored']);
  });
});

describe('baseline key includes the place', () => {
  const report = (target: string) =>
    parseTrivyReport(
      JSON.stringify({
        SchemaVersion: 2,
        ArtifactName: 'mono',
        Results: [
          {
            Target: target,
            Class: 'lang-pkgs',
            Vulnerabilities: [{ VulnerabilityID: 'CVE-1', PkgName: 'x/y', InstalledVersion: '1', Severity: 'HIGH' }],
          },
        ],
      }),
      'r.json',
    );
  const run = (baselineMatch?: 'place' | 'id') =>
    evaluateGate({
      findings: findings(report('submod/go.mod')),
      rules: { failOn: 'HIGH', warnOn: 'none', ignoreUnfixed: false, max: {}, ...(baselineMatch ? { baselineMatch } : {}) },
      ignores: [],
      baseline: baselineOf(findings(report('go.mod'))),
      now: NOW,
      expiryWarningDays: 14,
    }).result;
  test('the same CVE newly in submod/go.mod is new exposure', () => expect(run()).toBe('failed'));
  test('unless the policy says baseline-match: id', () => expect(run('id')).toBe('passed'));
  test('OS packages keep their key when the image tag changes', () => {
    const os = (tag: string) =>
      findings(
        parseTrivyReport(
          JSON.stringify({
            SchemaVersion: 2,
            ArtifactName: `app:${tag}`,
            Results: [
              {
                Target: `app:${tag} (debian 12)`,
                Class: 'os-pkgs',
                Vulnerabilities: [{ VulnerabilityID: 'CVE-1', PkgName: 'z', InstalledVersion: '1', Severity: 'HIGH' }],
              },
            ],
          }),
          'r.json',
        ),
      )[0]?.key;
    expect(os('1.0')).toBe(os('1.1'));
  });
});

describe("the text the stage writes is in JSON.stringify's own form (the renderers read it back)", () => {
  test.each(SET)('%s: SARIF, GitLab, CycloneDX and SPDX text', async (name) => {
    const { renderSarifText } = await import('../../src/core/scan/sarif.js');
    const { renderGitLabText } = await import('../../src/core/scan/gitlab.js');
    const { renderCycloneDxText } = await import('../../src/core/scan/sbom.js');
    const report = golden(name);
    expect(renderSarifText(report, { category: 'c', sourceRoot: '/src' })).toBe(
      JSON.stringify(renderSarif(report, { category: 'c', sourceRoot: '/src' })),
    );
    for (const type of ['container_scanning', 'secret_detection', 'sast'] as const)
      expect(renderGitLabText(report, { now: NOW }, type)).toBe(JSON.stringify(renderGitLab(report, { now: NOW }, type)));
    expect(renderCycloneDxText(report, NOW)).toBe(JSON.stringify(renderCycloneDx(report, NOW)));
    const { collect } = await import('../../src/core/scan/json-text.js');
    const { writeSpdx } = await import('../../src/core/scan/sbom.js');
    expect(collect((out) => writeSpdx(out, report, NOW))).toBe(JSON.stringify(renderSpdx(report, NOW)));
  });
});
