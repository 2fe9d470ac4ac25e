// Node 20 is still the default on many runners and laptops. Every entry point — the action and
// CLI shims in dist/, the scripts, the npm scripts — must say "needs Node 24" and stop, not die
// with a SyntaxError about an export Node 20 lacks. Run with the machine's own older Node.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/core/process.js';
import { ROOT } from '../helpers/cli.js';
import { requireTool } from '../helpers/git.js';

/** A Node older than 24 on this machine (Debian's /usr/bin/node is 20; GitHub's image has one in /usr/local/bin). */
function findOldNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    if (!existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (Number(/^v(\d+)\./.exec(version)?.[1]) < 24) return candidate;
    } catch {
      // not runnable: try the next one
    }
  }
  return undefined;
}

const oldNode = findOldNode();
const present = requireTool('a Node.js older than 24 (Debian nodejs)', () => oldNode !== undefined);
const MESSAGE = /aegis-actions needs Node\.js 24 or newer; this is Node\.js 2\d\.[\d.]+ .*\nInstall Node 24/;

/** Runs with only the old Node on PATH, as on a machine that has nothing newer. */
function withOldNode(command: string, args: string[]) {
  const bin = dirname(oldNode as string);
  return run(command, args, { cwd: ROOT, allowFailure: true, env: { PATH: `${bin}:/usr/bin:/bin`, npm_config_update_notifier: 'false' } });
}

const shims = [...readdirSync(join(ROOT, 'src/entry')).map((file) => file.replace(/\.ts$/, '')), 'cli'].filter(
  (name, index, all) => all.indexOf(name) === index,
);
const scripts = readdirSync(join(ROOT, 'scripts')).filter((file) => file.endsWith('.mjs') && file !== 'require-node.mjs');

describe.skipIf(!present)(`on ${oldNode ?? 'an old Node (none found)'}`, () => {
  test.each(shims)('dist/%s/index.js stops with the Node 24 message', async (name) => {
    const result = await withOldNode(oldNode as string, [join(ROOT, 'dist', name, 'index.js'), ...(name === 'cli' ? ['--help'] : [])]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(MESSAGE);
    expect(result.stderr).not.toMatch(/SyntaxError|does not provide an export/);
  });

  test.each(shims.filter((name) => name !== 'cli'))('src/entry/%s.ts (through tsx) stops with the Node 24 message', async (name) => {
    const result = await withOldNode(oldNode as string, ['--import', 'tsx', join(ROOT, 'src/entry', `${name}.ts`)]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(MESSAGE);
    expect(result.stderr).not.toMatch(/SyntaxError|does not provide an export/);
  });

  test.each(scripts)('scripts/%s stops with the Node 24 message', async (script) => {
    const result = await withOldNode(oldNode as string, [join(ROOT, 'scripts', script), '--check']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(MESSAGE);
  });

  test.each(['ci', 'test', 'build', 'metadata', 'check-metadata', 'demo'])(
    'npm run %s stops first, with the Node 24 message',
    async (script) => {
      const npm = join(dirname(oldNode as string), 'npm');
      if (!existsSync(npm)) return;
      const result = await withOldNode(npm, ['run', '--silent', script]);
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toMatch(MESSAGE);
      expect(result.stderr).not.toMatch(/SyntaxError|does not provide an export/);
    },
  );
});

test('the check itself parses on old Node: no imports, and dist/ ships it', async () => {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(join(ROOT, 'scripts/require-node.mjs'), 'utf8');
  expect(source).not.toMatch(/^\s*import\s/m);
  // Every shim imports the check before it loads the bundle (a dynamic import, after the check ran).
  for (const name of shims) {
    const shim = readFileSync(join(ROOT, 'dist', name, 'index.js'), 'utf8');
    expect(shim.indexOf("import '../require-node.js';")).toBeGreaterThan(-1);
    expect(shim).toMatch(/await import\('\.\.\/aegis\/index\.js'\)/);
    expect(shim).not.toMatch(/^import .* from '\.\.\/aegis\/index\.js'/m);
  }
});
