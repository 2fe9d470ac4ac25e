// `insecure: true` (Argo's option for web and Prometheus metrics) against a real HTTPS server
// on 127.0.0.1 with a self-signed certificate (test/fixtures/health-gate/tls).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseChecks } from '../../src/core/health/checks.js';
import { DEFAULT_LIMITS } from '../../src/core/health/evaluator.js';
import { measure } from '../../src/core/health/providers.js';

const TLS = 'test/fixtures/health-gate/tls';

describe('insecure: true skips TLS verification; without it a self-signed server is an Error', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer({ key: readFileSync(`${TLS}/key.pem`), cert: readFileSync(`${TLS}/cert.pem`) }, (request, response) => {
      response.setHeader('Content-Type', 'application/json');
      if (request.url?.startsWith('/api/v1/query')) {
        response.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [0, '0.01'] }] } }));
      } else {
        response.end(JSON.stringify({ data: { ok: true } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const run = async (yaml: string) => {
    const [check] = parseChecks(yaml, { intervalMs: 1000, initialDelayMs: 0, limits: { ...DEFAULT_LIMITS, count: 1 } });
    return measure((check as NonNullable<typeof check>).provider, { signal: new AbortController().signal });
  };

  test.each([
    [
      'http',
      (insecure: boolean) =>
        `- name: web\n  http: {url: "${url}/health", json-path: "{$.data.ok}", success-condition: result == true, insecure: ${insecure}}`,
    ],
    [
      'prometheus',
      (insecure: boolean) =>
        `- name: prom\n  prometheus: {address: "${url}", query: up, success-condition: "result[0] < 0.05", insecure: ${insecure}}`,
    ],
  ])('%s', async (_type, yaml) => {
    expect(await run(yaml(true))).toMatchObject({ phase: 'Successful' });
    const refused = await run(yaml(false));
    expect(refused.phase).toBe('Error');
    expect(refused.message).toMatch(/unreachable: .*(SELF_SIGNED|self-signed|certificate)/i);
  });
});
