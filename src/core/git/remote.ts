import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AegisError, InputError } from '../errors.js';

export interface RemoteCredentials {
  /** HTTPS token (GitHub token, GitLab access token). Sent as a Basic auth header via environment-only git config. */
  token?: string;
  /** User name paired with the token: GitHub accepts `x-access-token`, GitLab `oauth2`. */
  username?: string;
  /** Path to an SSH private key file for ssh remotes. */
  sshKeyFile?: string;
  /** Path to the known_hosts file ssh checks host keys against (and nothing else); without it, ssh's defaults. */
  knownHostsFile?: string;
  /** Trust on first use: record an unknown host's key instead of refusing it (known keys are still checked). */
  acceptNewHostKeys?: boolean;
  /** Keepalive interval of ssh (4 unanswered ones end the connection); by default a quarter of `stallSeconds`. */
  serverAliveSeconds?: number;
  /** A transfer that stalls (below 1 KB/s over http, no keepalive answer over ssh) this long fails. Default 60. */
  stallSeconds?: number;
}

/** Git configuration for one process, through the environment (git ≥ 2.31): never in argv or .git/config. */
function environmentConfig(entries: readonly [string, string][]): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

export interface Remote {
  /** What git is given: never contains a credential. */
  url: string;
  /** Variables for every git process that talks to the remote. */
  env: Record<string, string>;
  /** Values to register as secrets before anything is logged. */
  secrets: string[];
  kind: 'local' | 'file' | 'https' | 'http' | 'ssh';
}

const SCP_LIKE = /^[\w.-]+@[\w.-]+:(?!\/\/)/;

/**
 * Describes how to reach a repository. Credentials travel in GIT_CONFIG_* variables —
 * not in argv (visible in `ps`), not in the URL (logged by git) and not in `.git/config`
 * (left on the runner's disk).
 */
export function describeRemote(repository: string, credentials: RemoteCredentials, workspace: string): Remote {
  const input = 'repository';
  if (!repository) throw new InputError(input, repository, 'a repository URL (https://, ssh://, git@host:path, file://) or a local path');
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  const secrets: string[] = [];
  const config: [string, string][] = [];
  const stall = credentials.stallSeconds ?? 60;

  if (/^https?:\/\//.test(repository)) {
    const url = new URL(repository);
    if (url.username || url.password) {
      throw new InputError(
        input,
        `${url.protocol}//***@${url.host}${url.pathname}`,
        'a URL without credentials',
        "pass the token in the 'token' input",
      );
    }
    const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
    if (credentials.token && url.protocol === 'http:' && !loopback) {
      throw new InputError(input, repository, 'an https:// URL', 'a token is never sent over plain http except to this machine');
    }
    if (credentials.token) {
      const header = `Authorization: Basic ${Buffer.from(`${credentials.username || 'x-access-token'}:${credentials.token}`).toString('base64')}`;
      secrets.push(credentials.token, header);
      // Scoped to the repository's origin so a redirect elsewhere never receives it. The empty
      // value first resets headers already configured for it (actions/checkout stores its own
      // token that way in .git/config), so exactly this token is sent.
      const key = `http.${url.origin}/.extraheader`;
      config.push([key, ''], [key, header]);
    }
    // A transfer slower than 1 KB/s for the stall time fails instead of waiting for git's overall timeout.
    config.push(['http.lowSpeedLimit', '1000'], ['http.lowSpeedTime', String(stall)]);
    Object.assign(env, environmentConfig(config));
    return { url: url.toString(), env, secrets, kind: url.protocol === 'https:' ? 'https' : 'http' };
  }

  if (repository.startsWith('ssh://') || SCP_LIKE.test(repository)) {
    const alive = credentials.serverAliveSeconds ?? Math.max(1, Math.ceil(stall / 4));
    const ssh = ['ssh', '-o', 'BatchMode=yes', '-o', `ConnectTimeout=${alive * 2}`];
    // A stalled server is noticed after alive × 4 seconds instead of git's overall timeout.
    ssh.push('-o', `ServerAliveInterval=${alive}`, '-o', 'ServerAliveCountMax=4');
    if (credentials.sshKeyFile) ssh.push('-i', sshPath(credentials.sshKeyFile), '-o', 'IdentitiesOnly=yes');
    if (credentials.knownHostsFile) ssh.push('-o', `UserKnownHostsFile="${sshPath(credentials.knownHostsFile)}"`);
    // Unknown hosts are refused unless trust on first use was asked for explicitly.
    ssh.push('-o', `StrictHostKeyChecking=${credentials.acceptNewHostKeys ? 'accept-new' : 'yes'}`, '-o', 'CheckHostIP=no');
    // git runs this through `sh -c`: every word is single-quoted, so a temp path holding
    // spaces or `$(…)` stays one literal argument. GIT_SSH_COMMAND (not core.sshCommand) because
    // a GIT_SSH_COMMAND in the runner's environment would otherwise take precedence.
    env.GIT_SSH_COMMAND = ssh.map(shellQuote).join(' ');
    env.GIT_SSH_VARIANT = 'ssh';
    return { url: repository, env, secrets, kind: 'ssh' };
  }

  if (repository.startsWith('file://')) return { url: repository, env, secrets, kind: 'file' };

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository)) {
    throw new InputError(input, repository, 'an https://, http://, ssh://, file:// URL, git@host:path or a local path');
  }
  const path = isAbsolute(repository) ? repository : resolve(workspace, repository);
  if (!existsSync(path)) throw new InputError(input, repository, 'an existing local repository path or a URL', `${path} does not exist`);
  return { url: path, env, secrets, kind: 'local' };
}

/** One word for `sh -c`: single quotes, with embedded single quotes closed, escaped and reopened. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A path as ssh reads it in options: `%` is its token character; quotes and control characters cannot be passed. */
function sshPath(path: string): string {
  if (/["\\]/.test(path) || [...path].some((char) => char.charCodeAt(0) < 0x20)) {
    throw new AegisError(
      `The temporary directory ${JSON.stringify(path)} holds characters ssh cannot take in a path; set RUNNER_TEMP/TMPDIR to a plain path.`,
    );
  }
  return path.replace(/%/g, '%%');
}

/**
 * A remote URL without the credentials a checkout may carry in it (GitLab runners write
 * `https://gitlab-ci-token:<job token>@host/…` into the origin); the removed password is returned
 * so it can be registered as a secret.
 */
export function withoutCredentials(url: string): { url: string; password?: string } {
  if (!/^https?:\/\//.test(url)) return { url };
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url };
  const password = decodeURIComponent(parsed.password) || undefined;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), ...(password ? { password } : {}) };
}

/** The host and the project path (`owner/repo`, `group/sub/project`) of a forge URL; undefined for local paths. */
export function forgeLocation(repository: string): { host: string; path: string } | undefined {
  let host: string | undefined;
  let path: string | undefined;
  if (/^(https?|ssh):\/\//.test(repository)) {
    const url = new URL(repository);
    host = url.hostname;
    path = url.pathname;
  } else if (SCP_LIKE.test(repository)) {
    const colon = repository.indexOf(':');
    host = repository.slice(repository.indexOf('@') + 1, colon);
    path = repository.slice(colon + 1);
  }
  path = path
    ?.replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  return host && path ? { host, path } : undefined;
}

/** `owner/repo` or `group/sub/project` from a forge URL; undefined for local paths. */
export function forgeProjectPath(repository: string): string | undefined {
  return forgeLocation(repository)?.path;
}
