import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AegisError } from '../../errors.js';
import type { Fetch } from '../../http.js';
import { run } from '../../process.js';
import { expectStatus, type HttpRequest, send } from '../http.js';
import type { PublishContext, Publisher } from './publisher.js';

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

/** The packument request: `@scope/name` is sent as `@scope%2fname`, as the npm client does. */
export function npmPackumentRequest(options: Pick<NpmOptions, 'packageName' | 'registryUrl' | 'token'>): HttpRequest {
  const headers: Record<string, string> = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' };
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

export function npmPublisher(options: NpmOptions): Publisher {
  const fetchImpl = options.fetch;
  return {
    kind: 'npm',
    describe: () => `npm package ${options.packageName} to ${options.registryUrl}`,
    async isPublished(version) {
      const response = await send(npmPackumentRequest(options), `npm registry ${options.registryUrl}`, fetchImpl);
      if (response.status === 404) return false;
      expectStatus(response, [200], `npm registry ${options.registryUrl} (package ${options.packageName})`);
      const packument = JSON.parse(response.body) as { versions?: Record<string, unknown> };
      return Boolean(packument.versions && version in packument.versions);
    },
    async publish(_version, dir, context: PublishContext) {
      const configDir = mkdtempSync(join(tmpdir(), 'aegis-npmrc-'));
      const userconfig = join(configDir, '.npmrc');
      writeFileSync(userconfig, npmrcFor(options.registryUrl), { mode: 0o600 });
      try {
        await run(options.npm ?? 'npm', npmPublishArgs(options.registryUrl, context.distTag), {
          cwd: dir,
          env: {
            NPM_CONFIG_USERCONFIG: userconfig,
            npm_config_userconfig: userconfig,
            [TOKEN_VARIABLE]: options.token ?? '',
            npm_config_update_notifier: 'false',
            npm_config_audit: 'false',
            ...(options.fetchRetries === undefined ? {} : { npm_config_fetch_retries: String(options.fetchRetries) }),
          },
        });
      } catch (error) {
        throw new AegisError(`npm publish of ${options.packageName} to ${options.registryUrl} failed: ${(error as Error).message}`);
      } finally {
        rmSync(configDir, { recursive: true, force: true });
      }
    },
  };
}
