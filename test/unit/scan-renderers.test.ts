import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluateGate, suppressions } from '../../src/core/scan/gate.js';
import { type GitLabReport, renderGitLab } from '../../src/core/scan/gitlab.js';
import { renderMarkdown } from '../../src/core/scan/markdown.js';
import { findings, parseTrivyReport, type TrivyReport } from '../../src/core/scan/report.js';
import { imageRepository, renderSarif, type SarifLog, toPathUri } from '../../src/core/scan/sarif.js';
import { renderCycloneDx, renderSpdx } from '../../src/core/scan/sbom.js';
import { validateGitLab, validateSarif } from '../fixtures/scan/schemas.js';
import { syntheticReport } from '../fixtures/scan/synthetic.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';

const DATA = TRIVY_GOLDENS;
const read = (name: string) => readFileSync(`${DATA}/${name}`, 'utf8');
const report: TrivyReport = parseTrivyReport(read('alpine-310.json.golden'), 'alpine-310.json.golden');
const trivySarif = JSON.parse(read('alpine-310.sarif.golden')) as SarifLog;
const trivyGitLab = JSON.parse(read('alpine-310.gitlab.golden')) as GitLabReport;

describe('SARIF agrees with Trivy’s own rendering of the same scan', () => {
  const ours = renderSarif(report);
  const [run] = ours.runs;
  const [theirs] = trivySarif.runs;
  if (!run || !theirs) throw new Error('both logs must have a run');

  test('tool and run properties', () => {
    expect(ours.version).toBe(trivySarif.version);
    expect(run.tool.driver.name).toBe(theirs.tool.driver.name);
    expect(run.tool.driver.fullName).toBe(theirs.tool.driver.fullName);
    expect(run.tool.driver.version).toBe(theirs.tool.driver.version);
    expect(run.columnKind).toBe(theirs.columnKind);
    expect(run.properties).toEqual(theirs.properties);
  });

  test('same rules in the same order', () => {
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(theirs.tool.driver.rules.map((rule) => rule.id));
  });

  test.each(theirs.tool.driver.rules.map((rule, index) => [rule.id, index] as const))('rule %s: every field', (_id, index) => {
    const mine = run.tool.driver.rules[index];
    const trivy = theirs.tool.driver.rules[index];
    expect(mine?.name).toBe(trivy?.name);
    expect(mine?.shortDescription).toEqual(trivy?.shortDescription);
    expect(mine?.fullDescription).toEqual(trivy?.fullDescription);
    expect(mine?.defaultConfiguration.level).toBe(trivy?.defaultConfiguration.level);
    expect(mine?.helpUri).toBe(trivy?.helpUri);
    expect(mine?.help).toEqual(trivy?.help);
    expect(mine?.properties['security-severity']).toBe(trivy?.properties['security-severity']);
    expect(mine?.properties.tags).toEqual(trivy?.properties.tags);
    expect(mine?.properties).toEqual(trivy?.properties);
  });

  test('same number of results', () => {
    expect(run.results).toHaveLength(theirs.results.length);
    expect(run.results.length).toBe(findings(report).length);
  });

  test.each(theirs.results.map((result, index) => [index, result.ruleId] as const))(
    'result %i (%s): rule, level, message, package and locations',
    (index) => {
      const mine = run.results[index];
      const trivy = theirs.results[index];
      expect(mine?.ruleId).toBe(trivy?.ruleId);
      expect(mine?.ruleIndex).toBe(trivy?.ruleIndex);
      expect(mine?.level).toBe(trivy?.level);
      // The message carries package, installed version, severity and fixed version.
      expect(mine?.message.text).toBe(trivy?.message.text);
      expect(mine?.locations).toEqual(trivy?.locations);
    },
  );

  test('the whole document is equal to Trivy’s (nothing extra, nothing missing)', () => {
    expect(ours).toEqual(trivySarif);
  });

  test('validates against the SARIF 2.1.0 schema, also with category and suppressions', () => {
    expect(validateSarif(ours)).toEqual([]);
    const first = findings(report)[0];
    if (!first) throw new Error('fixture has findings');
    const extended = renderSarif(report, {
      category: 'trivy/ghcr.io/acme/api',
      sourceRoot: '/src',
      suppressed: new Map([[first.key, 'accepted']]),
    });
    expect(validateSarif(extended)).toEqual([]);
    expect(extended.runs[0]?.automationDetails).toEqual({ id: 'trivy/ghcr.io/acme/api/' });
    expect(extended.runs[0]?.results.filter((result) => result.suppressions)).toHaveLength(1);
  });
});

describe('GitLab report agrees with Trivy’s gitlab.tpl rendering', () => {
  const ours = renderGitLab(report);

  test('scan section', () => {
    expect(ours.scan).toEqual(trivyGitLab.scan);
    expect(ours.version).toBe(trivyGitLab.version);
  });

  test('same vulnerabilities in the same order', () => {
    expect(ours.vulnerabilities.map((v) => v.identifiers[0]?.value)).toEqual(trivyGitLab.vulnerabilities.map((v) => v.id));
  });

  test.each(trivyGitLab.vulnerabilities.map((v, index) => [index, v.id] as const))(
    'vulnerability %i (%s): every field but the id',
    (index) => {
      const mine = ours.vulnerabilities[index];
      const trivy = trivyGitLab.vulnerabilities[index];
      expect(mine?.name).toBe(trivy?.name);
      expect(mine?.description).toBe(trivy?.description);
      expect(mine?.severity).toBe(trivy?.severity);
      expect(mine?.solution).toBe(trivy?.solution);
      expect(mine?.location).toEqual(trivy?.location);
      expect(mine?.identifiers).toEqual(trivy?.identifiers);
      expect(mine?.links).toEqual(trivy?.links);
    },
  );

  test('ids are unique, where Trivy’s template repeats the CVE id', () => {
    const ids = ours.vulnerabilities.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(trivyGitLab.vulnerabilities.map((v) => v.id)).size).toBeLessThan(trivyGitLab.vulnerabilities.length);
    expect(renderGitLab(report).vulnerabilities.map((v) => v.id)).toEqual(ids);
  });

  test('a finding listed twice still gets two distinct ids', () => {
    const doubled = structuredClone(report);
    const result = doubled.Results?.[0];
    if (result?.Vulnerabilities?.[0]) result.Vulnerabilities.push(structuredClone(result.Vulnerabilities[0]));
    const ids = renderGitLab(doubled).vulnerabilities.map((v) => v.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(validateGitLab(renderGitLab(doubled))).toEqual([]);
  });

  test('validates against the container-scanning 15.x schema (and Trivy’s own does too)', () => {
    expect(validateGitLab(ours)).toEqual([]);
    expect(validateGitLab(trivyGitLab)).toEqual([]);
  });
});

describe('renderers on a synthetic report with every severity, language packages and odd text', () => {
  const synthetic = syntheticReport(200, { seed: 7 });
  test('SARIF and GitLab validate, one result per finding, unique GitLab ids', () => {
    const sarif = renderSarif(synthetic);
    const gitlab = renderGitLab(synthetic);
    expect(validateSarif(sarif)).toEqual([]);
    expect(validateGitLab(gitlab)).toEqual([]);
    expect(sarif.runs[0]?.results).toHaveLength(200);
    expect(new Set(gitlab.vulnerabilities.map((v) => v.id)).size).toBe(200);
  });

  test('rule levels follow severity', () => {
    const sarif = renderSarif(synthetic);
    const run = sarif.runs[0];
    for (const result of run?.results ?? []) {
      const finding = findings(synthetic).find((f) => f.id === result.ruleId);
      const expected = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'note', UNKNOWN: 'note' }[
        finding?.severity ?? 'UNKNOWN'
      ];
      expect(result.level).toBe(expected);
    }
  });
});

describe('path URIs as Trivy computes them', () => {
  test.each([
    ['testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)', 'os-pkgs', 'testdata/fixtures/images/alpine-310.tar.gz'],
    ['alpine:3.10 (alpine 3.10.2)', 'os-pkgs', 'library/alpine'],
    ['ghcr.io/acme/api:1.2.3 (debian 12.5)', 'os-pkgs', 'acme/api'],
    ['localhost:5000/acme/api@sha256:abc (alpine 3.19)', 'os-pkgs', 'acme/api'],
    ['/Users/Me/Image.tar (alpine 3.19)', 'os-pkgs', '/Users/Me/Image.tar'],
    ['services/api/package-lock.json', 'lang-pkgs', 'services/api/package-lock.json'],
  ])('%s (%s) -> %s', (target, resultClass, expected) => {
    expect(toPathUri(target, resultClass)).toBe(expected);
  });

  test.each([
    ['nginx', 'library/nginx'],
    ['registry.example.com/team/app:v1', 'team/app'],
    ['Upper/Case', undefined],
  ])('imageRepository(%s) = %s', (reference, expected) => {
    expect(imageRepository(reference)).toBe(expected);
  });
});

describe('SBOM', () => {
  test('CycloneDX lists each package once with its purl, and the vulnerabilities affecting it', () => {
    const bom = renderCycloneDx(report) as {
      bomFormat: string;
      specVersion: string;
      components: { purl: string; 'bom-ref': string }[];
      vulnerabilities: { id: string; affects: { ref: string }[] }[];
    };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.5');
    expect(bom.components.filter((c) => c.purl).map((c) => c.purl)).toEqual([
      'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
      'pkg:apk/alpine/libssl1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
    ]);
    expect(bom.vulnerabilities.map((v) => [v.id, v.affects.length])).toEqual([
      ['CVE-2019-1549', 2],
      ['CVE-2019-1551', 2],
    ]);
    const refs = new Set(bom.components.map((c) => c['bom-ref']));
    for (const v of bom.vulnerabilities) for (const a of v.affects) expect(refs.has(a.ref)).toBe(true);
    expect(renderCycloneDx(report)).toEqual(bom);
  });

  test('SPDX describes the artifact and contains each package', () => {
    const spdx = renderSpdx(report) as {
      spdxVersion: string;
      packages: { SPDXID: string; name: string }[];
      relationships: { relationshipType: string }[];
    };
    expect(spdx.spdxVersion).toBe('SPDX-2.3');
    expect(spdx.packages.map((p) => p.name)).toEqual(['testdata/fixtures/images/alpine-310.tar.gz', 'libcrypto1.1', 'libssl1.1']);
    expect(spdx.relationships.filter((r) => r.relationshipType === 'CONTAINS')).toHaveLength(2);
  });

  test('packages listed by Trivy (--list-all-pkgs) appear even without vulnerabilities', () => {
    const withPackages = structuredClone(report);
    withPackages.Results?.[0]?.Packages?.push({
      Name: 'musl',
      Version: '1.1.22-r3',
      Identifier: { PURL: 'pkg:apk/alpine/musl@1.1.22-r3' },
    });
    if (withPackages.Results?.[0] && !withPackages.Results[0].Packages)
      withPackages.Results[0].Packages = [{ Name: 'musl', Version: '1.1.22-r3', Identifier: { PURL: 'pkg:apk/alpine/musl@1.1.22-r3' } }];
    const bom = renderCycloneDx(withPackages) as { components: { name: string }[] };
    expect(bom.components.map((c) => c.name)).toContain('musl');
  });
});

describe('markdown summary', () => {
  const rules = { failOn: 'MEDIUM' as const, warnOn: 'LOW' as const, ignoreUnfixed: false, max: {} };
  test('shows verdict, counts and every finding, ignored ones with reason and owner', () => {
    const all = findings(report);
    const gate = evaluateGate({
      findings: all,
      rules,
      ignores: [{ id: 'CVE-2019-1551', reason: 'RSAZ | not used', owner: 'team-a', expires: '2030-01-01' }],
      now: new Date('2025-01-01T00:00:00Z'),
      expiryWarningDays: 14,
    });
    const markdown = renderMarkdown(gate, { target: report.ArtifactName, rules, rulesSource: 'inputs' });
    expect(markdown).toContain('### aegis scan: ❌ failed');
    expect(markdown).toContain('| MEDIUM | 4 | 2 | 0 ⛔ |');
    expect(markdown.match(/CVE-2019-15\d\d\]/g)).toHaveLength(4);
    expect(markdown).toContain('RSAZ \\| not used (team-a, until 2030-01-01)');
    expect(suppressions(gate).size).toBe(2);
  });

  test('cuts long tables and says where the rest is', () => {
    const synthetic = syntheticReport(150, { seed: 1 });
    const gate = evaluateGate({ findings: findings(synthetic), rules, ignores: [], now: new Date(), expiryWarningDays: 14 });
    const markdown = renderMarkdown(gate, { target: 'x', rules, rulesSource: 'inputs', maxRows: 100 });
    expect(markdown).toContain('…and 50 more');
  });

  test('text from the report and the ignore file stays inside its cell: no extra column, row, heading or link', () => {
    const hostile: TrivyReport = structuredClone(report);
    const first = hostile.Results?.[0]?.Vulnerabilities?.[0];
    if (!first) throw new Error('the golden has a vulnerability');
    first.PkgName = 'evil|pkg\n## Approved by security\n```';
    first.InstalledVersion = '1.0 [x](https://attacker.example)';
    first.PrimaryURL = 'https://avd.aquasec.com/nvd/a (b)';
    hostile.ArtifactName = 'img`name|x';
    const all = findings(hostile);
    const gate = evaluateGate({
      findings: all,
      rules,
      ignores: [
        { id: all[1]?.id as string, reason: '<img src=x> | `code`\n# heading', owner: 'team\r::warning::x', expires: '2030-01-01' },
      ],
      now: new Date('2025-01-01T00:00:00Z'),
      expiryWarningDays: 14,
    });
    const markdown = renderMarkdown(gate, { target: hostile.ArtifactName, rules, rulesSource: 'inputs' });
    const lines = markdown.split('\n');
    // Only our own headings, no fence, no raw HTML, no CR.
    expect(lines.filter((line) => line.startsWith('#'))).toEqual(['### aegis scan: ❌ failed', '#### Vulnerabilities (4)']);
    expect(markdown).not.toContain('```');
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('\r');
    // The brackets are escaped: shown as text, not a link.
    expect(markdown).toContain('1.0 \\[x\\](https://attacker.example)');
    expect(markdown).toContain('Target ``img`name\\|x``');
    expect(markdown).toContain('[CVE-2019-1549](https://avd.aquasec.com/nvd/a%20%28b%29)');
    // Every table row has as many cells as its header (pipes in text are escaped).
    const cellsOf = (line: string) => line.split(/(?<!\\)\|/).length;
    const table = lines.slice(lines.indexOf('#### Vulnerabilities (4)') + 2).filter((line) => line.startsWith('|'));
    // Header, separator and the four findings, each one line of seven cells.
    expect(table).toHaveLength(2 + 4);
    for (const line of table)
      expect(cellsOf(line), line).toBe(cellsOf('| Status | Severity | Vulnerability | Package | Installed | Fixed | Target |'));
    expect(lines).toContain('|---|---|---|---|---|---|---|');
    expect(lines).toContain('|---|---:|---:|---:|');
  });
});
