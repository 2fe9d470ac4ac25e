import { run } from '../../process.js';
import type { Fields } from '../fields.js';
import type { Observation, Provider } from './contract.js';

/** `kubernetes`: the rollout of a Deployment is complete, by the rules of `kubectl rollout status`. */
export interface KubernetesCheck {
  type: 'kubernetes';
  deployment: string;
  namespace: string;
  context?: string;
  kubeconfig?: string;
  /** How long a measurement may wait for the rollout to complete before it is Failed. */
  waitTimeoutMs: number;
  timeoutMs: number;
}

function kubernetesName(field: Fields, key: string, required: boolean): string | undefined {
  const value = required ? field.required(key, `a Kubernetes ${key} name`) : field.string(key);
  if (value !== undefined && !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value)) {
    field.refuse(key, `a Kubernetes ${key} name (lower-case letters, digits, '-', '.')`, `check '${field.check}'`, value);
  }
  return value;
}

function parse(field: Fields): KubernetesCheck {
  return {
    type: 'kubernetes',
    deployment: kubernetesName(field, 'deployment', true) as string,
    namespace: kubernetesName(field, 'namespace', false) ?? 'default',
    context: field.string('context'),
    kubeconfig: field.string('kubeconfig'),
    waitTimeoutMs: field.duration('wait-timeout', 300_000),
    timeoutMs: field.duration('timeout', 10_000),
  };
}

/** `kubectl` arguments shared by the check and the rollback: where the cluster is. */
export function kubectlTarget(spec: Pick<KubernetesCheck, 'namespace' | 'context' | 'kubeconfig'>): string[] {
  const args = ['--namespace', spec.namespace];
  if (spec.context) args.push('--context', spec.context);
  if (spec.kubeconfig) args.push('--kubeconfig', spec.kubeconfig);
  return args;
}

/** The fields of an apps/v1 Deployment that say whether its rollout is complete. */
export interface DeploymentStatus {
  metadata?: { generation?: number };
  spec?: { replicas?: number };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>;
  };
}

/** The rules `kubectl rollout status` applies to a Deployment. */
export function assessDeployment(deployment: DeploymentStatus, name: string): Observation {
  const generation = deployment.metadata?.generation ?? 0;
  const status = deployment.status ?? {};
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  const facts = `${updated}/${desired} updated, ${available}/${desired} available`;
  if ((status.observedGeneration ?? 0) < generation) {
    return { phase: 'Running', value: available, message: `deployment/${name}: generation ${generation} not yet observed` };
  }
  const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      phase: 'Failed',
      value: available,
      message: `deployment/${name}: ${facts}; ${progressing.message ?? 'progress deadline exceeded'}`,
    };
  }
  if (updated === desired && available === desired && total === desired) {
    return { phase: 'Successful', value: available, message: `deployment/${name}: rollout complete, ${facts}` };
  }
  return {
    phase: 'Running',
    value: available,
    message: `deployment/${name}: ${facts}${total > updated ? `, ${total - updated} old pending termination` : ''}`,
  };
}

async function measureKubernetes(spec: KubernetesCheck): Promise<Observation> {
  const args = [
    'get',
    'deployment',
    spec.deployment,
    ...kubectlTarget(spec),
    '--output',
    'json',
    '--request-timeout',
    `${Math.max(1, Math.ceil(spec.timeoutMs / 1000))}s`,
  ];
  const result = await run('kubectl', args, { allowFailure: true }).catch((error: Error) => ({
    exitCode: -1,
    stdout: '',
    stderr: error.message,
  }));
  if (result.exitCode !== 0)
    return { phase: 'Error', message: `kubectl get deployment/${spec.deployment}: ${result.stderr.trim().split('\n').pop()}` };
  try {
    return assessDeployment(JSON.parse(result.stdout) as DeploymentStatus, spec.deployment);
  } catch {
    return { phase: 'Error', message: 'kubectl printed something that is not JSON' };
  }
}

export const kubernetesProvider: Provider<KubernetesCheck> = {
  type: 'kubernetes',
  keys: ['deployment', 'namespace', 'context', 'kubeconfig', 'wait-timeout', 'timeout'],
  parse,
  describe: (spec) =>
    `Successful when the rollout of deployment/${spec.deployment} is complete; Failed on ProgressDeadlineExceeded or not complete within ${spec.waitTimeoutMs / 1000}s`,
  measure: (spec) => measureKubernetes(spec),
  secrets: () => [],
  waitTimeoutMs: (spec) => spec.waitTimeoutMs,
};
