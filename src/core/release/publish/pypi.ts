import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AegisError } from '../../errors.js';
import type { Fetch } from '../../http.js';
import { run } from '../../process.js';
import { expectStatus, type HttpRequest, send } from '../http.js';
import type { Publisher } from './publisher.js';

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
  return { TWINE_USERNAME: options.username ?? '__token__', TWINE_PASSWORD: options.token ?? '', TWINE_NON_INTERACTIVE: '1' };
}

export function pypiPublisher(options: PypiOptions): Publisher {
  const fetchImpl = options.fetch;
  return {
    kind: 'pypi',
    describe: () => `PyPI package ${options.packageName} to ${options.registryUrl}`,
    async isPublished(version) {
      const response = await send(pypiReleaseRequest(options, version), `PyPI JSON API for ${options.registryUrl}`, fetchImpl);
      if (response.status === 404) return false;
      expectStatus(response, [200], `PyPI JSON API (${options.packageName} ${version})`);
      // Only the release's own JSON counts as "published": a page that merely answers 200 must not
      // let a release be tagged without its package.
      let released: string | undefined;
      try {
        released = (JSON.parse(response.body) as { info?: { version?: string } }).info?.version;
      } catch {
        released = undefined;
      }
      if (released !== version) {
        throw new AegisError(
          `PyPI JSON API (${options.packageName} ${version}) answered 200 without that release's JSON; check pypi-check-url.`,
        );
      }
      return true;
    },
    async publish(version, dir) {
      const distDir = join(dir, options.distDir ?? 'dist');
      let listing: string[] = [];
      try {
        listing = readdirSync(distDir);
      } catch {
        // reported below with the expected location
      }
      const files = distributionsFor(options.packageName, version, listing).map((file) => join(distDir, file));
      if (files.length === 0) {
        throw new AegisError(
          `No distributions of ${options.packageName} ${version} in ${distDir}: build them first (e.g. build-command: ["python3", "-m", "build"]).`,
        );
      }
      const [command = 'twine', ...prefix] = options.twine ?? ['twine'];
      await run(command, [...prefix, ...twineArgs(options.registryUrl, files)], { cwd: dir, env: twineEnv(options) });
    },
  };
}
