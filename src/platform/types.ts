import type { DependencyCache } from '../core/build/dependency-cache.js';
import type { RegistryCredentials } from '../core/build/registry.js';
import type { CiEvent } from '../core/event.js';
import type { PipelineQuery, PipelineRun } from '../core/insight/pipelines.js';
import type { Log } from '../core/log.js';
import type { DeploymentApproval, DeploymentRun } from '../core/promote/approvals.js';
import type { Dependent, ReleaseEvent } from '../core/release/dependents.js';
import type { ReleaseRequest } from '../core/release/forge-release.js';
import type { SarifUploadRequest } from '../core/scan/upload.js';

export type PlatformName = 'github' | 'gitlab' | 'local';

export type { DependencyCache } from '../core/build/dependency-cache.js';
export type { CiEvent, EventKind } from '../core/event.js';
export type { DeploymentApproval, DeploymentRun } from '../core/promote/approvals.js';
export type { ReleaseRequest } from '../core/release/forge-release.js';
export type { SarifUploadRequest } from '../core/scan/upload.js';

export interface PullRequestRequest {
  /** Repository path on the forge: `owner/repo` on GitHub, `group/sub/project` on GitLab. */
  repository: string;
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface PullRequestResult {
  number: number;
  url: string;
  /** false when an open PR/MR for the same head and base existed and was updated. */
  created: boolean;
}

/**
 * Pull/merge requests, releases and dependents' notifications. Loaded lazily: a stage that never
 * asks pays nothing. Satisfies the core's ReleaseForge and DependentNotifier.
 */
export interface Forge {
  readonly kind: 'github' | 'gitlab';
  upsertPullRequest(request: PullRequestRequest): Promise<PullRequestResult>;
  /** The open PR/MR from `head` into `base`, if there is one (`created` is false). */
  findPullRequest(request: Pick<PullRequestRequest, 'repository' | 'head' | 'base'>): Promise<PullRequestResult | undefined>;
  /** The release's web URL, or undefined when the tag has no release yet. */
  findRelease(repository: string, tag: string): Promise<string | undefined>;
  /** Creates the release of an existing tag; returns its web URL. */
  createRelease(request: ReleaseRequest): Promise<string>;
  /**
   * Tells a dependent about a release: GitHub `repository_dispatch`, GitLab pipeline trigger (the
   * Forge's token is then the trigger token, sent in the form body only). Rejects with the status.
   */
  notifyDependent(target: Dependent, event: ReleaseEvent): Promise<void>;
  /** Uploads SARIF to code scanning (GitHub); GitLab takes scan results as report artifacts instead. */
  uploadSarif(repository: string, request: SarifUploadRequest): Promise<{ id: string; url?: string }>;
  /** CI runs of a repository: GitHub workflow runs, GitLab pipelines (insight's optional CI figures). */
  pipelineRuns(repository: string, query: PipelineQuery): Promise<PipelineRun[]>;
  /**
   * Who approved or rejected the deployment of this run: GitHub's deployment reviews of the run,
   * GitLab's approvals of the job's deployment; undefined when the forge cannot tell which
   * deployment is the job's (GitLab without CI_JOB_ID/CI_ENVIRONMENT_NAME, or no deployment for the job).
   */
  deploymentApprovals(run: DeploymentRun): Promise<DeploymentApproval[] | undefined>;
}

export type { RegistryCredentials } from '../core/build/registry.js';

export interface ForgeOptions {
  token: string;
  /** Which forge; defaults to the platform's own (required locally). */
  kind?: 'github' | 'gitlab';
  /** API base URL; defaults to the platform's (GITHUB_API_URL, CI_API_V4_URL). */
  apiUrl?: string;
}

/** The seam: the only thing stages know about where they run. */
export interface Platform {
  readonly name: PlatformName;
  /** The user name paired with a token for git over HTTPS on this platform's forge. */
  readonly tokenUser: string;
  /** The forge a repository URL is on (this platform's own when the host does not say). */
  forgeKindOf(url?: string): 'github' | 'gitlab';
  /** The run's ref in GitHub's API shape (refs/pull/N/head, refs/tags/T, refs/heads/B). */
  githubRef(): string;
  /** The environment the job runs in, for what a stage hands to tools it starts (e.g. build `secret-envs`). */
  environment(): Record<string, string | undefined>;
  /** INPUT_* names the runner handed over (lower-case, as written); none locally, where the CLI checks its flags. */
  providedInputs(): string[];
  /** Directory that relative input paths resolve against. */
  readonly workspace: string;
  /** Where secret material may be written: the runner's temp dir (RUNNER_TEMP on GitHub), else the OS one. */
  readonly tempDir: string;
  /**
   * Directories besides the workspace that path inputs may point into: the runner's temp
   * directory on GitHub (where earlier steps' files live), the temp dir and --output-dir locally.
   */
  readonly inputRoots: readonly string[];
  /**
   * Where this stage's own files go, created on first call; never the checkout itself.
   * GitHub: a fresh directory under RUNNER_TEMP. GitLab: `.aegis-out/<stage>` in the project
   * directory (artifacts must live there), which is added to the checkout's `.git/info/exclude`.
   * Locally: `--output-dir`, else a fresh temporary directory.
   */
  outputDir(): string;
  /** Hex digits of the platform's short commit SHA: GitLab's CI_COMMIT_SHORT_SHA has 8, GitHub (and git's usual) 7. */
  readonly shortShaLength: number;
  /** Bytes the platform accepts for all outputs together (GitLab's dotenv report: 5,120); none where unlimited. */
  readonly outputSizeLimit?: number;
  /** Raw input value, '' when unset. */
  input(name: string): string;
  setOutput(name: string, value: string): void;
  /**
   * Several outputs, in order, as `setOutput` would set them one by one: written at once where
   * outputs go to a file (GITHUB_OUTPUT, GitLab's dotenv report), which for a stage with
   * thousands of outputs (detect's per-service booleans) is one append instead of thousands.
   */
  setOutputs(outputs: readonly (readonly [name: string, value: string])[]): void;
  /** Registers a value for masking (GitHub) and redaction by our logger (everywhere). */
  secret(value: string): void;
  readonly log: Log;
  summary(markdown: string): Promise<void>;
  event(): CiEvent;
  forge(options: ForgeOptions): Promise<Forge>;
  /** API base URL of a forge: the one `forge()` talks to when the stage names none. */
  forgeApiUrl(kind: 'github' | 'gitlab'): string;
  /**
   * The registry login the platform itself provides, when the user gave none: the job's
   * `CI_REGISTRY_USER`/`CI_REGISTRY_PASSWORD` for `CI_REGISTRY` on GitLab, the exported
   * `GITHUB_TOKEN` for ghcr.io on GitHub. The password is registered as a secret.
   */
  registryCredentials(registry: string): RegistryCredentials | undefined;
  /**
   * The platform's cache service for dependency directories, loaded on first use: GitHub's
   * (@actions/cache). Undefined where the job cannot cache from inside (GitLab: the runner's
   * `cache:` restores before and saves after the script; locally: nothing).
   */
  cache(): Promise<DependencyCache | undefined>;
  /** Marks the run failed with a message; the process exit code follows. */
  fail(message: string): void;
}
