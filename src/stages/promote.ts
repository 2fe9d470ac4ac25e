import { readFileSync } from 'node:fs';
import { isInsecureRegistry } from '../core/build/registry-host.js';
import { assertCredentialUrl } from '../core/credential-scope.js';
import { parseManifest } from '../core/detect/manifest.js';
import { InputError } from '../core/errors.js';
import { forgeLocation, type Remote } from '../core/git/remote.js';
import { fetchVerdicts } from '../core/gitops/verdicts.js';
import { readSourceTimes } from '../core/insight/source-time.js';
import { approverTrailers } from '../core/promote/approvals.js';
import { ArgoCdClient, argoRefusal } from '../core/promote/argocd.js';
import { type PromotionDetail, promotionChange } from '../core/promote/change.js';
import { parseEnvironments, resolveProtected, resolveRoute } from '../core/promote/environments.js';
import { activeFreeze, parseFreeze } from '../core/promote/freeze.js';
import {
  DEFAULT_MUTABLE_TAGS,
  mergeOverlays,
  mutableTagRefusals,
  orderRefusals,
  referenceRefusals,
  render,
  type SourceImage,
  selectImages,
} from '../core/promote/images.js';
import type { PlanEntry } from '../core/promote/plan.js';
import { type RecordedDigest, readRecordedDigests } from '../core/promote/recorded.js';
import { PromotionRefused, type Refusal, RULE } from '../core/promote/refusal.js';
import { checkRegistry, type Pinned } from '../core/promote/registry.js';
import { fetchSnapshot, readEnvironment } from '../core/promote/source.js';
import { locationText, parseValueMoves, readSourceValues, valueSubjects } from '../core/promote/values.js';
import { imageSubjects, sourceDeployments, verificationRefusals } from '../core/promote/verified.js';

/** Commits of history read behind the source overlays for their Aegis-Image trailers. */
const RECORDED_HISTORY = 200;

import type { CiEvent, Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import { type GitopsPush, gitopsPushOutputs, gitopsPushStatus, pushToGitops, writeGitopsPushOutputs } from './gitops-push.js';
import {
  assertBranchName,
  gitopsRepositoryInputs,
  type PullRequestTarget,
  parseGitopsRepository,
  parsePullRequestTarget,
  pullRequestBranchName,
  pullRequestInputs,
  withGitopsRemote,
} from './gitops-repository.js';
import type { InputReader } from './inputs.js';
import type { PromoteOptions } from './promote/options.js';
import { environmentVersions, planTable, refusalTable, type SummaryInput, summaryMarkdown } from './promote/summary.js';
import { parseRegistryLogin } from './shared.js';

const definition = {
  name: 'promote',
  title: 'Promote',
  description:
    'Promote exactly what one environment runs to the next: read the image references the source overlays set at a commit, check them (order, mutable tags, registry, Argo CD), and write them into the target overlays with provenance trailers — pushed, or as a pull/merge request for environments that need approval.',
  inputs: {
    ...gitopsRepositoryInputs({
      required: true,
      branch: 'Branch holding the overlays (the base branch in pull-request mode).',
      author: 'Commit author as "Name <email>".',
    }),
    from: { description: 'Source environment (a name from environments).', required: true },
    to: { description: 'Target environment; must come after from (the next one unless allow-skip).', required: true },
    environments: {
      description:
        'YAML mapping of environment → overlay path or list of paths, in promotion order; a plain list of names means overlays/<env>.',
      default: 'dev: overlays/dev\nstaging: overlays/staging\nprod: overlays/prod',
    },
    'from-ref': {
      description: 'Branch, tag or full commit SHA at which the source overlays are read; defaults to the tip of branch.',
    },
    services: {
      description:
        "Services to promote (lines or comma-separated); empty promotes every image the source sets. A service matches an images entry by the service manifest's image, else by name or last path segment (api matches registry.example.com/shop/api).",
    },
    'service-manifest': { description: 'Service manifest (as detect reads) whose `image` fields map services to images; optional.' },
    'allow-skip': {
      description: 'Allow values that the environment just before `to` does not run yet (skipping an environment).',
      default: 'false',
    },
    'protected-environments': {
      description: "Environments where mutable tags are refused (lines or comma-separated; 'none' for none). Empty: the last environment.",
    },
    'mutable-tags': {
      description: 'Tag globs refused in protected environments (lines or comma-separated).',
      default: DEFAULT_MUTABLE_TAGS.join(','),
    },
    'verify-images': {
      description: 'Check that every image exists in its registry (OCI distribution API) before writing.',
      default: 'true',
    },
    'pin-digest': {
      description: "Resolve tags to digests and write them: 'true', 'false', or 'protected' (only into protected environments).",
      default: 'protected',
    },
    'registry-username': { description: 'Registry user for verify-images/pin-digest; on GitLab CI_REGISTRY_USER by default.' },
    'registry-password': { description: 'Registry password or token.', secret: true },
    registry: {
      description:
        'Registry host (e.g. ghcr.io) registry-username/registry-password are for; required with them. They are sent to that host only, never to other registries the overlays name.',
    },
    'insecure-registries': { description: 'Registries reached over plain HTTP (loopback ones always are).' },
    'add-missing': {
      description:
        'Add an images entry for a promoted image to the target overlays that have none but render a workload using it (read through resources, bases, components and patches); refused when no target overlay renders it. Without add-missing an image no target overlay lists is refused.',
      default: 'false',
    },
    'argocd-server': {
      description: 'Argo CD URL; with argocd-applications, the source applications must be Synced at the source commit and Healthy.',
    },
    'argocd-token': { description: 'Argo CD API token (read access to the applications).', secret: true },
    'argocd-applications': { description: 'Argo CD applications of the source environment (lines or comma-separated).' },
    mode: {
      description: "'push', 'pull-request', or 'auto': a pull/merge request into the last environment (for approval), a push otherwise.",
      default: 'auto',
    },
    ...pullRequestInputs('aegis/promote/<branch>/<to>[-<services>]'),
    'commit-message': {
      description: 'Commit subject template; placeholders {from}, {to}, {images}, {commit}.',
      default: 'chore(promote): {from} → {to}: {images}',
    },
    'keep-target-registry': {
      description:
        "Environments whose overlays keep their own newName (a registry per region): only tag and digest move there. Lines or comma-separated; 'true' for every target.",
    },
    freeze: {
      description:
        "YAML mapping environment -> freeze windows ('2026-12-20/2027-01-04', '2026-11-26T18:00Z/2026-11-27T08:00Z', 'Fri 16:00 - Mon 08:00 Europe/Berlin'); a promotion into a frozen environment is refused, naming the window.",
    },
    'freeze-override': {
      description: 'A reason to promote through a freeze anyway; recorded with the actor as Aegis-Freeze-Override in the commit.',
    },
    'approved-by': {
      description:
        "Who approved the promotion, recorded as Aegis-Approved-By on promotions into protected environments. By default, with a token for the run's forge (the GitOps repository on the run's host, or forge-url set), each reviewer the forge reports as having approved the target environment (GitHub: this run's deployment reviews; GitLab: the approvals of this job's deployment), else the run's actor (who started the run or the manual job).",
    },
    values: {
      description:
        "Helm values or other YAML scalars to promote, one per line: '<source-file>:<path> -> <target-file>:<path>' (repository paths; path as in gitops-bump's set, e.g. image.tag or containers[0].image). Written byte-preservingly with Aegis-Value trailers; with values and no services, only the values move.",
    },
    verified: {
      description:
        'Require a verified source: the commit that set each promoted value in the source overlays must carry a Successful verdict for the source environment, recorded by health-gate under refs/notes/aegis (health-gate with repository, rollback-commit and environment).',
      default: 'false',
    },
    soak: {
      description:
        'Require the source to have run each promoted value at least this long (30m, 2h), counted from the committer time of the commit that set it in the source overlays.',
    },
    'dry-run': { description: 'Check and print the plan, then stop: nothing is committed or pushed.', default: 'false' },
    'source-run': { description: 'Run URL recorded as Aegis-Source-Run; defaults to the current pipeline/run.' },
  },
  outputs: {
    ...gitopsPushOutputs('the target already runs these values, on dry runs and refusals'),
    plan: {
      kind: 'json',
      description:
        'JSON array of {image, file, from, current, written}: from is the value in the source environment, current the value in the target before this run (null: no entry), written what is written. For a values line, image is <target-file>:<path> and from <source-file>:<path>=<value>. Deprecated: to (= current) and next (= written), kept for one release.',
    },
    'source-commit': { kind: 'text', description: 'The commit the source overlays were read at (recorded as Aegis-Promoted-From).' },
    refusals: { kind: 'json', description: 'JSON array of {subject, kind, rule, detail} when the promotion was refused.' },
  },
} satisfies StageMetadata;

export type { PromoteOptions };

export interface PromotePlan {
  options: PromoteOptions;
  /** The branch pushed to: the repository's branch, or the proposal branch in pull-request mode. */
  pushBranch: string;
  /** Commits of history fetched behind the source overlays (pin-digest, verified, soak read it). */
  historyDepth: number;
}

/**
 * What the promotion did. Refused or failed after the source was read, it still says what was
 * read (for the outputs and the summary); report throws `error` after writing them.
 */
export interface PromoteResult {
  plan: PromotePlan;
  summary: SummaryInput;
  /** Set once the source overlays were read at it (the source-commit output). */
  sourceCommit?: string;
  push?: GitopsPush<PromotionDetail>;
  refusals?: readonly Refusal[];
  error?: unknown;
}

/** The same promotion (branch, target, services) always lands on the same PR. */
export function promotePullRequestBranch(branch: string, to: string, services: readonly string[]): string {
  return pullRequestBranchName('promote', branch, [to, ...[...services].sort()]);
}

function readManifestImages(reader: InputReader, workspace: string): Map<string, string> {
  const path = reader.path('service-manifest', workspace);
  if (!path) return new Map();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError('service-manifest', reader.string('service-manifest'), 'an existing service manifest file in the workspace');
  }
  const manifest = parseManifest(text, reader.string('service-manifest'));
  const images = new Map<string, string>();
  for (const service of manifest.services) {
    const image = service.fields.image;
    if (typeof image === 'string' && image) images.set(service.name, image);
  }
  return images;
}

/** Reads and validates every input before anything is fetched or written. */
export function parse(reader: InputReader, platform: Platform, now: Date = new Date()): PromoteOptions {
  const event = platform.event();
  const { workspace } = platform;
  const environments = parseEnvironments(reader.string('environments'));
  const route = resolveRoute(environments, reader.required('from'), reader.required('to'));
  const protectedEnvironments = resolveProtected(environments, reader.list('protected-environments'));
  const protectedTarget = protectedEnvironments.has(route.to.name);
  const repository = parseGitopsRepository(reader, platform.name);
  const fromRef = reader.optional('from-ref');
  if (fromRef !== undefined) {
    if (/^[0-9a-f]{7,39}$/.test(fromRef)) throw new InputError('from-ref', fromRef, 'a branch, a tag or a full 40-character commit SHA');
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(fromRef)) assertBranchName('from-ref', fromRef);
  }
  const services = reader.list('services');
  for (const service of services) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(service))
      throw new InputError('services', service, 'service names (letters, digits, . _ - /)');
  }
  const pin = reader.choice('pin-digest', ['true', 'false', 'protected'] as const);
  const argocdServer = reader.optional('argocd-server');
  const argocdApplications = reader.list('argocd-applications');
  if (argocdServer) assertCredentialUrl('argocd-server', argocdServer, Boolean(reader.optional('argocd-token')));
  if (Boolean(argocdServer) !== argocdApplications.length > 0) {
    throw new InputError(
      argocdServer ? 'argocd-applications' : 'argocd-server',
      '',
      'a value: argocd-server and argocd-applications go together',
    );
  }
  const modeInput = reader.choice('mode', ['auto', 'push', 'pull-request'] as const);
  const mode = modeInput === 'auto' ? (route.toIndex === environments.length - 1 ? 'pull-request' : 'push') : modeInput;
  const pullRequest = parsePullRequestTarget(reader);
  const keep = reader.list('keep-target-registry');
  for (const name of keep) {
    if (name !== 'true' && !environments.some((environment) => environment.name === name)) {
      throw new InputError(
        'keep-target-registry',
        name,
        `'true' or environments from 'environments' (${environments.map((e) => e.name).join(', ')})`,
      );
    }
  }
  const freezeWindows = parseFreeze(
    reader.string('freeze'),
    environments.map((environment) => environment.name),
  );
  const freezeOverride = reader.optional('freeze-override');
  if (freezeOverride !== undefined && !/\S/.test(freezeOverride)) throw new InputError('freeze-override', freezeOverride, 'a reason');
  const approvedByInput = reader.optional('approved-by');
  const approvedBy = approvedByInput ?? event.actor;
  if (approvedBy !== undefined && /[\r\n]/.test(approvedBy))
    throw new InputError('approved-by', approvedBy, 'one line naming the approver');
  return {
    repository,
    environments,
    route,
    fromRef,
    services,
    manifestImages: readManifestImages(reader, workspace),
    allowSkip: reader.boolean('allow-skip'),
    protectedTarget,
    mutableTags: reader.list('mutable-tags'),
    verifyImages: reader.boolean('verify-images'),
    pinDigest: pin === 'true' || (pin === 'protected' && protectedTarget),
    registryLogin: parseRegistryLogin(reader),
    insecureRegistries: reader.list('insecure-registries'),
    addMissing: reader.boolean('add-missing'),
    argocd: argocdServer ? { server: argocdServer, token: reader.optional('argocd-token'), applications: argocdApplications } : undefined,
    mode,
    pullRequest: { ...pullRequest, branch: pullRequest.branch ?? promotePullRequestBranch(repository.branch, route.to.name, services) },
    commitMessage: reader.string('commit-message'),
    dryRun: reader.boolean('dry-run'),
    sourceRun: reader.optional('source-run') ?? event.runUrl,
    keepTargetRegistry: keep.includes('true') || keep.includes(route.to.name),
    freeze: activeFreeze(freezeWindows, route.to.name, now),
    freezeOverride,
    approvedBy: protectedTarget ? approvedBy : undefined,
    approvalsRun:
      protectedTarget && approvedByInput === undefined && tokenIsForRunForge(repository.url, pullRequest, event) ? event.run : undefined,
    actor: approvedBy,
    verified: reader.boolean('verified'),
    soakMs: reader.optional('soak') === undefined ? undefined : reader.duration('soak'),
    values: parseValueMoves(reader.string('values')),
  };
}

/**
 * The token is sent to the run's forge API for its deployment reviews only when it is meant for
 * that forge: forge-url names its API, or the GitOps repository is on the run's own host.
 */
export function tokenIsForRunForge(repositoryUrl: string, target: PullRequestTarget, event: CiEvent): boolean {
  if (!event.run || (target.forge ?? event.run.forge) !== event.run.forge) return false;
  if (target.forgeUrl) return true;
  const gitopsHost = forgeLocation(repositoryUrl)?.host.toLowerCase();
  const runHost = event.repositoryUrl ? forgeLocation(event.repositoryUrl)?.host.toLowerCase() : undefined;
  return Boolean(gitopsHost && gitopsHost === runHost);
}

/** A promotion into a frozen environment: refused, or let through with the override recorded. */
/** A `plan` output entry: the entry, plus its fields under their old names (`to`, `next`): deprecated, kept for one release. */
function withDeprecatedNames(entry: PlanEntry): PlanEntry & { to: string | null; next: string } {
  return { ...entry, to: entry.current, next: entry.written };
}

function freezeRefusal(options: PromoteOptions): Refusal[] {
  if (!options.freeze || options.freezeOverride) return [];
  return [
    {
      subject: options.route.to.name,
      kind: 'environment',
      rule: RULE.freeze,
      detail: `${options.route.to.name} is frozen (${options.freeze.text}); wait for the window to end, or set freeze-override with a reason`,
    },
  ];
}

/** values lines name files, not environments: moving them past the environment in between needs allow-skip. */
function valueOrderRefusals(options: PromoteOptions): Refusal[] {
  const { route } = options;
  if (options.values.length === 0 || options.allowSkip || route.toIndex === route.fromIndex + 1) return [];
  return options.values.map((move) => ({
    subject: locationText(move.source),
    kind: 'value' as const,
    rule: RULE.order,
    detail: `${route.from.name} → ${route.to.name} skips ${route.previous.name}, and a values line cannot tell what ${route.previous.name} runs; promote through ${route.previous.name} first (or set allow-skip)`,
  }));
}

/** Every check that does not need the target checkout; all refusals are gathered, not just the first. */
async function checkSource(
  options: PromoteOptions,
  platform: Platform,
  source: {
    commit: string;
    images: SourceImage[];
    previous: SourceImage[];
    refusals: Refusal[];
    recorded: ReadonlyMap<string, ReadonlyMap<string, RecordedDigest>>;
  },
): Promise<{ images: SourceImage[]; refusals: Refusal[]; pinned: Pinned[] }> {
  const { route } = options;
  const invalid = referenceRefusals(source.images);
  // An invalid value is never looked up, ordered or written.
  if (invalid.length > 0) return { images: [...source.images], refusals: [...source.refusals, ...invalid], pinned: [] };
  const refusals = [
    ...freezeRefusal(options),
    ...source.refusals,
    ...orderRefusals(source.images, route, source.previous, options.allowSkip),
  ];
  if (options.protectedTarget) refusals.push(...mutableTagRefusals(source.images, route.to.name, options.mutableTags));
  if (options.argocd) {
    const client = new ArgoCdClient(options.argocd);
    for (const application of options.argocd.applications) {
      const refusal = argoRefusal(await client.application(application), source.commit);
      if (refusal) refusals.push(refusal);
    }
  }
  const registry = await checkRegistry(source.images, {
    verify: options.verifyImages,
    pin: options.pinDigest,
    recorded: source.recorded,
    refuseMovedTags: options.protectedTarget,
    accessFor: (host) => {
      const login = options.registryLogin;
      const credentials = login && login.registry === host.toLowerCase() ? login.credentials : platform.registryCredentials(host);
      if (credentials) platform.secret(credentials.password);
      return { registry: host, insecure: isInsecureRegistry(host, options.insecureRegistries), credentials };
    },
  });
  return { images: registry.images, refusals: [...refusals, ...registry.refusals], pinned: registry.pinned };
}

/** Source commit times of the promoted images, carried on for lead time; a failure to read them only costs the trailer. */
async function carriedSourceTimes(
  remote: Remote,
  options: PromoteOptions,
  commit: string,
  values: ReadonlyMap<string, string>,
  platform: Platform,
): Promise<Map<string, string>> {
  try {
    const images = [...values].map(([name, reference]) => ({ name, reference }));
    return await readSourceTimes(remote, options.repository.branch, commit, options.route.from.name, images);
  } catch (error) {
    platform.log.warning(`Source times not carried (Aegis-Source-Time): ${(error as Error).message}`);
    return new Map();
  }
}

/**
 * Aegis-Approved-By of a promotion into a protected environment: the reviewers who approved the
 * target environment in this run, as the forge reports them, else approved-by or the actor. Asked
 * only with a token meant for the run's forge (tokenIsForRunForge); a failed lookup costs the
 * reviewers, never the promotion.
 */
async function recordedApprovers(platform: Platform, options: PromoteOptions): Promise<string[]> {
  const fallback = options.approvedBy ? [options.approvedBy] : [];
  const run = options.approvalsRun;
  const token = options.repository.credentials.token;
  if (!run || !token) return fallback;
  const environment = options.route.to.name;
  const recordingActor = options.approvedBy ? `recording the actor ${options.approvedBy}` : 'recording no approver';
  try {
    const forge = await platform.forge({ token, kind: run.forge, apiUrl: options.pullRequest.forgeUrl });
    const approvals = await forge.deploymentApprovals(run);
    if (approvals === undefined) {
      const job = `job ${run.jobId ?? '(no CI_JOB_ID)'}`;
      platform.log.info(
        `${run.environment ? `No deployment of ${job} in ${run.environment}` : `The ${job} names no environment (CI_ENVIRONMENT_NAME)`}: its environment reviewers are unknown; ${recordingActor}.`,
      );
      return fallback;
    }
    const approvers = approverTrailers(approvals, environment);
    if (approvers.length === 0) {
      platform.log.info(`No reviewer approved ${environment} in run ${run.runId}; ${recordingActor}.`);
      return fallback;
    }
    return approvers;
  } catch (error) {
    platform.log.warning(`Environment reviewers of run ${run.runId} not read (${(error as Error).message}); ${recordingActor}.`);
    return fallback;
  }
}

export function plan(options: PromoteOptions): PromotePlan {
  const pushBranch = options.mode === 'pull-request' ? options.pullRequest.branch : options.repository.branch;
  // The history behind the source overlays tells which digest the source runs (pin-digest) and
  // since when, verified or not (verified, soak).
  const verifying = options.verified || options.soakMs !== undefined;
  return { options, pushBranch, historyDepth: options.pinDigest || verifying ? RECORDED_HISTORY : 1 };
}

export async function execute(plan: PromotePlan, platform: Platform): Promise<PromoteResult> {
  return withGitopsRemote(platform, plan.options.repository, (remote) => promoteWith(platform, plan, remote));
}

async function promoteWith(platform: Platform, plan: PromotePlan, remote: Remote): Promise<PromoteResult> {
  const { log } = platform;
  const { options, pushBranch } = plan;
  const { route, repository } = options;
  const verifying = options.verified || options.soakMs !== undefined;
  const snapshot = await fetchSnapshot(remote, options.fromRef ?? repository.branch, plan.historyDepth, {
    attempts: repository.remoteRetries,
    baseMs: 1000,
    onRetry: (n, ms, why) => log.info(`${remote.url} did not answer (${why}); attempt ${n + 1} in ${ms} ms.`),
  });
  const summary: SummaryInput = {
    options,
    sourceCommit: snapshot.commit,
    environments: [],
    entries: [],
    changes: [],
    pinned: [],
    deployments: [],
  };
  const result: PromoteResult = { plan, summary };
  try {
    log.info(`Source: ${route.from.name} at ${snapshot.commit} (${options.fromRef ?? repository.branch}).`);
    const fromOverlays = readEnvironment(snapshot.dir, route.from);
    // With values and no services, only the values move.
    const selection =
      options.values.length > 0 && options.services.length === 0
        ? { images: [], refusals: [] }
        : selectImages(fromOverlays, route.from, options.services, options.manifestImages);
    const values = readSourceValues(snapshot.dir, options.values);
    const previous = mergeOverlays(readEnvironment(snapshot.dir, route.previous)).images;
    summary.environments = environmentVersions(snapshot.dir, options.environments, selection.images);
    result.sourceCommit = snapshot.commit;

    const recorded = options.pinDigest
      ? await readRecordedDigests(snapshot.git, [...new Set(fromOverlays.map((overlay) => overlay.file))], RECORDED_HISTORY)
      : new Map();
    if (verifying) {
      if (options.verified) await fetchVerdicts(snapshot.git, remote.url);
      summary.deployments = await sourceDeployments(snapshot.git, [...imageSubjects(selection.images), ...valueSubjects(values.values)], {
        environment: route.from.name,
        deepen: snapshot.deepen,
      });
    }
    const verification = verificationRefusals(summary.deployments, {
      environment: route.from.name,
      verified: options.verified,
      soakMs: options.soakMs,
      now: new Date(),
    });
    const checked = await log.group('Checks', () =>
      checkSource(options, platform, {
        commit: snapshot.commit,
        images: selection.images,
        previous,
        refusals: [...selection.refusals, ...values.refusals, ...valueOrderRefusals(options), ...verification],
        recorded,
      }),
    );
    summary.pinned = checked.pinned;
    for (const pin of checked.pinned) {
      log.info(
        `Pinned ${pin.reference} to ${pin.digest} (${pin.from === 'trailer' ? 'the digest the source runs, from its Aegis-Image trailer' : 'what the tag points to in the registry now'}).`,
      );
    }
    if (checked.refusals.length > 0) throw new PromotionRefused(checked.refusals);
    if (checked.images.length === 0 && values.values.length === 0)
      log.warning(`${route.from.name} sets no images${options.services.length ? ' for these services' : ''}.`);

    const approvedBy = await recordedApprovers(platform, options);
    summary.approvedBy = approvedBy;
    const sourceValues = new Map(selection.images.map((image) => [image.name, render(image.name, image.value)]));
    const sourceTimes = await carriedSourceTimes(remote, options, snapshot.commit, sourceValues, platform);
    result.push = await pushToGitops<PromotionDetail>(platform, {
      repository,
      remote,
      group: `Promote ${route.from.name} → ${route.to.name} in ${repository.url} (${pushBranch})`,
      change: promotionChange({
        target: route.to,
        images: checked.images,
        sourceValues,
        values: values.values,
        addMissing: options.addMissing,
        keepTargetRegistry: options.keepTargetRegistry,
        message: {
          template: options.commitMessage,
          from: route.from.name,
          to: route.to.name,
          sourceCommit: snapshot.commit,
          sourceRun: options.sourceRun,
          sourceTimes,
          approvedBy,
          freezeOverride:
            options.freeze && options.freezeOverride
              ? `${options.freeze.text}: ${options.freezeOverride}${options.actor ? ` (by ${options.actor})` : ''}`
              : undefined,
        },
        onPlan: (entries, attempt) => log.info(`Plan (attempt ${attempt}):\n${planTable(entries)}`),
      }),
      pullRequest:
        options.mode === 'pull-request'
          ? {
              target: options.pullRequest,
              branch: pushBranch,
              body: (transaction) =>
                summaryMarkdown({
                  ...summary,
                  entries: transaction.change.detail.entries,
                  changes: transaction.change.detail.changes,
                  status: `Promotion of ${route.from.name}@${snapshot.commit.slice(0, 12)} into ${route.to.name}, awaiting approval.`,
                }),
            }
          : undefined,
      dryRun: options.dryRun,
    });
    summary.entries = result.push.transaction.change.detail.entries;
    summary.changes = result.push.transaction.change.detail.changes;
  } catch (error) {
    if (error instanceof PromotionRefused) result.refusals = error.refusals;
    result.error = error;
  } finally {
    snapshot.close();
  }
  return result;
}

/** The outputs and the summary, once; then the refusal or failure, if any. */
export async function report(result: PromoteResult, platform: Platform): Promise<void> {
  const { summary } = result;
  if (result.sourceCommit) platform.setOutput('source-commit', result.sourceCommit);
  if (result.refusals) {
    platform.setOutput('changed', 'false');
    platform.setOutput('refusals', JSON.stringify(result.refusals));
    await platform.summary(summaryMarkdown({ ...summary, status: 'Refused: nothing was written.', refusals: result.refusals }));
    platform.log.error(`Refusals:\n${refusalTable(result.refusals)}`);
  }
  if (result.error !== undefined) throw result.error;
  const push = result.push as GitopsPush<PromotionDetail>;
  const { route } = result.plan.options;
  writeGitopsPushOutputs(platform, push);
  const status = gitopsPushStatus(push, {
    proposal: 'proposes these values',
    base: 'does not run them yet',
    unchanged: `already runs what ${route.from.name} runs`,
  });
  platform.setOutput('plan', JSON.stringify(push.transaction.change.detail.entries.map(withDeprecatedNames)));
  platform.setOutput('refusals', '[]');
  await platform.summary(summaryMarkdown({ ...summary, status, pullRequestUrl: push.pullRequest?.url ?? '', changed: push.proposed }));
}

// The module shape of every stage (src/stages/module.ts).
export { definition };
