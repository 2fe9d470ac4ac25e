import { describe, expect, test } from 'vitest';
import { computeDora, failureRateBand, frequencyBand, leadTimeBand, median, restoreBand, weekStart } from '../../src/core/insight/dora.js';
import { escapeLabelValue, insightFamilies, renderFamilies } from '../../src/core/insight/exposition.js';
import { buildHistory, type HistoryCommit, parseHistory } from '../../src/core/insight/history.js';
import { computeStatus, type OverlayState, referenceParts, sameImage } from '../../src/core/insight/status.js';
import { markdownLink, markdownText, mermaidText, statusTable } from '../../src/core/insight/summary.js';

const H = 3600;
const D = 86_400;
const T0 = Date.parse('2026-11-02T00:00:00Z') / 1000; // a Monday

/** What `git log --format=HISTORY_FORMAT` prints, newest first. */
function logOutput(commits: Array<{ sha: string; time: number; subject: string; trailers: string[] }>): string {
  return [...commits]
    .reverse()
    .map((c) => `\x1e${c.sha}\x1f${c.time}\x1f${c.subject}\x1f${c.trailers.join('\n')}\n`)
    .join('\n');
}

const sha = (n: number) => n.toString(16).padStart(40, '0');
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000', '');

const timeline = [
  { sha: sha(1), time: T0, subject: 'seed', trailers: [] },
  {
    sha: sha(2),
    time: T0 + 1 * H,
    subject: 'bump api 1.0',
    trailers: [
      'Aegis-Image: reg/api=reg/api:1.0',
      'Aegis-Environment: dev',
      `Aegis-Source-Time: ${iso(T0 + 0.5 * H)}`,
      'Aegis-Stage: gitops-bump',
    ],
  },
  {
    sha: sha(3),
    time: T0 + 3 * H,
    subject: 'promote',
    trailers: ['Aegis-Image: reg/api=reg/api:1.0', 'Aegis-Environment: prod', `Aegis-Promoted-From: dev@${sha(2)}`, 'Aegis-Stage: promote'],
  },
  {
    sha: sha(4),
    time: T0 + D,
    subject: 'bump api 1.1',
    trailers: [
      'Aegis-Image: reg/api=reg/api:1.1',
      'Aegis-Previous-Image: reg/api=reg/api:1.0',
      'Aegis-Environment: dev',
      `Aegis-Source-Time: ${iso(T0 + D - 2 * H)}`,
    ],
  },
  {
    sha: sha(5),
    time: T0 + D + 30 * 60,
    subject: 'Revert',
    trailers: [
      `Aegis-Reverts: ${sha(4)}`,
      'Aegis-Image: reg/api=reg/api:1.0',
      'Aegis-Previous-Image: reg/api=reg/api:1.1',
      'Aegis-Environment: dev',
      'Aegis-Stage: health-gate',
    ],
  },
  {
    sha: sha(6),
    time: T0 + 2 * D,
    subject: 'old bump without source time',
    trailers: ['Aegis-Image: reg/api=reg/api:1.2', 'Aegis-Environment: dev'],
  },
  {
    sha: sha(7),
    time: T0 + 2 * D + 20 * 60,
    subject: 'quick fix',
    trailers: ['Aegis-Image: reg/api=reg/api:1.3', 'Aegis-Environment: dev', `Aegis-Source-Time: ${iso(T0 + 2 * D)}`],
  },
  { sha: sha(8), time: T0 + 3 * D, subject: 'no environment', trailers: ['Aegis-Image: reg/web=reg/web:9'] },
];

describe('history parsing', () => {
  const commits = parseHistory(logOutput(timeline));
  test('one record per commit, newest first, trailers split', () => {
    expect(commits.map((c) => c.sha)).toEqual(timeline.map((c) => c.sha).reverse());
    expect((commits.at(-2) as HistoryCommit).trailers[0]).toEqual({ key: 'Aegis-Image', value: 'reg/api=reg/api:1.0' });
  });
  const history = buildHistory(commits);
  test('events oldest first; reverts listed; commits without environment counted as unattributed', () => {
    expect(history.events.map((e) => e.commit)).toEqual([sha(2), sha(3), sha(4), sha(5), sha(6), sha(7)]);
    expect(history.reverts).toEqual([{ commit: sha(5), time: T0 + D + 1800, reverted: sha(4), environment: 'dev' }]);
    expect(history.unattributed).toBe(1);
    expect(history.events[1]?.promotedFrom).toEqual({ environment: 'dev', commit: sha(2) });
    expect(history.events[0]?.service).toBe('api');
  });

  test('DORA figures equal the hand-computed ones', () => {
    const dora = computeDora(history, { now: T0 + 7 * D, windowSeconds: 7 * D, fixWithinSeconds: H });
    const dev = dora.environments.dev;
    // dev forward deployments: sha2, sha4, sha6, sha7 (the revert sha5 is a restoration).
    expect(dev?.deployments).toBe(4);
    expect(dev?.deploymentFrequency.perDay).toBeCloseTo(4 / 7);
    // lead times: sha2 0.5h, sha4 2h, sha7 20min; sha6 has none.
    expect(dev?.leadTime).toMatchObject({ known: 3, unknown: 1, medianSeconds: 0.5 * H, band: 'elite' });
    // failed: sha4 (reverted after 30 min), sha6 (fixed forward by sha7 after 20 min).
    expect(dev?.changeFailure).toMatchObject({ failed: 2, reverted: 1, fixed: 1, rate: 0.5, band: 'low' });
    expect(dev?.timeToRestore).toMatchObject({ medianSeconds: 25 * 60, restored: 2, band: 'elite' });
    // prod: the promotion inherits the source time of sha2 (T0+0.5h), deployed at T0+3h.
    expect(dora.environments.prod?.leadTime.medianSeconds).toBe(2.5 * H);
    expect(dora.environments.prod?.changeFailure.rate).toBe(0);
    expect(dora.weekly[0]).toEqual({ week: T0, counts: { dev: 4, prod: 1 } });
    const noFix = computeDora(history, { now: T0 + 7 * D, windowSeconds: 7 * D, fixWithinSeconds: 0 });
    expect(noFix.environments.dev?.changeFailure.rate).toBe(0.25);
  });

  test('status: in sync, promoted, hand edit as drift, behind the previous environment', () => {
    const overlays = new Map<string, OverlayState>([
      ['dev', new Map([['reg/api', [{ file: 'overlays/dev/kustomization.yaml', reference: 'reg/api:1.3' }]]])],
      ['prod', new Map([['reg/api', [{ file: 'overlays/prod/kustomization.yaml', reference: 'reg/api:1.0@sha256:' + 'a'.repeat(64) }]]])],
    ]);
    const status = computeStatus(history, ['dev', 'prod'], overlays, new Map([['dev', { commit: sha(7), time: T0 + 2 * D + 1200 }]]));
    expect(status[0]).toMatchObject({
      environment: 'dev',
      service: 'api',
      tag: '1.3',
      since: T0 + 2 * D + 1200,
      commit: sha(7),
      drift: null,
    });
    // prod runs 1.0 (digest pinned); dev ran 1.0 last at sha5 (the revert) and had 2 deployments since.
    expect(status[1]).toMatchObject({
      environment: 'prod',
      commit: sha(3),
      promotedFrom: { environment: 'dev', commit: sha(2) },
      drift: null,
    });
    expect(status[1]?.behind?.deployments).toBe(2);
    // sha5 (ordinal 4) → sha7 (ordinal 6), the newest dev deployment.
    expect(status[1]?.behind?.commits).toBe(2);
    expect(status[1]?.behind?.days).toBeCloseTo((T0 + 2 * D + 1200 - (T0 + D + 1800)) / D);
    const edited = new Map(overlays);
    edited.set('dev', new Map([['reg/api', [{ file: 'overlays/dev/kustomization.yaml', reference: 'reg/api:hotfix' }]]]));
    const withWeb = new Map(overlays);
    withWeb.set(
      'dev',
      new Map([...(overlays.get('dev') ?? []), ['reg/web', [{ file: 'overlays/dev/kustomization.yaml', reference: 'reg/web:1' }]]]),
    );
    const untracked = computeStatus(history, ['dev', 'prod'], withWeb, new Map()).find((entry) => entry.service === 'web');
    expect(untracked).toMatchObject({ untracked: true, drift: null });
    const drifted = computeStatus(history, ['dev', 'prod'], edited, new Map([['dev', { commit: sha(9), time: T0 + 4 * D }]]));
    expect(drifted[0]).toMatchObject({ drift: { kind: 'hand-edit', recorded: 'reg/api:1.3' }, commit: sha(9), since: T0 + 4 * D });
    // behind counts recorded deployments; days run to when dev's current (hand-edited) value appeared.
    expect(drifted[1]?.behind).toEqual({ environment: 'dev', deployments: 2, commits: 2, days: (3 * D - 1800) / D });
  });
});

describe('pieces', () => {
  test('references', () => {
    expect(referenceParts('localhost:5000/a/api:1.2@sha256:ab')).toEqual({ name: 'localhost:5000/a/api', tag: '1.2', digest: 'sha256:ab' });
    expect(referenceParts('localhost:5000/api')).toEqual({ name: 'localhost:5000/api' });
    expect(sameImage('r/api:1.2', 'r/api:1.2@sha256:ab')).toBe(true);
    expect(sameImage('r/api:1.2@sha256:cd', 'r/api:1.2@sha256:ab')).toBe(false);
  });
  test('bands at the 2023 thresholds', () => {
    expect([frequencyBand(1), frequencyBand(0.99), frequencyBand(1 / 7), frequencyBand(1 / 30), frequencyBand(0.01)]).toEqual([
      'elite',
      'high',
      'high',
      'medium',
      'low',
    ]);
    expect([leadTimeBand(D - 1), leadTimeBand(D), leadTimeBand(7 * D), leadTimeBand(30 * D)]).toEqual(['elite', 'high', 'medium', 'low']);
    expect([failureRateBand(0.05), failureRateBand(0.1), failureRateBand(0.15), failureRateBand(0.16)]).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ]);
    expect([restoreBand(H - 1), restoreBand(H), restoreBand(D), restoreBand(7 * D)]).toEqual(['elite', 'high', 'medium', 'low']);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(weekStart(T0 + 6 * D + 1)).toBe(T0);
  });
  test('escaping of repository text', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    // The one escaping layer (src/core/markdown.ts): HTML and link brackets inert; emphasis cannot leave its line.
    expect(markdownText('<img src=x>*[a](b)')).toBe('&lt;img src=x&gt;*\\[a\\](b)');
    expect(mermaidText('a"b<c>')).toBe('a#quot;b#lt;c#gt;');
    const table = statusTable([{ environment: 'dev', service: 'a|b', image: 'a|b', reference: 'x', drift: null, behind: null }]);
    expect(table).toContain('a\\|b');
    expect(markdownLink('run', 'https://ci.example.com/r/1)[x](javascript:1')).toBe(
      '[run](https://ci.example.com/r/1%29%5Bx%5D%28javascript:1)',
    );
    expect(markdownLink('run', 'javascript:alert(1)')).toBe('');
  });
  test('exposition: counter _total, OpenMetrics TYPE on the family, # EOF', () => {
    const history = buildHistory(parseHistory(logOutput(timeline)));
    const dora = computeDora(history, { now: T0 + 7 * D, windowSeconds: 7 * D, fixWithinSeconds: H });
    const families = insightFamilies(history, [], dora);
    const om = renderFamilies(families, 'openmetrics');
    expect(om).toContain('# TYPE aegis_deployments counter\n');
    expect(om).toContain('aegis_deployments_total{environment="dev",service="api"} 4\n');
    expect(om.endsWith('# EOF\n')).toBe(true);
    const text = renderFamilies(families, 'prometheus');
    expect(text).toContain('# TYPE aegis_deployments_total counter\n');
    expect(text).not.toContain('# EOF');
  });
});
