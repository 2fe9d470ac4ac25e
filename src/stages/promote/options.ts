import type { RegistryCredentials } from '../../core/build/registry.js';
import type { Environment, Route } from '../../core/promote/environments.js';
import type { FreezeWindow } from '../../core/promote/freeze.js';
import type { ValueMove } from '../../core/promote/values.js';
import type { DeploymentRun } from '../../platform/types.js';
import type { GitopsRepository, PullRequestTarget } from '../gitops-repository.js';

// promote's options, read by the stage (../promote.ts) and its summary (./summary.ts).

export interface PromoteOptions {
  repository: GitopsRepository;
  environments: Environment[];
  route: Route;
  /** Branch, tag or full commit SHA to read the source overlays at; the branch tip by default. */
  fromRef?: string;
  services: string[];
  /** Service name → image from the service manifest, when one was given. */
  manifestImages: Map<string, string>;
  allowSkip: boolean;
  protectedTarget: boolean;
  mutableTags: string[];
  verifyImages: boolean;
  pinDigest: boolean;
  /** The registry login and the one registry host it is for. */
  registryLogin?: { registry: string; credentials: RegistryCredentials };
  insecureRegistries: string[];
  addMissing: boolean;
  argocd?: { server: string; token?: string; applications: string[] };
  mode: 'push' | 'pull-request';
  pullRequest: PullRequestTarget & { branch: string };
  commitMessage: string;
  dryRun: boolean;
  sourceRun?: string;
  keepTargetRegistry: boolean;
  /** The freeze window the target is in now, when there is one. */
  freeze?: FreezeWindow;
  freezeOverride?: string;
  /** Recorded as Aegis-Approved-By when no environment reviewer is reported: approved-by, else the actor. */
  approvedBy?: string;
  /** The run whose environment reviewers are asked for (protected target, no approved-by input). */
  approvalsRun?: DeploymentRun & { forge: 'github' | 'gitlab' };
  /** Who runs (or approved) the promotion. */
  actor?: string;
  /** Each value must carry a Successful health-gate verdict for the source environment. */
  verified: boolean;
  /** Each value must have run in the source at least this long. */
  soakMs?: number;
  /** Helm values / YAML paths moved from a source file to a target file. */
  values: ValueMove[];
}
