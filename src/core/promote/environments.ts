/**
 * The `environments` input: promotion order and the overlay path(s) of each environment.
 *
 *     environments: |
 *       dev: overlays/dev
 *       staging: overlays/staging
 *       prod: [overlays/prod-eu, overlays/prod-us]
 *
 * A bare list (`[dev, staging, prod]`) or one name per line means `overlays/<env>` each.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { InputError } from '../errors.js';

export interface Environment {
  name: string;
  /** Overlay paths (kustomization files, directories or globs), relative to the repository root. */
  overlays: string[];
}

export interface Route {
  from: Environment;
  to: Environment;
  fromIndex: number;
  toIndex: number;
  /** The environment just before `to`: the one whose images `to` may receive. */
  previous: Environment;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const EXPECTED =
  'YAML mapping of environment to overlay path or list of paths, in promotion order (e.g. "dev: overlays/dev"), or a list of names meaning overlays/<env>';

export function parseEnvironments(text: string, input = 'environments'): Environment[] {
  const fail = (detail: string): never => {
    throw new InputError(input, text, EXPECTED, detail);
  };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) fail(`not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
  const root = doc.contents;
  const environments: Environment[] = [];
  const add = (name: unknown, overlays: string[]) => {
    if (typeof name !== 'string' || !NAME.test(name)) fail(`environment name ${JSON.stringify(name)} must be letters, digits, . _ -`);
    if (environments.some((env) => env.name === name)) fail(`environment '${name}' is listed twice`);
    if (overlays.length === 0 || overlays.some((path) => path.trim() === '')) fail(`environment '${name}' has an empty overlay path`);
    environments.push({ name: name as string, overlays });
  };
  if (isMap(root)) {
    for (const pair of root.items) {
      const name = isScalar(pair.key) ? pair.key.value : pair.key;
      // An alias (`prod: *eu-and-us`) is the anchored value.
      const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
      if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) add(name, [`overlays/${name}`]);
      else if (isScalar(value)) add(name, [String(value.value)]);
      else if (isSeq(value)) {
        add(
          name,
          value.items
            .map((item) => (isAlias(item) ? item.resolve(doc) : item))
            .map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : fail(`'${name}' lists a non-string path`))),
        );
      } else fail(`'${String(name)}' must map to a path or a list of paths`);
    }
  } else if (isSeq(root)) {
    for (const item of root.items) {
      const name = isScalar(item) ? item.value : undefined;
      add(name, [`overlays/${String(name)}`]);
    }
  } else if (isScalar(root) && typeof root.value === 'string') {
    // One name per line or comma-separated (what a CLI flag or a CI variable gives).
    for (const name of root.value.split(/[\s,]+/).filter(Boolean)) add(name, [`overlays/${name}`]);
  } else fail('empty');
  if (environments.length < 2) fail('at least two environments are needed to promote between');
  return environments;
}

/**
 * Validates `from` and `to`: both known, `to` after `from`. Skipping environments is not
 * refused here: it is a rule per image (see `orderRefusals`), since an image that already
 * runs in the skipped environment may legitimately move on.
 */
export function resolveRoute(environments: readonly Environment[], from: string, to: string): Route {
  const names = environments.map((env) => env.name);
  const find = (input: 'from' | 'to', name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new InputError(input, name, `one of the environments: ${names.join(', ')}`, 'unknown environment');
    return index;
  };
  const fromIndex = find('from', from);
  const toIndex = find('to', to);
  if (toIndex <= fromIndex) {
    throw new InputError(
      'to',
      to,
      `an environment after '${from}' in promotion order (${names.join(' → ')})`,
      toIndex === fromIndex ? 'same as from' : 'promotion never goes backwards; roll back with health-gate or gitops-bump',
    );
  }
  return {
    from: environments[fromIndex] as Environment,
    to: environments[toIndex] as Environment,
    fromIndex,
    toIndex,
    previous: environments[toIndex - 1] as Environment,
  };
}

/** `protected-environments` names, checked; empty means the last environment. */
export function resolveProtected(
  environments: readonly Environment[],
  names: readonly string[],
  input = 'protected-environments',
): Set<string> {
  if (names.length === 0) return new Set([(environments.at(-1) as Environment).name]);
  const known = environments.map((env) => env.name);
  for (const name of names) {
    if (name === 'none') continue;
    if (!known.includes(name)) throw new InputError(input, name, `environment names from: ${known.join(', ')} (or 'none')`);
  }
  return new Set(names.filter((name) => name !== 'none'));
}
