import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { parseArgs } from '../../src/cli.js';
import { InputError } from '../../src/core/errors.js';
import { describeRemote, forgeProjectPath, withoutCredentials } from '../../src/core/git/remote.js';
import { LocalPlatform } from '../../src/platform/local.js';
import { InputReader } from '../../src/stages/inputs.js';
import { tempDir } from '../helpers/git.js';

describe('describeRemote', () => {
  test('an https token travels only in environment git config, scoped to the origin', () => {
    const remote = describeRemote('https://git.example.com/org/gitops.git', { token: 'tok-123456', username: 'oauth2' }, '/tmp');
    expect(remote.url).toBe('https://git.example.com/org/gitops.git');
    expect(remote.url).not.toContain('tok-123456');
    // An empty value first resets any header already configured (actions/checkout's token), then ours.
    expect(remote.env.GIT_CONFIG_COUNT).toBe('4'); // + http.lowSpeedLimit/Time
    expect(remote.env.GIT_CONFIG_KEY_0).toBe('http.https://git.example.com/.extraheader');
    expect(remote.env.GIT_CONFIG_VALUE_0).toBe('');
    expect(remote.env.GIT_CONFIG_KEY_1).toBe('http.https://git.example.com/.extraheader');
    expect(remote.env.GIT_CONFIG_VALUE_1).toBe(`Authorization: Basic ${Buffer.from('oauth2:tok-123456').toString('base64')}`);
    expect(remote.secrets).toContain('tok-123456');
    expect(remote.secrets).toContain(remote.env.GIT_CONFIG_VALUE_1);
  });
  test('a token is never sent over plain http, except to this machine', () => {
    expect(() => describeRemote('http://git.example.com/r.git', { token: 'tok-123456' }, '/tmp')).toThrow(/plain http/);
    expect(describeRemote('http://127.0.0.1:8080/r.git', { token: 'tok-123456' }, '/tmp').kind).toBe('http');
    expect(describeRemote('http://git.example.com/r.git', {}, '/tmp').kind).toBe('http');
  });

  test('credentials inside the URL are refused without echoing them', () => {
    expect(() => describeRemote('https://user:hunter22@git.example.com/r.git', {}, '/tmp')).toThrow(InputError);
    try {
      describeRemote('https://user:hunter22@git.example.com/r.git', {}, '/tmp');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('hunter22');
    }
  });
  test.each([
    ['git@github.com:org/gitops.git', 'ssh'],
    ['ssh://git@gitlab.example.com:2222/group/gitops.git', 'ssh'],
    ['file:///srv/gitops.git', 'file'],
  ])('%s is %s', (url, kind) => {
    expect(describeRemote(url, {}, '/tmp').kind).toBe(kind);
  });
  test.each([
    ['https://gitlab-ci-token:glcbt-64_secret@gitlab.example.com/g/p.git', 'https://gitlab.example.com/g/p.git', 'glcbt-64_secret'],
    ['https://gitlab.example.com/g/p.git', 'https://gitlab.example.com/g/p.git', undefined],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git', undefined],
  ])('withoutCredentials(%s)', (url, expected, password) => {
    expect(withoutCredentials(url)).toEqual({ url: expected, ...(password ? { password } : {}) });
  });

  test('ssh keys are given to ssh by file, never inline', () => {
    const remote = describeRemote('git@github.com:org/gitops.git', { sshKeyFile: '/tmp/k', knownHostsFile: '/tmp/kh' }, '/tmp');
    expect(remote.env.GIT_SSH_COMMAND).toContain(`-i /tmp/k -o IdentitiesOnly=yes -o 'UserKnownHostsFile="/tmp/kh"'`);
    expect(remote.env.GIT_SSH_COMMAND).toContain('StrictHostKeyChecking=yes');
  });
  test.each([['ftp://example.com/x.git'], ['/definitely/not/here'], ['']])('refuses %j', (url) => {
    expect(() => describeRemote(url, {}, '/tmp')).toThrow(/Input 'repository'/);
  });
  test.each([
    ['https://github.com/org/gitops.git', 'org/gitops'],
    ['https://gitlab.example.com/group/sub/gitops', 'group/sub/gitops'],
    ['git@github.com:org/gitops.git', 'org/gitops'],
    ['/srv/gitops.git', undefined],
  ])('forgeProjectPath(%s)', (url, expected) => {
    expect(forgeProjectPath(url)).toBe(expected);
  });
});

describe('InputReader', () => {
  const reader = (inputs: Record<string, string>) =>
    new InputReader(new LocalPlatform('t', Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))), {
      flag: { description: '', default: 'false' },
      count: { description: '', default: '3' },
      mode: { description: '', default: 'push' },
      wait: { description: '', default: '10s' },
      items: { description: '' },
      token: { description: '', secret: true },
    });
  test.each([
    ['flag', 'maybe', "Input 'flag' has an invalid value \"maybe\": expected 'true' or 'false'."],
    ['count', '2.5', 'Input \'count\' has an invalid value "2.5": expected an integer between 1 and 10.'],
    ['mode', 'force', "Input 'mode' has an invalid value \"force\": expected one of 'push', 'pull-request'."],
    ['wait', '10 seconds', "Input 'wait' has an invalid value \"10 seconds\": expected a duration such as '500ms', '30s', '5m' or '1h'."],
  ])('%s=%j is refused with a message naming it', (name, value, message) => {
    const r = reader({ [name]: value });
    const read = () => {
      if (name === 'flag') r.boolean(name);
      if (name === 'count') r.integer(name, { min: 1, max: 10 });
      if (name === 'mode') r.choice(name, ['push', 'pull-request']);
      if (name === 'wait') r.duration(name);
    };
    expect(read).toThrow(message);
  });
  test('defaults, lists and durations', () => {
    const r = reader({ items: 'a, b\n# comment\nc', wait: '1.5m' });
    expect(r.boolean('flag')).toBe(false);
    expect(r.integer('count')).toBe(3);
    expect(r.list('items')).toEqual(['a', 'b', 'c']);
    expect(r.duration('wait')).toBe(90_000);
  });
});

describe('CLI arguments', () => {
  test.each([
    [['gitops-bump', '--repository', 'r', '--dry-run'], { stage: 'gitops-bump', inputs: { repository: 'r', 'dry-run': 'true' } }],
    [['gitops-bump', '--images=a:1', '--images', 'b:2'], { stage: 'gitops-bump', inputs: { images: 'a:1\nb:2' } }],
    [['gitops-bump', '--output-file', 'o.txt', '--help'], { stage: 'gitops-bump', outputFile: 'o.txt', help: true }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });
});

describe('run()', () => {
  test('a child that outlives its timeout is killed and reported', async () => {
    const { run } = await import('../../src/core/process.js');
    const started = Date.now();
    await expect(run('sleep', ['5'], { timeoutMs: 200 })).rejects.toThrow(/timed out after 0 s/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a timeout ends the grandchildren too (git over ssh), which would otherwise keep the pipes open', async () => {
    const { run } = await import('../../src/core/process.js');
    // sh ends on SIGTERM; its sleep (longer than the test's timeout) holds stdout, so the child
    // is seen to close, and the promise to settle, only once the sleep has ended too.
    await expect(run('sh', ['-c', 'sleep 300 & wait'], { timeoutMs: 200 })).rejects.toThrow(/timed out/);
  });

  test('after stopChildren the running child is ended and no new child starts', async () => {
    // A fresh module: stopping is for good, and must not leak into the other tests.
    vi.resetModules();
    const { run, stopChildren } = await import('../../src/core/process.js');
    const sleeping = run('sh', ['-c', 'sleep 300 & wait']);
    const stopped = stopChildren('SIGTERM');
    await expect(sleeping).rejects.toThrow();
    await stopped;
    // The stage's code keeps running until the handler exits; what it starts now must not run.
    const marker = join(tempDir(), 'written-after-stop');
    await expect(run('touch', [marker])).rejects.toThrow(/not started: the stage is stopping on SIGTERM/);
    expect(existsSync(marker)).toBe(false);
    vi.resetModules();
  });
});
