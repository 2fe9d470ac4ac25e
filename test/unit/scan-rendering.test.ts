// The fast writers must not change a byte: every output of renderOutputs, for Trivy's goldens
// and the synthetic bench report, is compared with recorded hashes. The first 18 cases (the
// goldens vendored then, the SARIF test inputs, two synthetic reports) were recorded from the
// simple object → JSON.stringify rendering before the fast path existed (commit e67ee04); the
// rest of Trivy's 83 reports were added as regression pins when they were vendored. Each text
// must also be in JSON.stringify's own form (the object renderers read the text back, so
// JSON.stringify of them is that form: same escapes, numbers, field order, no duplicate field).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateGate } from '../../src/core/scan/gate.js';
import { renderGitLab, renderGitLabText } from '../../src/core/scan/gitlab.js';
import type { IgnoreEntry } from '../../src/core/scan/ignore.js';
import { collect, escapeText, json } from '../../src/core/scan/json-text.js';
import { renderMarkdown } from '../../src/core/scan/markdown.js';
import { type OutputPlan, renderOutputs } from '../../src/core/scan/outputs.js';
import type { GateRules } from '../../src/core/scan/policy.js';
import { findings, parseTrivyReport, type TrivyReport } from '../../src/core/scan/report.js';
import { renderSarif, renderSarifText } from '../../src/core/scan/sarif.js';
import { renderCycloneDx, renderCycloneDxText, renderSpdx, writeSpdx } from '../../src/core/scan/sbom.js';
import type { Severity } from '../../src/core/scan/severity.js';
import { syntheticReport } from '../fixtures/scan/synthetic.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';

const RECORDED = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/scan/rendered-outputs.sha256.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;
const NOW = new Date('2026-12-01T08:00:00Z');
const rules: GateRules = { failOn: 'HIGH', warnOn: 'MEDIUM', ignoreUnfixed: true, max: {} };

/** Every Trivy JSON report vendored in the fixtures (the SBOM goldens are not reports). */
function goldens(): { name: string; text: string }[] {
  const dirs = [
    TRIVY_GOLDENS,
    join(import.meta.dirname, '../fixtures/scan/trivy'),
    join(import.meta.dirname, '../fixtures/scan/trivy/sarif_test'),
  ];
  const out: { name: string; text: string }[] = [];
  for (const dir of dirs)
    for (const file of readdirSync(dir).sort()) {
      if (!/\.json(\.golden)?$/.test(file) || /\.(cdx|spdx|sarif)\.json/.test(file)) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      if (!text.includes('"SchemaVersion"')) continue;
      out.push({ name: `${dir.split('/').slice(-1)[0]}/${file}`, text });
    }
  return out;
}

interface Case {
  name: string;
  text: string;
  ignores?: IgnoreEntry[];
  severities?: Severity[];
}

function syntheticIds(count: number, seed: number): string[] {
  return (syntheticReport(count, { seed }).Results ?? []).flatMap((result) => (result.Vulnerabilities ?? []).map((v) => v.VulnerabilityID));
}

function cases(): Case[] {
  const synthetic = (count: number, seed: number) => JSON.stringify(syntheticReport(count, { seed }), null, 2);
  return [
    ...goldens(),
    { name: 'synthetic/300', text: synthetic(300, 7) },
    {
      name: 'synthetic/300 with ignores and SARIF severities',
      text: synthetic(300, 11),
      // Two of its findings accepted (one with an expiry), so SARIF carries suppressions and the summary ignores.
      ignores: [
        { id: syntheticIds(300, 11)[0] as string, reason: 'accepted "risk"\n', owner: 'team <a>' },
        { id: syntheticIds(300, 11)[5] as string, reason: 'r', expires: '2099-01-01', until: Date.UTC(2099, 0, 2) },
      ],
      severities: ['CRITICAL', 'HIGH', 'UNKNOWN'],
    },
  ];
}

function outputs(item: Case): Record<string, string> {
  const report = parseTrivyReport(item.text, item.name);
  const gate = evaluateGate({ findings: findings(report), rules, ignores: item.ignores ?? [], now: NOW, expiryWarningDays: 14 });
  const plan: OutputPlan = {
    reportText: item.text,
    sarif: { category: 'aegis-scan/acme/api', sourceRoot: '/src', ...(item.severities ? { severities: new Set(item.severities) } : {}) },
    gitlab: { now: NOW, commitSha: 'a'.repeat(40) },
    sboms: ['cyclonedx', 'spdx'],
    markdownText: renderMarkdown(gate, { target: report.ArtifactName, rules, rulesSource: 'inputs' }),
    now: NOW,
  };
  const texts: Record<string, string> = {};
  for (const [kind, write] of renderOutputs(report, gate, plan)) texts[kind] = collect(write);
  return texts;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('every output is byte for byte what the simple rendering wrote', () => {
  test.each(cases().map((item) => [item.name, item] as const))('%s', (name, item) => {
    const hashes = Object.fromEntries(Object.entries(outputs(item)).map(([kind, text]) => [kind, sha256(text)]));
    expect(hashes).toEqual(RECORDED[name]);
  });

  test('every recorded case is still rendered', () => {
    expect(cases().map((item) => item.name)).toEqual(Object.keys(RECORDED));
  });
});

describe("every writer's text is in JSON.stringify's own form (the object renderers read it back)", () => {
  const report = (): TrivyReport => syntheticReport(500, { seed: 3 });
  test('SARIF, GitLab, CycloneDX and SPDX on the synthetic report', () => {
    const options = { category: 'c', sourceRoot: '/src', suppressed: new Map([['os-pkgs|CVE-2019-10001|pkg-1|', 'why']]) };
    expect(renderSarifText(report(), options)).toBe(JSON.stringify(renderSarif(report(), options)));
    for (const type of ['container_scanning', 'secret_detection', 'sast'] as const)
      expect(renderGitLabText(report(), { now: NOW }, type)).toBe(JSON.stringify(renderGitLab(report(), { now: NOW }, type)));
    expect(renderCycloneDxText(report(), NOW)).toBe(JSON.stringify(renderCycloneDx(report(), NOW)));
    expect(collect((out) => writeSpdx(out, report(), NOW))).toBe(JSON.stringify(renderSpdx(report(), NOW)));
  });
});

describe('the text writers on awkward reports', () => {
  // Optional fields Trivy omits (omitempty) and strings that need every kind of escaping.
  const awkward = '"quote" \\back\\slash \u0000\u001f control \u2028\u2029 separators \ud800 lone surrogate </script>';
  const report = (): TrivyReport =>
    parseTrivyReport(
      JSON.stringify({
        SchemaVersion: 2,
        ArtifactName: `img ${awkward}`,
        ArtifactType: 'container_image',
        Results: [
          {
            Target: `lock ${awkward}`,
            Class: 'lang-pkgs',
            Type: 'npm',
            Packages: [{ Name: `a ${awkward}`, Version: '1', Locations: [{ EndLine: 3 }, {}] }, { Name: 'b' }],
            Vulnerabilities: [
              {
                VulnerabilityID: `CVE-2024-0001 ${awkward}`,
                PkgName: `a ${awkward}`,
                InstalledVersion: '1',
                Severity: 'HIGH',
                Title: awkward,
                Description: awkward,
                PrimaryURL: `https://avd.example/a b ${awkward}`,
              },
              { VulnerabilityID: 'CVE-2024-0002', PkgName: 'b', InstalledVersion: '', Severity: 'LOW', CVSS: { nvd: {} } },
            ],
            Secrets: [{ RuleID: 'aws', Category: awkward, Severity: 'CRITICAL', Title: awkward, StartLine: 0, EndLine: 0, Match: awkward }],
          },
        ],
      }),
      'awkward.json',
    );
  // Canonical form: the object renderers read the text back, so this compares the text with
  // JSON.stringify's own form of the same value (escapes, numbers, field order, no duplicate
  // field); the values themselves are checked below.
  test('each is valid JSON in JSON.stringify form', () => {
    const options = { category: awkward, suppressed: new Map<string, string>() };
    const texts = {
      sarif: [renderSarifText(report(), options), JSON.stringify(renderSarif(report(), options))],
      cyclonedx: [renderCycloneDxText(report(), NOW), JSON.stringify(renderCycloneDx(report(), NOW))],
      spdx: [collect((out) => writeSpdx(out, report(), NOW)), JSON.stringify(renderSpdx(report(), NOW))],
      ...Object.fromEntries(
        (['container_scanning', 'secret_detection', 'sast'] as const).map((type) => [
          type,
          [renderGitLabText(report(), { now: NOW }, type), JSON.stringify(renderGitLab(report(), { now: NOW }, type))],
        ]),
      ),
    };
    for (const [kind, [text, reference]] of Object.entries(texts)) {
      expect(() => JSON.parse(text as string), kind).not.toThrow();
      expect(text, kind).toBe(reference);
    }
  });

  test('every awkward text arrives whole where Trivy puts it', () => {
    const sarif = renderSarif(report(), { category: 'c' }).runs[0];
    const rule = (id: string) => sarif?.tool.driver.rules.find((r) => r.id === id);
    const vulnerability = rule(`CVE-2024-0001 ${awkward}`);
    expect(vulnerability?.shortDescription.text).toBe(awkward);
    expect(vulnerability?.fullDescription.text).toBe(awkward);
    expect(vulnerability?.helpUri).toBe(`https://avd.example/a%20b%20${awkward.replaceAll(' ', '%20')}`);
    expect(vulnerability?.help.text.endsWith(`\n${awkward}`)).toBe(true);
    expect(vulnerability?.help.markdown).toContain(`|HIGH|a ${awkward}||[CVE-2024-0001 ${awkward}](https://avd.example/a b ${awkward})|`);
    expect(rule('aws')).toMatchObject({ shortDescription: { text: awkward }, fullDescription: { text: awkward } });
    const result = sarif?.results.find((r) => r.ruleId === `CVE-2024-0001 ${awkward}`);
    // The URI is URL-encoded (spaces), the location message is the path as it is.
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(`lock%20${awkward.replaceAll(' ', '%20')}`);
    expect(result?.locations[0]?.message.text).toBe(`lock ${awkward}: a ${awkward}@1`);
    expect(result?.message.text.startsWith(`Package: a ${awkward}\nInstalled Version: 1\n`)).toBe(true);

    const [first] = renderGitLab(report(), { now: NOW }).vulnerabilities;
    expect(first).toMatchObject({
      name: awkward,
      description: awkward,
      location: { dependency: { package: { name: `a ${awkward}` }, version: '1' } },
    });
    expect(renderGitLab(report(), { now: NOW }, 'secret_detection').vulnerabilities[0]?.name).toBe(awkward);

    const bom = renderCycloneDx(report(), NOW) as { vulnerabilities: { id: string; description?: string }[] };
    expect(bom.vulnerabilities.find((v) => v.id === `CVE-2024-0001 ${awkward}`)?.description).toBe(awkward);
  });

  test('GitLab limits: a name of 255 characters and a description of 1 MiB, cut with an ellipsis', () => {
    // Quotes and backslashes, so the cut falls between characters that are escaped in the text.
    const awkwardText = (length: number) => '"\\'.repeat(length / 2);
    const text = JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'app',
      Results: [
        {
          Target: 'package-lock.json',
          Class: 'lang-pkgs',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-1',
              PkgName: 'p',
              InstalledVersion: '1',
              Severity: 'LOW',
              Title: awkwardText(400),
              Description: awkwardText(1_200_000),
            },
            {
              VulnerabilityID: 'CVE-2',
              PkgName: 'p',
              InstalledVersion: '1',
              Severity: 'LOW',
              Title: 'x'.repeat(255),
              Description: 'short',
            },
          ],
        },
      ],
    });
    const [long, exact] = renderGitLab(parseTrivyReport(text, 'limits.json'), { now: NOW }).vulnerabilities;
    expect(long?.name).toBe(`${awkwardText(400).slice(0, 254)}…`);
    expect(long?.description).toBe(`${awkwardText(1_200_000).slice(0, 1_048_575)}…`);
    expect(exact?.name).toBe('x'.repeat(255));
  });

  test.each([
    ['Results[0].Vulnerabilities[0].Title is a number; expected a string', { Title: 5 }],
    ['Results[0].Vulnerabilities[0].InstalledVersion is a number; expected a string', { InstalledVersion: 1 }],
    ['Results[0].Vulnerabilities[0].Description is an object; expected a string', { Description: { toString: 1 } }],
    ['Results[0].Vulnerabilities[0].PrimaryURL is a boolean; expected a string', { PrimaryURL: true }],
    ['Results[0].Vulnerabilities[0].CVSS.nvd.V3Score is a string; expected a number', { CVSS: { nvd: { V3Score: '7.5' } } }],
    ['Results[0].Vulnerabilities[0].References is a string; expected a list of strings', { References: 'https://x' }],
    ['Results[0].Vulnerabilities[0].CweIDs[1] is a number; expected a string', { CweIDs: ['CWE-79', 79] }],
  ])('a report field of another type than Trivy writes is refused when read: %s', (message, fields) => {
    const text = JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'app',
      Results: [
        {
          Target: 'package-lock.json',
          Class: 'lang-pkgs',
          Vulnerabilities: [{ VulnerabilityID: 'CVE-1', PkgName: 'p', InstalledVersion: '1', Severity: 'LOW', ...fields }],
        },
      ],
    });
    expect(() => parseTrivyReport(text, 'odd.json')).toThrow(`odd.json: ${message}, as Trivy writes it`);
  });

  test('the other lists, packages and the report itself are typed too; null is absent, as Go writes it', () => {
    const refused = (report: Record<string, unknown>) => () =>
      parseTrivyReport(JSON.stringify({ SchemaVersion: 2, ArtifactName: 'app', ...report }), 'r.json');
    expect(refused({ Metadata: { RepoTags: 'x' } })).toThrow('r.json: Metadata.RepoTags is a string; expected a list of strings');
    expect(refused({ Results: [{ Target: 't', Type: 3 }] })).toThrow('r.json: Results[0].Type is a number');
    expect(refused({ Results: [{ Target: 't', Packages: [{ Name: 'p', Locations: [{ StartLine: '1' }] }] }] })).toThrow(
      'r.json: Results[0].Packages[0].Locations[0].StartLine is a string; expected a number',
    );
    expect(refused({ Results: [{ Target: 't', Secrets: [{ RuleID: 'r', Severity: 'LOW', Match: ['x'] }] }] })).toThrow(
      'r.json: Results[0].Secrets[0].Match is a list; expected a string',
    );
    expect(refused({ Results: [{ Target: 't', Misconfigurations: [{ ID: 'c', Severity: 'LOW', CauseMetadata: [] }] }] })).toThrow(
      'r.json: Results[0].Misconfigurations[0].CauseMetadata is a list; expected an object',
    );
    expect(
      refused({
        Metadata: { RepoTags: null },
        Results: [{ Target: 't', Vulnerabilities: [{ VulnerabilityID: 'v', PkgName: 'p', Severity: 'LOW', CweIDs: null }] }],
      }),
    ).not.toThrow();
  });

  test('a package without a name is refused when the report is read, naming where', () => {
    const text = JSON.stringify({ SchemaVersion: 2, ArtifactName: 'x', Results: [{ Target: 't', Packages: [{ Version: '1' }] }] });
    expect(() => parseTrivyReport(text, 'r.json')).toThrow(/Results\[0\]\.Packages\[0\] lacks Name/);
  });
});

describe('escapeText and json write strings and numbers as JSON.stringify does', () => {
  const pair = '\ud83d\ude00';
  test.each([
    ['plain', 'CVE-2024-0001'],
    ['empty', ''],
    ['quote and backslash', 'say "hi" \\ bye'],
    ['control characters', '\u0000\u0001\b\t\n\f\r\u001f'],
    ['DEL and Latin-1 (not escaped)', '\u007f é ß'],
    ['line and paragraph separators (not escaped)', '\u2028\u2029'],
    ['a surrogate pair (kept)', `a${pair}b`],
    ['a lone high surrogate (escaped)', 'a\ud83d'],
    ['a lone low surrogate (escaped)', '\ude00b'],
    ['HTML (not escaped)', '</script><!--'],
  ])('%s', (_name, text) => {
    expect(json(text)).toBe(JSON.stringify(text));
    expect(escapeText(text)).toBe(JSON.stringify(text).slice(1, -1));
    // Escapings of parts join into the escaping of the whole.
    expect(`"${escapeText(text)}${escapeText('|')}${escapeText(text)}"`).toBe(JSON.stringify(`${text}|${text}`));
  });

  test.each([0, -0, 1.5, 7.25, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE])('number %s', (value) => {
    expect(json(value)).toBe(JSON.stringify(value));
  });

  test('absent values are empty text, others their text; objects and arrays go through JSON.stringify', () => {
    expect([escapeText(undefined), escapeText(null), escapeText(5), escapeText(true)]).toEqual(['', '', '5', 'true']);
    // An object whose toString is no function (String() would throw): its JSON, as text.
    expect(escapeText({ toString: 1 })).toBe('{\\"toString\\":1}');
    const value = { a: ['x"', 1, null], b: { c: '\n' } };
    expect(json(value)).toBe(JSON.stringify(value));
  });
});

// Recording (only before a deliberate, documented change of an output): RECORD=1 npx vitest run test/unit/scan-rendering.test.ts
if (process.env.RECORD === '1') {
  const { writeFileSync } = await import('node:fs');
  const recorded = Object.fromEntries(
    cases().map((item) => [item.name, Object.fromEntries(Object.entries(outputs(item)).map(([kind, text]) => [kind, sha256(text)]))]),
  );
  writeFileSync(join(import.meta.dirname, '../fixtures/scan/rendered-outputs.sha256.json'), `${JSON.stringify(recorded, null, 2)}\n`);
}

describe('GitLab ids stay unique without keeping every id', () => {
  const vulnerabilityOf = (pkg: string) => ({
    VulnerabilityID: 'CVE-2024-0001',
    PkgName: pkg,
    InstalledVersion: '1.0',
    Severity: 'HIGH',
  });
  const report = (pkgs: string[]): TrivyReport => ({
    SchemaVersion: 2,
    ArtifactName: 'app',
    Results: [{ Target: 'package-lock.json', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: pkgs.map(vulnerabilityOf) }],
  });
  const ids = (pkgs: string[]) => renderGitLab(report(pkgs), { now: NOW }).vulnerabilities.map((v) => v.id);
  /** What the ids were before: a repeated id gets a suffix made from its count, counted per exact id. */
  const expected = (pkgs: string[]) => {
    const first = ids([...new Set(pkgs)]);
    const byPkg = new Map([...new Set(pkgs)].map((pkg, index) => [pkg, first[index] as string]));
    const seen = new Map<string, number>();
    return pkgs.map((pkg) => {
      const id = byPkg.get(pkg) as string;
      const count = seen.get(id) ?? 0;
      seen.set(id, count + 1);
      return count > 0 ? `${id.slice(0, 24)}${createHash('sha256').update(`${id}#${count}`).digest('hex').slice(0, 12)}` : id;
    });
  };

  test('the same finding listed three times gets three ids', () => {
    const got = ids(['a', 'b', 'a', 'a']);
    expect(new Set(got).size).toBe(4);
    expect(got).toEqual(expected(['a', 'b', 'a', 'a']));
  });

  test('two different findings whose ids share the remembered prefix both keep their ids', () => {
    // Search for two packages whose ids share their first 7 hex digits (a birthday search over 28 bits).
    const byPrefix = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let index = 0; !pair; index++) {
      const pkg = `p${index}`;
      const id = ids([pkg])[0] as string;
      const other = byPrefix.get(id.slice(0, 7));
      if (other) pair = [other, pkg];
      else byPrefix.set(id.slice(0, 7), pkg);
    }
    const [a, b] = pair;
    const pkgs = [a, 'x', b, a, b, b];
    const got = ids(pkgs);
    expect(got).toEqual(expected(pkgs));
    expect(new Set(got).size).toBe(pkgs.length);
  }, 60_000);
});

describe('the summary table picks its rows without sorting every finding', () => {
  test('firstInOrder is the first rows of a stable sort, ties included', async () => {
    const { firstInOrder } = await import('../../src/core/scan/markdown.js');
    let state = 7;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state;
    };
    // Few distinct values: many ties, each item told apart by its position.
    const items = Array.from({ length: 2000 }, (_, index) => ({ value: next() % 37, index }));
    const order = (a: { value: number }, b: { value: number }) => a.value - b.value;
    for (const count of [0, 1, 5, 100, 1999, 2000, 5000])
      expect(firstInOrder(items, count, order)).toEqual([...items].sort(order).slice(0, count));
  });
});

describe('the output file holds exactly the text written to it', () => {
  test('small pieces, a piece larger than the buffer, and surrogate pairs at every seam', async () => {
    const { mkdtempSync, readFileSync: read, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { writeOutputFile } = await import('../../src/core/scan/outputs.js');
    const dir = mkdtempSync(join(tmpdir(), 'aegis-scan-output-'));
    try {
      // 😀 is a surrogate pair; its halves must never be split between two encodings.
      const big = `${'a'.repeat(262_143)}😀${'é'.repeat(300_000)}😀${'x'.repeat(1_000_000)}😀`;
      const pieces = ['{"a":', '"😀é"', ...Array.from({ length: 30_000 }, (_, index) => `,${index}😀`), big, '\n', big.slice(1), '}'];
      const file = join(dir, 'out.json');
      writeOutputFile(file, (out) => {
        for (const piece of pieces) out.write(piece);
      });
      expect(read(file, 'utf8')).toBe(pieces.join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
