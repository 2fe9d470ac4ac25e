import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateDir, removePrivateDir } from '../../cleanup.js';
import { AegisError } from '../../errors.js';
import type { Fetch } from '../../http.js';
import { run } from '../../process.js';
import { expectStatus, type HttpRequest, send } from '../http.js';
import type { PublishContext, Publisher, RegistryEntry } from './publisher.js';

export const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** npm expands `${VAR}` in .npmrc, so the token lives only in the child's environment. */
const TOKEN_VARIABLE = 'AEGIS_NPM_TOKEN';

export interface NpmOptions {
  packageName: string;
  registryUrl: string;
  token?: string;
  fetch?: Fetch;
  /** The npm executable (tests may point at a specific one). */
  npm?: string;
  /** npm's `fetch-retries`; undefined keeps npm's default (2 retries with backoff). */
  fetchRetries?: number;
}

function registryBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The full packument request (`gitHead` and `dist` are only in the full document): `@scope/name` is sent as `@scope%2fname`. */
export function npmPackumentRequest(options: Pick<NpmOptions, 'packageName' | 'registryUrl' | 'token'>): HttpRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return { method: 'GET', url: `${registryBase(options.registryUrl)}${options.packageName.replace('/', '%2f')}`, headers };
}

/** `.npmrc` lines that authenticate against `registryUrl` with the token from the environment. */
export function npmrcFor(registryUrl: string): string {
  const url = new URL(registryBase(registryUrl));
  return `//${url.host}${url.pathname}:_authToken=\${${TOKEN_VARIABLE}}\nalways-auth=true\n`;
}

/** argv for `npm publish`: registry and dist-tag only; credentials travel in the userconfig + env. */
export function npmPublishArgs(registryUrl: string, distTag: string): string[] {
  return ['publish', '--registry', registryBase(registryUrl), '--tag', distTag];
}

interface Packument {
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, { gitHead?: string; dist?: { integrity?: string } }>;
}

export function npmPublisher(options: NpmOptions): Publisher {
  const fetchImpl = options.fetch;
  const where = `npm registry ${options.registryUrl}`;
  const packument = async (): Promise<Packument | undefined> => {
    const response = await send(npmPackumentRequest(options), where, fetchImpl);
    if (response.status === 404) return undefined;
    expectStatus(response, [200], `${where} (package ${options.packageName})`);
    try {
      return JSON.parse(response.body) as Packument;
    } catch {
      throw new AegisError(`${where} answered the packument of ${options.packageName} with something that is not JSON.`);
    }
  };
  /** Runs npm with a throwaway userconfig that reads the token from the environment. */
  const npm = async (args: string[], cwd: string | undefined) => {
    const configDir = createPrivateDir(tmpdir(), 'aegis-npmrc-');
    const userconfig = join(configDir, '.npmrc');
    writeFileSync(userconfig, npmrcFor(options.registryUrl), { mode: 0o600 });
    try {
      return await run(options.npm ?? 'npm', args, {
        cwd,
        allowFailure: true,
        env: {
          NPM_CONFIG_USERCONFIG: userconfig,
          npm_config_userconfig: userconfig,
          [TOKEN_VARIABLE]: options.token ?? '',
          npm_config_update_notifier: 'false',
          npm_config_audit: 'false',
          ...(options.fetchRetries === undefined ? {} : { npm_config_fetch_retries: String(options.fetchRetries) }),
        },
      });
    } finally {
      removePrivateDir(configDir);
    }
  };
  return {
    kind: 'npm',
    describe: () => `npm package ${options.packageName} to ${options.registryUrl}`,
    async lookup(version): Promise<RegistryEntry | undefined> {
      const manifest = (await packument())?.versions?.[version];
      if (!manifest) return undefined;
      return { version, gitHead: manifest.gitHead, integrity: manifest.dist?.integrity };
    },
    async distTags() {
      return (await packument())?.['dist-tags'] ?? {};
    },
    async verifyAccess() {
      if (!options.token) throw new AegisError(`No token for ${where}: set the 'token' input (an npm automation or granular token).`);
      // `npm whoami` is what semantic-release's npm plugin runs: it fails on a token the registry does not accept.
      const result = await npm(['whoami', '--registry', registryBase(options.registryUrl)], tmpdir());
      if (result.exitCode !== 0) {
        throw new AegisError(`${where} does not accept the token (npm whoami: ${lastLine(result.stderr)}); nothing was published.`);
      }
      return `npm whoami: ${result.stdout.trim()}`;
    },
    async publish(_version, dir, context: PublishContext) {
      const result = await npm(npmPublishArgs(options.registryUrl, context.distTag), dir);
      if (result.exitCode !== 0) {
        throw new AegisError(`npm publish of ${options.packageName} to ${options.registryUrl} failed: ${lastLine(result.stderr)}`);
      }
    },
  };
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => !/^npm (notice|warn)/.test(line))
      .slice(-3)
      .join(' ') || 'no output'
  );
}
