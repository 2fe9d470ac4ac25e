import { describe, expect, test, vi } from 'vitest';
import { formatSeconds, parseDuration } from '../../src/core/duration.js';
import { type Fetch, HttpUnreachableError, httpFetch } from '../../src/core/http.js';

const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

/** A fake fetch answering in turn: an Error is thrown, a number is a response with that status. */
function scripted(...answers: (number | Error)[]): Fetch & { calls: number } {
  const fake = (async () => {
    const answer = answers[Math.min(fake.calls++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return new Response('body', { status: answer });
  }) as unknown as Fetch & { calls: number };
  fake.calls = 0;
  return fake;
}

const noSleep = async () => {};

describe('httpFetch', () => {
  test('a connection error is a typed error naming the origin only (no path, query or headers)', async () => {
    const fetch = scripted(refused());
    const error = await httpFetch('https://user:pw@api.example.com:8443/v1/x?token=s3cret', {}, { timeoutMs: 1000, fetch }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpUnreachableError);
    expect(error.message).toBe('https://api.example.com:8443 unreachable: ECONNREFUSED');
    expect(error.message).not.toContain('s3cret');
  });

  test('no retries unless the caller opts in', async () => {
    const fetch = scripted(refused(), 200);
    await expect(httpFetch('http://127.0.0.1:9/', {}, { timeoutMs: 1000, fetch })).rejects.toThrow(HttpUnreachableError);
    expect(fetch.calls).toBe(1);
    const server = scripted(503, 200);
    expect((await httpFetch('http://127.0.0.1:9/', {}, { timeoutMs: 1000, fetch: server })).status).toBe(503);
  });

  test.each([
    ['connection errors', [refused(), refused(), 200], 200, 3],
    ['5xx answers', [502, 503, 200], 200, 3],
    ['gives up after the attempts, returning the last answer', [503, 503, 503, 200], 503, 3],
    ['4xx is an answer, not retried', [404, 200], 404, 1],
  ] as const)('opted-in retries: %s', async (_name, answers, status, calls) => {
    const fetch = scripted(...answers);
    const delays: number[] = [];
    const response = await httpFetch(
      'http://127.0.0.1:9/',
      {},
      { timeoutMs: 1000, fetch, retry: { attempts: 3, baseMs: 100 }, sleep: async (ms) => void delays.push(ms), random: () => 1 },
    );
    expect(response.status).toBe(status);
    expect(fetch.calls).toBe(calls);
    expect(delays).toEqual([100, 200].slice(0, calls - 1));
  });

  test('5xx retries can be turned off for a request that is not idempotent', async () => {
    const fetch = scripted(503, 200);
    const options = { timeoutMs: 1000, fetch, retry: { attempts: 3, onServerError: false }, sleep: noSleep };
    expect((await httpFetch('http://127.0.0.1:9/', { method: 'POST' }, options)).status).toBe(503);
  });

  test("the caller's own abort is rethrown as it is, never retried", async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = (async (_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted();
      return new Response('');
    }) as unknown as Fetch;
    const error = await httpFetch(
      'http://127.0.0.1:9/',
      {},
      { timeoutMs: 1000, signal: controller.signal, fetch, retry: { attempts: 3 } },
    ).catch((e) => e);
    expect(error).not.toBeInstanceOf(HttpUnreachableError);
    expect(error.name).toBe('AbortError');
  });

  test('a timeout says how long it waited', async () => {
    const hang = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as unknown as Fetch;
    await expect(httpFetch('http://127.0.0.1:9/', {}, { timeoutMs: 20, fetch: hang })).rejects.toThrow(
      'http://127.0.0.1:9 unreachable: no answer within 20 ms',
    );
  });
});

test('once the stage is stopping no request is sent, not even a retry of one under way', async () => {
  // Fresh modules: stopping is for good, and must not leak into the other tests.
  vi.resetModules();
  const http = await import('../../src/core/http.js');
  const { beginStopping } = await import('../../src/core/stopping.js');
  const fetch = scripted(503, 200);
  const retrying = http.httpFetch(
    'https://argocd.example.com/api/v1/applications/api/rollback',
    { method: 'POST' },
    { timeoutMs: 1000, fetch, retry: { attempts: 3 }, sleep: async () => beginStopping('SIGINT') },
  );
  await expect(retrying).rejects.toThrow('https://argocd.example.com: not started: the stage is stopping on SIGINT');
  expect(fetch.calls).toBe(1);
  await expect(http.httpFetch('https://hooks.example.com/x', {}, { timeoutMs: 1000, fetch })).rejects.toThrow(/stopping on SIGINT/);
  expect(fetch.calls).toBe(1);
  vi.resetModules();
});

describe('durations', () => {
  test.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    [' 10s ', 10_000],
    ['10', undefined],
    ['10 s', undefined],
    ['-1s', undefined],
    ['1d', undefined],
    ['', undefined],
  ])('parseDuration(%j) = %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test('integer-only durations (handed to tools that take whole units)', () => {
    expect(parseDuration('10m', { integer: true })).toBe(600_000);
    expect(parseDuration('1.5m', { integer: true })).toBeUndefined();
  });

  test('formatSeconds', () => {
    expect(formatSeconds(12_345)).toBe('12.3 s');
    expect(formatSeconds(500, '')).toBe('0.5s');
  });
});
