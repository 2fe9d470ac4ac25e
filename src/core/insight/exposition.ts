/**
 * The insight figures as metrics, in the two text formats Prometheus reads: OpenMetrics 1.0
 * (`# TYPE <family>`, counters sampled as `<family>_total`, `# UNIT`, `# EOF`) for the
 * `openmetrics-file`, and the Prometheus text format 0.0.4 for the Pushgateway, which parses
 * only that. Names follow the Prometheus naming conventions: `aegis_` prefix, base units in
 * the name (`_seconds`, `_ratio`), `_total` for counters only.
 */
import type { DoraReport, FourKeys } from './dora.js';
import type { History } from './history.js';
import type { PipelineFigures } from './pipelines.js';
import type { StatusEntry } from './status.js';

export type ExpositionFormat = 'openmetrics' | 'prometheus';

interface Family {
  name: string;
  type: 'counter' | 'gauge';
  unit?: string;
  help: string;
  samples: Array<{ labels: Record<string, string>; value: number }>;
}

/** Label values escaped as both formats require: backslash, double quote, line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string, format: ExpositionFormat): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return format === 'openmetrics' ? escaped.replace(/"/g, '\\"') : escaped;
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

export function renderFamilies(families: readonly Family[], format: ExpositionFormat): string {
  const lines: string[] = [];
  for (const family of families) {
    const sampleName = family.type === 'counter' ? `${family.name}_total` : family.name;
    const typeName = format === 'openmetrics' ? family.name : sampleName;
    lines.push(`# TYPE ${typeName} ${family.type}`);
    if (format === 'openmetrics' && family.unit) lines.push(`# UNIT ${typeName} ${family.unit}`);
    lines.push(`# HELP ${typeName} ${escapeHelp(family.help, format)}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels)
        .map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
        .join(',');
      lines.push(`${sampleName}${labels ? `{${labels}}` : ''} ${number(sample.value)}`);
    }
  }
  if (format === 'openmetrics') lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** Every figure per environment × service; per-environment figures are `sum by (environment)` away in PromQL. */
export function insightFamilies(
  history: History,
  status: readonly StatusEntry[],
  dora: DoraReport,
  ci?: { project: string } & PipelineFigures,
): Family[] {
  const total = new Map<string, { environment: string; service: string; count: number }>();
  for (const event of history.events) {
    if (event.reverts) continue;
    const key = `${event.environment}\0${event.service}`;
    const entry = total.get(key) ?? { environment: event.environment, service: event.service, count: 0 };
    entry.count++;
    total.set(key, entry);
  }
  const keyed: Array<{ labels: Record<string, string>; keys: FourKeys }> = [];
  for (const [environment, services] of Object.entries(dora.services)) {
    for (const [service, keys] of Object.entries(services)) keyed.push({ labels: { environment, service }, keys });
  }
  const gauge = (name: string, help: string, pick: (keys: FourKeys) => number | null, unit?: string): Family => ({
    name,
    type: 'gauge',
    ...(unit ? { unit } : {}),
    help,
    samples: keyed.flatMap(({ labels, keys }) => {
      const value = pick(keys);
      return value === null ? [] : [{ labels, value }];
    }),
  });
  const bandValue = { elite: 4, high: 3, medium: 2, low: 1 } as const;
  const ciFamilies: Family[] = ci
    ? [
        {
          name: 'aegis_ci_runs',
          type: 'gauge',
          help: 'CI runs (workflow runs, pipelines) in the window, by result.',
          samples: (
            [
              ['success', ci.succeeded],
              ['failure', ci.failed],
              ['other', ci.runs - ci.succeeded - ci.failed],
            ] as const
          ).map(([result, value]) => ({ labels: { project: ci.project, result }, value })),
        },
        ...(ci.successRate === null
          ? []
          : [
              {
                name: 'aegis_ci_success_ratio',
                type: 'gauge' as const,
                unit: 'ratio',
                help: 'Succeeded / finished CI runs in the window.',
                samples: [{ labels: { project: ci.project }, value: ci.successRate }],
              },
            ]),
        ...(ci.medianDurationSeconds === null
          ? []
          : [
              {
                name: 'aegis_ci_duration_seconds',
                type: 'gauge' as const,
                unit: 'seconds',
                help: 'Median duration of finished CI runs in the window.',
                samples: [{ labels: { project: ci.project }, value: ci.medianDurationSeconds }],
              },
            ]),
      ]
    : [];
  return [
    ...ciFamilies,
    {
      name: 'aegis_deployments',
      type: 'counter',
      help: 'Deployments recorded in the GitOps history (gitops-bump and promote commits; reverts excluded).',
      samples: [...total.values()].map((t) => ({ labels: { environment: t.environment, service: t.service }, value: t.count })),
    },
    {
      name: 'aegis_failed_deployments',
      type: 'counter',
      help: 'Deployments in the window that were reverted by health-gate or fixed forward.',
      samples: keyed.map(({ labels, keys }) => ({ labels, value: keys.changeFailure.failed })),
    },
    gauge('aegis_window_deployments', 'Deployments within the window.', (k) => k.deployments),
    {
      name: 'aegis_window_seconds',
      type: 'gauge',
      unit: 'seconds',
      help: 'Length of the window the DORA figures cover.',
      samples: [{ labels: {}, value: dora.window.seconds }],
    },
    gauge(
      'aegis_lead_time_seconds',
      'Median lead time for changes: source commit to deployment.',
      (k) => k.leadTime.medianSeconds,
      'seconds',
    ),
    gauge(
      'aegis_change_failure_ratio',
      'Change failure rate: failed deployments / deployments in the window.',
      (k) => k.changeFailure.rate,
      'ratio',
    ),
    gauge('aegis_time_to_restore_seconds', 'Median failed deployment recovery time.', (k) => k.timeToRestore.medianSeconds, 'seconds'),
    {
      name: 'aegis_dora_band',
      type: 'gauge',
      help: 'DORA performance band per key (4 elite, 3 high, 2 medium, 1 low), thresholds of the 2023 State of DevOps report.',
      samples: keyed.flatMap(({ labels, keys }) =>
        (
          [
            ['deployment_frequency', keys.deploymentFrequency.band],
            ['lead_time', keys.leadTime.band],
            ['change_failure_rate', keys.changeFailure.band],
            ['time_to_restore', keys.timeToRestore.band],
          ] as const
        ).flatMap(([key, band]) => (band ? [{ labels: { ...labels, key }, value: bandValue[band] }] : [])),
      ),
    },
    {
      name: 'aegis_running_since_seconds',
      type: 'gauge',
      unit: 'seconds',
      help: 'Unix time since which the current image runs in the environment.',
      samples: status.flatMap((s) =>
        s.since === undefined ? [] : [{ labels: { environment: s.environment, service: s.service }, value: s.since }],
      ),
    },
    {
      name: 'aegis_drift',
      type: 'gauge',
      help: '1 when the overlays set something the trailers do not record (hand edit) or overlays of one environment differ.',
      samples: status.map((s) => ({ labels: { environment: s.environment, service: s.service }, value: s.drift ? 1 : 0 })),
    },
    {
      name: 'aegis_behind_deployments',
      type: 'gauge',
      help: 'Deployments the environment before this one has had since it ran what this one runs.',
      samples: status.flatMap((s) =>
        s.behind ? [{ labels: { environment: s.environment, service: s.service }, value: s.behind.deployments }] : [],
      ),
    },
    {
      name: 'aegis_behind_commits',
      type: 'gauge',
      help: "GitOps commits between what this environment runs reaching the one before it and that one's newest deployment.",
      samples: status.flatMap((s) =>
        s.behind ? [{ labels: { environment: s.environment, service: s.service }, value: s.behind.commits }] : [],
      ),
    },
  ];
}
