/**
 * SSH remotes: the command git runs through `sh -c` keeps every path one literal word, unknown
 * hosts are refused unless trust on first use is asked for, and the pinned host keys are the
 * ones GitHub and GitLab publish (fingerprints vendored in test/fixtures/security, see SOURCE.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { knownHostsContent, PUBLISHED_KNOWN_HOSTS } from '../../src/core/git/known-hosts.js';
import { describeRemote, shellQuote } from '../../src/core/git/remote.js';
import { tempDir } from '../helpers/git.js';

const published = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/security/published-host-key-fingerprints.json'), 'utf8'),
) as Record<string, string[]>;

describe('the ssh command git runs', () => {
  test('a temp path with spaces and $(…) stays one word and runs nothing', () => {
    const root = tempDir();
    const dir = join(root, 'runner temp $(touch pwned)');
    mkdirSync(dir);
    const key = join(dir, 'key');
    const remote = describeRemote('git@github.com:org/gitops.git', { sshKeyFile: key, knownHostsFile: join(dir, 'known_hosts') }, root);
    // What git does with GIT_SSH_COMMAND: sh -c '<command> "$@"' with the host and command appended.
    const argv = execFileSync(
      'sh',
      ['-c', `${remote.env.GIT_SSH_COMMAND?.replace(/^ssh /, 'printf "%s\\n" ')} "$@"`, 'ssh', 'git@github.com'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    ).split('\n');
    expect(argv).toContain(key);
    expect(argv).toContain(`UserKnownHostsFile="${join(dir, 'known_hosts')}"`);
    expect(() => readFileSync(join(root, 'pwned'))).toThrow();
  });

  test('unknown hosts are refused by default; accept-new only when asked for', () => {
    const strict = describeRemote('git@example.com:o/r.git', { knownHostsFile: '/tmp/kh' }, '/tmp');
    expect(strict.env.GIT_SSH_COMMAND).toContain('StrictHostKeyChecking=yes');
    expect(strict.env.GIT_SSH_COMMAND).not.toContain('accept-new');
    const tofu = describeRemote('git@example.com:o/r.git', { knownHostsFile: '/tmp/kh', acceptNewHostKeys: true }, '/tmp');
    expect(tofu.env.GIT_SSH_COMMAND).toContain('StrictHostKeyChecking=accept-new');
  });

  test('a stalled server is given up on: keepalives and a connect timeout', () => {
    const remote = describeRemote('git@example.com:o/r.git', { serverAliveSeconds: 5 }, '/tmp');
    expect(remote.env.GIT_SSH_COMMAND).toContain('ServerAliveInterval=5');
    expect(remote.env.GIT_SSH_COMMAND).toContain('ServerAliveCountMax=4');
    expect(remote.env.GIT_SSH_COMMAND).toContain('ConnectTimeout=10');
  });

  test("a path ssh cannot take is refused with a message, '%' is escaped", () => {
    expect(() => describeRemote('git@example.com:o/r.git', { sshKeyFile: '/tmp/a"b/key' }, '/tmp')).toThrow(/RUNNER_TEMP/);
    expect(describeRemote('git@example.com:o/r.git', { sshKeyFile: '/tmp/100%/key' }, '/tmp').env.GIT_SSH_COMMAND).toContain(
      '/tmp/100%%/key',
    );
  });

  test.each([["it's"], ['$(x)'], ['a b'], ['plain-word']])('shellQuote(%j) is read back by sh as itself', (word) => {
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })).toBe(word);
  });
});

describe('pinned host keys', () => {
  test('every shipped line has a fingerprint GitHub or GitLab publishes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'known_hosts'), `${PUBLISHED_KNOWN_HOSTS.join('\n')}\n`);
    const lines = execFileSync('ssh-keygen', ['-l', '-f', join(dir, 'known_hosts')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const fingerprints = lines.map((line) => {
      const [, fingerprint, host] = line.split(' ');
      return [host, fingerprint] as const;
    });
    expect(fingerprints).toHaveLength(6);
    for (const [host, fingerprint] of fingerprints) expect(published[host as string]).toContain(fingerprint);
    expect(new Set(fingerprints.map(([host]) => host))).toEqual(new Set(['github.com', 'gitlab.com']));
  });

  test("the user's lines come first, the published ones are always there", () => {
    const content = knownHostsContent('[127.0.0.1]:2222 ssh-ed25519 AAAA\r\n\n');
    expect(content.split('\n')[0]).toBe('[127.0.0.1]:2222 ssh-ed25519 AAAA');
    expect(content).toContain(PUBLISHED_KNOWN_HOSTS[0]);
  });
});
