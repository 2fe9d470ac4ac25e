/**
 * The tests run the source: a stage broken in src/ must fail the tests that go through the
 * CLI, the actions and the components (they all start from test/helpers/source-dist.ts).
 * Proved on a temporary copy of src/ with gitops-bump's parse made to throw.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/git.js';

const MARK = 'deliberately broken source (source-under-test.test.ts)';
const copy = tempDir('aegis-broken-src-');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function brokenCopy(): string {
  cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
  const stage = join(copy, 'src', 'stages', 'gitops-bump.ts');
  const text = readFileSync(stage, 'utf8');
  const start = 'export function parse(reader: InputReader, platform: Platform): GitopsBumpOptions {\n';
  expect(text).toContain(start);
  writeFileSync(stage, text.replace(start, `${start}  throw new Error(${JSON.stringify(MARK)});\n`));
  return join(copy, 'src');
}

async function gitopsBump(src?: string) {
  const previous = process.env.AEGIS_TEST_SRC;
  if (src) process.env.AEGIS_TEST_SRC = src;
  try {
    return await runCli(['gitops-bump', '--repository', join(copy, 'no-such-repository'), '--images', 'api:1']);
  } finally {
    if (previous === undefined) delete process.env.AEGIS_TEST_SRC;
    else process.env.AEGIS_TEST_SRC = previous;
  }
}

describe('tests run src/, not the committed dist/', () => {
  test('a stage broken in the source fails through the CLI; the intact source does not hit the break', async () => {
    const broken = await gitopsBump(brokenCopy());
    expect(broken.exitCode).not.toBe(0);
    expect(broken.stderr).toContain(MARK);

    const intact = await gitopsBump();
    expect(intact.stderr).not.toContain(MARK);
    expect(intact.stderr).toMatch(/Input '[a-z-]+' has an invalid value/);
  });
});
