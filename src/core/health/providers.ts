/**
 * The registry of check types: one provider per file under ./provider/, one line each here.
 */
import { type ArgoCdCheck, argocdProvider } from './provider/argocd.js';
import type { MeasureContext, Observation, Provider } from './provider/contract.js';
import { type HttpCheck, httpProvider } from './provider/http.js';
import { type KubernetesCheck, kubernetesProvider } from './provider/kubernetes.js';
import { type PrometheusCheck, prometheusProvider } from './provider/prometheus.js';

export type ProviderSpec = HttpCheck | PrometheusCheck | ArgoCdCheck | KubernetesCheck;
export type CheckType = ProviderSpec['type'];

type Registry = { [T in CheckType]: Provider<Extract<ProviderSpec, { type: T }>> };

export const PROVIDERS: Registry = {
  http: httpProvider,
  prometheus: prometheusProvider,
  argocd: argocdProvider,
  kubernetes: kubernetesProvider,
};
export const CHECK_TYPES = Object.keys(PROVIDERS) as CheckType[];

export function providerOf<S extends ProviderSpec>(spec: S): Provider<S> {
  return PROVIDERS[spec.type] as unknown as Provider<S>;
}

export function measure(spec: ProviderSpec, context: MeasureContext): Promise<Observation> {
  return providerOf(spec).measure(spec, context);
}

export { assessArgoApplication } from './provider/argocd.js';
export type { Fetch, MeasureContext, Observation } from './provider/contract.js';
export { assessDeployment, kubectlTarget } from './provider/kubernetes.js';
export type { ArgoCdCheck, HttpCheck, KubernetesCheck, PrometheusCheck };
