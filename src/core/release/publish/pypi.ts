import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AegisError } from '../../errors.js';
import type { Fetch } from '../../http.js';
import { run } from '../../process.js';
import { expectStatus, type HttpRequest, send } from '../http.js';
import type { Publisher, RegistryEntry, RegistryFile } from './publisher.js';

export const PYPI_DEFAULT_UPLOAD_URL = 'https://upload.pypi.org/legacy/';

export interface PypiOptions {
  /** Distribution name from pyproject.toml. */
  packageName: string;
  /** twine's upload endpoint (`--repository-url`). */
  registryUrl: string;
  /** Base of PyPI's JSON API (`https://pypi.org/pypi/`); derived from registryUrl when not given. */
  checkUrl?: string;
  token?: string;
  /** TWINE_USERNAME; `__token__` for API tokens. */
  username?: string;
  /** Folder (relative to the library) holding the built distributions. */
  distDir?: string;
  fetch?: Fetch;
  /** The twine command, e.g. ['twine'] or ['python3', '-m', 'twine']. */
  twine?: readonly string[];
}

/** PEP 503 normalised project name: what the JSON API and the simple index use. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The JSON API of the public indexes: `https://upload.pypi.org/legacy/` → `https://pypi.org/pypi/`,
 * `https://test.pypi.org/legacy/` → `https://test.pypi.org/pypi/`. Undefined for any other
 * registry, whose JSON API cannot be guessed (it must be given as `pypi-check-url`).
 */
export function defaultCheckUrl(registryUrl: string): string | undefined {
  const url = new URL(registryUrl);
  const host = url.host.replace(/^upload\./, '');
  return host === 'pypi.org' || host === 'test.pypi.org' ? `${url.protocol}//${host}/pypi/` : undefined;
}

/** PyPI's JSON API for one release: 200 when that version exists, 404 when not. */
export function pypiReleaseRequest(
  options: Pick<PypiOptions, 'packageName' | 'registryUrl' | 'checkUrl' | 'token'>,
  version: string,
): HttpRequest {
  const base = options.checkUrl ?? defaultCheckUrl(options.registryUrl);
  if (!base) throw new AegisError(`No JSON API is known for ${options.registryUrl}: set pypi-check-url.`);
  return {
    method: 'GET',
    url: `${base.endsWith('/') ? base : `${base}/`}${encodeURIComponent(normalizeName(options.packageName))}/${encodeURIComponent(version)}/json`,
    headers: { accept: 'application/json' },
  };
}

/** Distribution files for `version` among `files` (wheel names use `_`, sdists may use either). */
export function distributionsFor(packageName: string, version: string, files: readonly string[]): string[] {
  const stem = normalizeName(packageName).replace(/-/g, '_');
  return files.filter((file) => {
    const lower = file.toLowerCase().replace(/[-.]/g, '_');
    const prefix = `${stem}_${version.toLowerCase().replace(/[-.]/g, '_')}`;
    return lower.startsWith(prefix) && /(\.whl|\.tar\.gz|\.zip)$/.test(file) && /[-_.]/.test(lower.charAt(prefix.length) || '_');
  });
}

/** twine argv: credentials come from TWINE_USERNAME/TWINE_PASSWORD, never from here. */
export function twineArgs(registryUrl: string, files: readonly string[]): string[] {
  return ['upload', '--non-interactive', '--skip-existing', '--disable-progress-bar', '--repository-url', registryUrl, ...files];
}

export function twineEnv(options: Pick<PypiOptions, 'token' | 'username'>): Record<string, string> {
  return {
    TWINE_USERNAME: options.username ?? '__token__',
    TWINE_PASSWORD: options.token ?? '',
    TWINE_NON_INTERACTIVE: '1',
    // twine asks the system keyring first; on a CI runner that can hang on D-Bus, and the token is here anyway.
    PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
  };
}

interface ReleaseJson {
  info?: { version?: string };
  urls?: Array<{ filename?: string; digests?: { sha256?: string } }>;
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Local distributions of `version` in `dir`'s dist folder, as absolute paths. */
function localDistributions(options: PypiOptions, version: string, dir: string): string[] {
  const distDir = join(dir, options.distDir ?? 'dist');
  let listing: string[] = [];
  try {
    listing = readdirSync(distDir);
  } catch {
    // reported by the caller with the expected location
  }
  return distributionsFor(options.packageName, version, listing).map((file) => join(distDir, file));
}

/**
 * Local files not yet in the release, compared by name and sha256. A file of the same name with
 * another hash means the index holds a different build: PyPI never lets a file be replaced, so
 * that is reported, not retried.
 */
export function compareDistributions(
  local: ReadonlyArray<{ path: string; sha256: string }>,
  remote: readonly RegistryFile[],
  what: string,
): string[] {
  const byName = new Map(remote.map((file) => [file.filename, file.sha256]));
  const missing: string[] = [];
  for (const file of local) {
    const name = basename(file.path);
    const published = byName.get(name);
    if (published === undefined) missing.push(file.path);
    else if (published !== file.sha256) {
      throw new AegisError(
        `${what} already holds ${name} with sha256 ${published}, but the tagged commit builds it with sha256 ${file.sha256}: the index has a different build of this version. Release a new version (e.g. a fix commit, or Release-As).`,
      );
    }
  }
  return missing;
}

export function pypiPublisher(options: PypiOptions): Publisher {
  const fetchImpl = options.fetch;
  const where = `PyPI JSON API for ${options.registryUrl}`;
  return {
    kind: 'pypi',
    describe: () => `PyPI package ${options.packageName} to ${options.registryUrl}`,
    async lookup(version): Promise<RegistryEntry | undefined> {
      const response = await send(pypiReleaseRequest(options, version), where, fetchImpl);
      if (response.status === 404) return undefined;
      expectStatus(response, [200], `PyPI JSON API (${options.packageName} ${version})`);
      // Only the release's own JSON counts: a page that merely answers 200 must not let a release be tagged without its package.
      let body: ReleaseJson | undefined;
      try {
        body = JSON.parse(response.body) as ReleaseJson;
      } catch {
        body = undefined;
      }
      if (body?.info?.version !== version) {
        throw new AegisError(
          `PyPI JSON API (${options.packageName} ${version}) answered 200 without that release's JSON; check pypi-check-url.`,
        );
      }
      const files = (body.urls ?? []).flatMap((url) =>
        url.filename && url.digests?.sha256 ? [{ filename: url.filename, sha256: url.digests.sha256 }] : [],
      );
      return { version, files };
    },
    distTags: async () => ({}),
    async verifyAccess() {
      // PyPI has no "who am I" for upload tokens: short of uploading, a token is checked for presence and,
      // on pypi.org, for the API-token form; the upload endpoint must answer.
      if (!options.token) throw new AegisError(`No token for ${options.registryUrl}: set the 'token' input (a PyPI API token).`);
      if (defaultCheckUrl(options.registryUrl) && !options.token.startsWith('pypi-')) {
        throw new AegisError(`The token for ${options.registryUrl} is not a PyPI API token (those start with 'pypi-').`);
      }
      const response = await send(
        { method: 'GET', url: options.registryUrl, headers: {} },
        `PyPI upload endpoint ${options.registryUrl}`,
        fetchImpl,
      );
      return `upload endpoint answered HTTP ${response.status} (PyPI cannot check a token without an upload)`;
    },
    async missingFiles(version, dir, existing) {
      const local = localDistributions(options, version, dir).map((path) => ({ path, sha256: sha256Of(path) }));
      return compareDistributions(local, existing.files ?? [], `${options.registryUrl} (${options.packageName} ${version})`).map((path) =>
        basename(path),
      );
    },
    async publish(version, dir, context) {
      const all = localDistributions(options, version, dir);
      if (all.length === 0) {
        throw new AegisError(
          `No distributions of ${options.packageName} ${version} in ${join(dir, options.distDir ?? 'dist')}: build them first (e.g. build-command: ["python3", "-m", "build"]).`,
        );
      }
      const files = context.existing
        ? compareDistributions(
            all.map((path) => ({ path, sha256: sha256Of(path) })),
            context.existing.files ?? [],
            `${options.registryUrl} (${options.packageName} ${version})`,
          )
        : all;
      if (files.length === 0) return;
      const [command = 'twine', ...prefix] = options.twine ?? ['twine'];
      const result = await run(command, [...prefix, ...twineArgs(options.registryUrl, files)], {
        cwd: dir,
        env: twineEnv(options),
        allowFailure: true,
      });
      if (result.exitCode !== 0) {
        throw new AegisError(
          `twine upload of ${files.map((file) => basename(file)).join(', ')} to ${options.registryUrl} failed: ${result.stdout.trim().split('\n').slice(-3).join(' ')} ${result.stderr.trim().split('\n').slice(-3).join(' ')}`.trim(),
        );
      }
    },
  };
}
