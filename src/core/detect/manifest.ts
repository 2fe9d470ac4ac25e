import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { type Document, isMap, isNode, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { FileError } from '../errors.js';
import { MAX_ALIASES } from '../yaml/plain.js';
import { checkPattern, escapeGlob } from './globs.js';
import { readPlainManifest } from './plain-manifest.js';

export const CHANGE_TYPES = ['added', 'modified', 'deleted', 'renamed'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export interface ServiceSpec {
  name: string;
  path: string;
  kind: 'service' | 'library';
  /** Checked globs (`!` prefix for negation); defaults to `<path>/**`. */
  include: string[];
  exclude: string[];
  /** Which kinds of change mark the service; undefined means the stage-wide setting. */
  changeTypes?: ChangeType[];
  dependsOn: string[];
  /** Everything else in the manifest entry (image, dockerfile, context, team, …), carried into the matrix. */
  fields: Record<string, unknown>;
  /** Where the entry starts, for error messages. */
  line?: number;
}

export interface Manifest {
  /** The manifest file, or undefined when services were discovered. */
  file?: string;
  global: string[];
  services: ServiceSpec[];
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KNOWN_SERVICE_KEYS = new Set(['path', 'include', 'exclude', 'depends-on', 'kind', 'change-types']);
const TOP_LEVEL_KEYS = new Set(['global', 'services']);
/** Matrix keys the stage computes; a manifest may override all but `service`. */
const RESERVED_FIELDS = new Set(['service']);

/**
 * Parses `.aegis/services.yaml`. Every problem is a FileError naming the file, the line and
 * the service, raised before anything is compared or written.
 */
export function parseManifest(text: string, file: string): Manifest {
  return parsePlainManifest(text, file) ?? parseYamlManifest(text, file);
}

/**
 * The common case without the `yaml` library (see plain-manifest.ts). Any problem, even one
 * this could name, is left to parseYamlManifest so that every message is the same.
 */
function parsePlainManifest(text: string, file: string): Manifest | undefined {
  const plain = readPlainManifest(text);
  if (!plain?.services) return undefined;
  try {
    const global = stringList(plain.global?.value, 'global', file, plain.global?.line).map((pattern) =>
      checkPattern(pattern, (value, problem) => new FileError(file, `global: glob ${JSON.stringify(value)}: ${problem}`)),
    );
    const services = plain.services.items.map(({ key, line, entry }) => {
      if (!SERVICE_NAME.test(key)) throw new FileError(file, 'invalid service name', line);
      return parseService(key, entry, file, line);
    });
    return { file, global, services };
  } catch {
    return undefined;
  }
}

/** The manifest through the `yaml` library: any YAML, every error with its line. */
export function parseYamlManifest(text: string, file: string): Manifest {
  const lineCounter = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every other (quadratic: a quarter of
  // a second at 2,000 services), so duplicates are found with a set below.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new FileError(
      file,
      `not valid YAML: ${first?.message.split('\n')[0]}`,
      first ? lineCounter.linePos(first.pos[0]).line : undefined,
    );
  }
  if (text.includes('\0')) throw new FileError(file, 'contains a NUL byte: not a YAML file');
  if (!isMap(doc.contents)) throw new FileError(file, "expected a mapping with 'services' (and optionally 'global')");
  const root = doc.contents;
  refuseDuplicateKeys(root, file, lineOf);
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!TOP_LEVEL_KEYS.has(key))
      throw new FileError(file, `unknown top-level key '${key}': expected 'services' or 'global'`, lineOf(pair.key));
  }

  const globalNode = root.get('global', true);
  const global = stringList(resolved(doc, globalNode, file, lineOf(globalNode)), 'global', file, lineOf(globalNode)).map((pattern) =>
    checkPattern(pattern, (value, problem) => new FileError(file, `global: glob ${JSON.stringify(value)}: ${problem}`, lineOf(globalNode))),
  );

  const servicesNode = root.get('services', true);
  if (!isMap(servicesNode)) throw new FileError(file, "'services' must be a mapping of service name to settings", lineOf(servicesNode));
  refuseDuplicateKeys(servicesNode, file, lineOf);
  const services: ServiceSpec[] = [];
  for (const pair of servicesNode.items) {
    const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const line = lineOf(pair.key);
    if (!SERVICE_NAME.test(name)) {
      throw new FileError(
        file,
        `service name '${name}' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'`,
        line,
      );
    }
    if (!isMap(pair.value)) throw new FileError(file, `service '${name}': expected a mapping with at least 'path'`, line);
    refuseDuplicateKeys(pair.value, file, lineOf);
    services.push(parseService(name, resolved(doc, pair.value, file, line) as Record<string, unknown>, file, line));
  }
  return { file, global, services };
}

/** A node as plain data with its aliases resolved against the document (`image: *img` is the anchored value). */
function resolved(doc: Document.Parsed, node: unknown, file: string, line: number | undefined): unknown {
  if (!isNode(node)) return node;
  try {
    return node.toJS(doc, { maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new FileError(
      file,
      `expands to too much data through YAML aliases (${(error as Error).message}); write the values out instead of aliasing them`,
      line,
    );
  }
}

function parseService(name: string, entry: Record<string, unknown>, file: string, line: number | undefined): ServiceSpec {
  const where = `service '${name}'`;
  const fail = (message: string) => new FileError(file, `${where}: ${message}`, line);
  const path = entry.path;
  if (typeof path !== 'string' || path.trim() === '')
    throw fail("'path' is required: the service's directory relative to the repository root");
  const normalisedPath = path
    .trim()
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (normalisedPath === '' || normalisedPath.startsWith('/') || normalisedPath.split('/').includes('..')) {
    throw fail(`'path' ${JSON.stringify(path)} must be a directory inside the repository (relative, no '..')`);
  }
  const globs = (key: 'include' | 'exclude') =>
    stringList(entry[key], `${where}: '${key}'`, file, line).map((pattern) =>
      checkPattern(pattern, (value, problem) => fail(`'${key}' glob ${JSON.stringify(value)}: ${problem}`)),
    );
  const include =
    entry.include === undefined
      ? [`${escapeGlob(normalisedPath)}/**`] // the path is a directory name, never a glob
      : globs('include');
  if (include.length === 0) throw fail("'include' is empty: the service could never change");
  const kind = entry.kind ?? 'service';
  if (kind !== 'service' && kind !== 'library') throw fail(`'kind' is ${JSON.stringify(kind)}: expected 'service' or 'library'`);
  let changeTypes: ChangeType[] | undefined;
  if (entry['change-types'] !== undefined) {
    changeTypes = stringList(entry['change-types'], `${where}: 'change-types'`, file, line).map((type) => {
      if (!(CHANGE_TYPES as readonly string[]).includes(type))
        throw fail(`'change-types' has ${JSON.stringify(type)}: expected any of ${CHANGE_TYPES.join(', ')}`);
      return type as ChangeType;
    });
  }
  const dependsOn = stringList(entry['depends-on'], `${where}: 'depends-on'`, file, line);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (KNOWN_SERVICE_KEYS.has(key)) continue;
    if (RESERVED_FIELDS.has(key)) throw fail(`'${key}' is set by detect and cannot be given in the manifest`);
    fields[key] = value;
  }
  return { name, path: normalisedPath, kind, include, exclude: globs('exclude'), changeTypes, dependsOn, fields, line };
}

function refuseDuplicateKeys(map: YAMLMap, file: string, lineOf: (node: unknown) => number | undefined): void {
  const seen = new Set<string>();
  for (const pair of map.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (seen.has(key)) throw new FileError(file, `not valid YAML: map keys must be unique ('${key}' is repeated)`, lineOf(pair.key));
    seen.add(key);
  }
}

function stringList(value: unknown, what: string, file: string, line: number | undefined): string[] {
  const plain = isSeq(value) ? value.toJSON() : value && typeof value === 'object' && 'toJSON' in value ? (value as Node).toJSON() : value;
  if (plain === undefined || plain === null) return [];
  if (typeof plain === 'string') return [plain];
  if (Array.isArray(plain) && plain.every((item) => typeof item === 'string')) return plain as string[];
  throw new FileError(file, `${what} must be a list of strings`, line);
}

export interface DiscoveryOptions {
  /** Globs of candidate directories, relative to the repository root (default `services/*`). */
  patterns: readonly string[];
  /** A directory is a service when it holds this file (default `Dockerfile`). */
  marker: string;
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/**
 * Without a manifest: every directory matching one of `patterns` that holds `marker` is a
 * service named after the directory, with the defaults a manifest entry would have.
 */
export function discoverServices(root: string, options: DiscoveryOptions): Manifest {
  const services = new Map<string, ServiceSpec>();
  for (const pattern of options.patterns) {
    const isMatch = picomatch(pattern, { dot: false });
    const scan = picomatch.scan(pattern);
    const start = scan.isGlob ? scan.base : pattern;
    const maxDepth = pattern.includes('**') ? Number.POSITIVE_INFINITY : pattern.split('/').length;
    const visit = (relative: string, depth: number) => {
      const absolute = join(root, relative);
      if ((relative === pattern || isMatch(relative)) && existsSync(join(absolute, options.marker))) {
        const name = relative.split('/').pop() as string;
        const existing = services.get(name);
        if (existing && existing.path !== relative) {
          throw new FileError(
            relative,
            `two discovered services are both named '${name}' (${existing.path} and ${relative}); add an .aegis/services.yaml to name them`,
          );
        }
        services.set(name, {
          name,
          path: relative,
          kind: 'service',
          include: [`${escapeGlob(relative)}/**`],
          exclude: [],
          dependsOn: [],
          fields: {},
        });
      }
      if (depth >= maxDepth) return;
      let entries: string[];
      try {
        entries = readdirSync(absolute);
      } catch {
        return;
      }
      for (const entry of entries.sort()) {
        if (SKIPPED_DIRECTORIES.has(entry)) continue;
        const child = relative === '' ? entry : `${relative}/${entry}`;
        if (statSync(join(root, child), { throwIfNoEntry: false })?.isDirectory()) visit(child, depth + 1);
      }
    };
    visit(start, start === '' ? 0 : start.split('/').length);
  }
  return { global: [], services: [...services.values()].filter((service) => SERVICE_NAME.test(service.name)) };
}
