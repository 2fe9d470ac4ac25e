import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import { FileError } from '../errors.js';
import { plainData } from '../yaml/plain.js';
import type { Finding, FindingClass } from './report.js';

/** One accepted risk: which finding, why, who answers for it, and until when. */
export interface IgnoreEntry {
  id: string;
  /** Limits the entry to one package; absent means every package with this vulnerability. */
  package?: string;
  reason: string;
  /** Always set in aegis ignore files; Trivy's ignore files do not record one. */
  owner?: string;
  /** `YYYY-MM-DD` as written; absent in a Trivy ignore entry without an expiry (it never lapses). */
  expires?: string;
  /** When the entry stops holding (ms since the epoch): the end of `expires` (aegis), its start (Trivy's `exp:`/`expired_at`). */
  until?: number;
  /** Trivy's `.trivyignore.yaml` sections: the classes the entry applies to; absent means every class. */
  classes?: FindingClass[];
  /** Trivy's `paths`: doublestar globs on the target (or package path); absent means anywhere. */
  paths?: string[];
  /** Trivy's `purls`: the package must match one (a purl without version matches every version). */
  purls?: string[];
  /** The file the entry came from, for annotations. */
  file?: string;
  /** 1-based line in the ignore file, for annotations. */
  line?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = new Set(['id', 'package', 'reason', 'owner', 'expires']);
const EXAMPLE =
  'ignores:\n  - id: CVE-2024-0001\n    package: openssl   # optional\n    reason: not reachable, no TLS\n    owner: team-payments\n    expires: 2025-06-30';

/**
 * Parses the ignore file. Every entry must say why, who and until when: an exception
 * without an owner or an end date is how findings get hidden for good.
 */
export function parseIgnoreFile(text: string, file: string): IgnoreEntry[] {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new FileError(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
  }
  const data = plainData(document, file);
  if (data === null || data === undefined) return [];
  const entries = (data as { ignores?: unknown }).ignores;
  if (typeof data !== 'object' || Array.isArray(data) || !Array.isArray(entries)) {
    throw new FileError(file, `expected a mapping with an 'ignores' list, for example:\n${EXAMPLE}`);
  }
  const lineCounter = lineOf(text);
  return entries.map((entry: unknown, index) => {
    const where = `ignores[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new FileError(file, `${where} is not a mapping with id, reason, owner and expires`);
    }
    const record = entry as Record<string, unknown>;
    const unknown = Object.keys(record).filter((key) => !KEYS.has(key));
    if (unknown.length > 0)
      throw new FileError(file, `${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${[...KEYS].join(', ')}`);
    const field = (name: string, required: boolean): string | undefined => {
      const value = record[name];
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (value === undefined || value === null || value === '') {
        if (required)
          throw new FileError(
            file,
            `${where}${record.id ? ` (${String(record.id)})` : ''} has no '${name}'; every entry needs id, reason, owner and expires`,
          );
        return undefined;
      }
      if (typeof value !== 'string') throw new FileError(file, `${where}.${name} must be a string`);
      return value.trim();
    };
    const id = field('id', true) as string;
    const reason = field('reason', true) as string;
    const owner = field('owner', true) as string;
    const expires = field('expires', true) as string;
    if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
      throw new FileError(file, `${where} (${id}).expires is ${JSON.stringify(expires)}; expected a date YYYY-MM-DD`);
    }
    const pkg = field('package', false);
    const line = lineCounter(id);
    return {
      id,
      ...(pkg ? { package: pkg } : {}),
      reason,
      owner,
      expires,
      until: Date.parse(`${expires}T00:00:00Z`) + DAY,
      file,
      ...(line ? { line } : {}),
    };
  });
}

/** Which of the three ignore-file formats a file is in: YAML with `ignores:` is ours, other YAML is Trivy's, anything else is a `.trivyignore`. */
export function ignoreFormat(text: string, file: string): 'aegis' | 'trivyignore.yaml' | 'trivyignore' {
  if (!/\.ya?ml$/i.test(file)) return 'trivyignore';
  return /^ignores\s*:/m.test(text) ? 'aegis' : 'trivyignore.yaml';
}

/** Reads any of the three formats (see `ignoreFormat`). */
export function parseAnyIgnoreFile(text: string, file: string): { entries: IgnoreEntry[]; warnings: string[] } {
  const format = ignoreFormat(text, file);
  if (format === 'aegis') return { entries: parseIgnoreFile(text, file), warnings: [] };
  if (format === 'trivyignore.yaml') return { entries: parseTrivyIgnoreYaml(text, file), warnings: [] };
  return parseTrivyIgnore(text, file);
}

const TRIVY_REASON = (file: string) => `listed in ${file}`;

/**
 * Trivy's `.trivyignore`: one id per line, optionally `exp:YYYY-MM-DD`, `#` comments. As in
 * Trivy (pkg/result/ignore.go) an id applies to every class, an entry lapses at the start of its
 * `exp:` day, and a line whose date does not parse is skipped with a warning.
 */
export function parseTrivyIgnore(text: string, file: string): { entries: IgnoreEntry[]; warnings: string[] } {
  const entries: IgnoreEntry[] = [];
  const warnings: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    const id = fields[0] as string;
    const exp = fields
      .slice(1)
      .find((f) => f.startsWith('exp:'))
      ?.slice(4);
    let until: number | undefined;
    if (exp !== undefined) {
      until = DATE.test(exp) ? Date.parse(`${exp}T00:00:00Z`) : Number.NaN;
      if (Number.isNaN(until)) {
        warnings.push(
          `${file}:${index + 1}: expiration date ${JSON.stringify(exp)} of ${id} is not YYYY-MM-DD; the line is skipped (as Trivy does)`,
        );
        return;
      }
    }
    entries.push({
      id,
      reason: TRIVY_REASON(file),
      ...(exp !== undefined ? { expires: exp, until } : {}),
      file,
      line: index + 1,
    });
  });
  return { entries, warnings };
}

const YAML_SECTIONS: Record<string, FindingClass> = {
  vulnerabilities: 'vulnerability',
  misconfigurations: 'misconfiguration',
  secrets: 'secret',
  licenses: 'license',
};
const YAML_KEYS = new Set(['id', 'paths', 'purls', 'expired_at', 'statement']);

/**
 * Trivy's `.trivyignore.yaml`: per class a list of {id, paths, purls, expired_at, statement}.
 * Unknown keys are refused (Trivy would silently ignore a typo like `expires_at`, and the entry
 * would then never lapse).
 */
export function parseTrivyIgnoreYaml(text: string, file: string): IgnoreEntry[] {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new FileError(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
  }
  const data = document.toJS() as unknown;
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FileError(
      file,
      "expected Trivy's ignore mapping: vulnerabilities, misconfigurations, secrets, licenses (lists of {id, paths, purls, expired_at, statement})",
    );
  }
  const record = data as Record<string, unknown>;
  const unknownSections = Object.keys(record).filter((key) => !(key in YAML_SECTIONS));
  if (unknownSections.length > 0)
    throw new FileError(file, `unknown section(s) ${unknownSections.join(', ')}; allowed: ${Object.keys(YAML_SECTIONS).join(', ')}`);
  const lineOfId = lineOf(text);
  const entries: IgnoreEntry[] = [];
  for (const [section, cls] of Object.entries(YAML_SECTIONS)) {
    const list = record[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw new FileError(file, `${section} must be a list of {id, paths, purls, expired_at, statement}`);
    list.forEach((item: unknown, index) => {
      const where = `${section}[${index}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        throw new FileError(file, `${where} is not a mapping with an id`);
      const entry = item as Record<string, unknown>;
      const extra = Object.keys(entry).filter((key) => !YAML_KEYS.has(key));
      if (extra.length > 0)
        throw new FileError(file, `${where} has unknown key(s) ${extra.join(', ')}; allowed: ${[...YAML_KEYS].join(', ')}`);
      if (typeof entry.id !== 'string' || entry.id === '') throw new FileError(file, `${where} has no id`);
      const strings = (name: string): string[] | undefined => {
        const value = entry[name];
        if (value === undefined || value === null) return undefined;
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
          throw new FileError(file, `${where}.${name} must be a list of strings`);
        return value as string[];
      };
      const paths = strings('paths');
      const purls = strings('purls');
      for (const purl of purls ?? [])
        if (!/^pkg:[a-z0-9.+-]+\/.+/i.test(purl))
          throw new FileError(file, `${where}.purls has ${JSON.stringify(purl)}; expected a package URL such as pkg:npm/lodash@4.17.20`);
      let expires: string | undefined;
      const expiredAt = entry.expired_at;
      if (expiredAt instanceof Date) expires = expiredAt.toISOString().slice(0, 10);
      else if (typeof expiredAt === 'string' && DATE.test(expiredAt)) expires = expiredAt;
      else if (expiredAt !== undefined && expiredAt !== null)
        throw new FileError(file, `${where} (${entry.id}).expired_at is ${JSON.stringify(expiredAt)}; expected a date YYYY-MM-DD`);
      const statement = typeof entry.statement === 'string' && entry.statement.trim() ? entry.statement.trim() : undefined;
      const line = lineOfId(entry.id);
      entries.push({
        id: entry.id,
        reason: statement ?? TRIVY_REASON(file),
        ...(expires ? { expires, until: expiredAt instanceof Date ? expiredAt.getTime() : Date.parse(`${expires}T00:00:00Z`) } : {}),
        classes: [cls],
        ...(paths?.length ? { paths } : {}),
        ...(purls?.length ? { purls } : {}),
        file,
        ...(line ? { line } : {}),
      });
    });
  }
  return entries;
}

/** Does the entry accept this finding? Id (or an alias), class, package, paths and purls must all agree. */
export function ignoreMatches(entry: IgnoreEntry, finding: Finding): boolean {
  const id = entry.id.toUpperCase();
  if (id !== finding.id.toUpperCase() && !finding.aliases.some((alias) => alias.toUpperCase() === id)) return false;
  if (entry.classes && !entry.classes.includes(finding.class)) return false;
  if (entry.package !== undefined && entry.package !== finding.pkgName) return false;
  if (entry.paths) {
    const candidates =
      finding.class === 'license'
        ? [finding.license?.FilePath ?? '']
        : [finding.target, ...(finding.vulnerability?.PkgPath ? [finding.vulnerability.PkgPath] : [])];
    const match = picomatch(entry.paths, { dot: true });
    if (!candidates.some((candidate) => match(candidate))) return false;
  }
  if (entry.purls) {
    const purl = finding.vulnerability?.PkgIdentifier?.PURL;
    // As in Trivy, a finding without a purl is not held back by the entry's purls.
    if (purl && !entry.purls.some((pattern) => purlMatches(pattern, purl))) return false;
  }
  return true;
}

/** Trivy's purl match: type, namespace and name equal; the version too when the pattern has one; qualifiers ignored. */
function purlMatches(pattern: string, purl: string): boolean {
  const strip = (value: string) => value.split(/[?#]/)[0] as string;
  const split = (value: string) => {
    const at = value.lastIndexOf('@');
    return at > value.indexOf('/') ? { name: value.slice(0, at), version: value.slice(at + 1) } : { name: value, version: '' };
  };
  const want = split(strip(pattern));
  const got = split(strip(purl));
  return want.name === got.name && (want.version === '' || want.version === got.version);
}

/** Finds the line an id first appears on, for file annotations. */
function lineOf(text: string): (id: string) => number | undefined {
  const lines = text.split(/\r?\n/);
  return (id) => {
    const index = lines.findIndex((line) => /\bid\s*:/.test(line) && line.includes(id));
    return index >= 0 ? index + 1 : undefined;
  };
}

const DAY = 86_400_000;

/** Whole days until the entry lapses (0 on its last day, negative once expired; infinite without an expiry). */
export function daysLeft(entry: IgnoreEntry, now: Date): number {
  const end = entry.until ?? (entry.expires ? Date.parse(`${entry.expires}T00:00:00Z`) + DAY : Number.POSITIVE_INFINITY);
  if (!Number.isFinite(end)) return Number.POSITIVE_INFINITY;
  return Math.ceil((end - now.getTime()) / DAY) - 1;
}
