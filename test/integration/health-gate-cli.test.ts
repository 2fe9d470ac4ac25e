import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/git.js';

describe('aegis health-gate (the CLI, run from the source)', () => {
  let server: TestServer;
  let workspace: string;
  beforeAll(async () => {
    workspace = tempDir('aegis-health-cli-');
    server = await startServer((_request, _body, response) => json(response, 200, { status: 'UP' }));
  });
  afterAll(async () => {
    await server.close();
  });

  test('watches, prints progress, writes outputs, the measurements file and the summary', async () => {
    const summaryFile = join(workspace, 'summary.md');
    const result = await runCli(
      [
        'health-gate',
        '--checks',
        `- name: api\n  http: {url: "${server.url}/healthz", json-path: $.status, success-condition: 'result == "UP"'}`,
        '--interval',
        '200ms',
        '--count',
        '2',
        '--rollback',
        'none',
        '--summary-file',
        summaryFile,
      ],
      { cwd: workspace },
    );
    expect(result.stderr).toMatch(/\[api\] #1 Successful: HTTP 200/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'Successful', 'rolled-back': 'false', 'revert-sha': '' });
    const file = result.outputs.measurements as string;
    // Not in the checkout: a fresh temporary directory (no --output-dir given).
    expect(file).toMatch(new RegExp(`^${tmpdir()}/aegis-health-gate-[^/]+/measurements\\.json$`));
    expect(JSON.parse(readFileSync(file, 'utf8')).measurements).toHaveLength(2);
    expect(readFileSync(summaryFile, 'utf8')).toContain('```mermaid\nxychart-beta');
  });

  test('bad input fails with the input named, before anything is watched or written', async () => {
    const dir = tempDir('aegis-health-cli-bad-');
    const result = await runCli(['health-gate', '--checks', `- name: api\n  http: {url: "${server.url}"}`, '--timeout', 'soon'], {
      cwd: dir,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Input 'timeout' has an invalid value "soon"`);
    expect(readdirSync(dir)).toEqual([]);
  });
});
