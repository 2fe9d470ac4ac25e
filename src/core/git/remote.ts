import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.js';

export interface RemoteCredentials {
  /** HTTPS token (GitHub token, GitLab access token). Sent as a Basic auth header via environment-only git config. */
  token?: string;
  /** User name paired with the token: GitHub accepts `x-access-token`, GitLab `oauth2`. */
  username?: string;
  /** Path to an SSH private key file for ssh remotes. */
  sshKeyFile?: string;
  /** Path to a known_hosts file; without it the first connection is accepted and recorded. */
  knownHostsFile?: string;
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
      Object.assign(env, {
        GIT_CONFIG_COUNT: '2',
        GIT_CONFIG_KEY_0: key,
        GIT_CONFIG_VALUE_0: '',
        GIT_CONFIG_KEY_1: key,
        GIT_CONFIG_VALUE_1: header,
      });
    }
    return { url: url.toString(), env, secrets, kind: url.protocol === 'https:' ? 'https' : 'http' };
  }

  if (repository.startsWith('ssh://') || SCP_LIKE.test(repository)) {
    const ssh = ['ssh', '-o', 'BatchMode=yes'];
    if (credentials.sshKeyFile) ssh.push('-i', credentials.sshKeyFile, '-o', 'IdentitiesOnly=yes');
    if (credentials.knownHostsFile) ssh.push('-o', `UserKnownHostsFile=${credentials.knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes');
    else ssh.push('-o', 'StrictHostKeyChecking=accept-new');
    // GIT_SSH_COMMAND is split by git with shell-like rules; paths we pass are our own temp files.
    env.GIT_SSH_COMMAND = ssh.join(' ');
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
