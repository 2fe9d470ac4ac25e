import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { withPrivateDir } from '../cleanup.js';
import { AegisError, FileError } from '../errors.js';
import { writeFileAtomic } from '../git/atomic.js';
import { Git, type Identity, isRaceRejection, mustSucceed } from '../git/git.js';
import { buildCommitMessage, renderTemplate, TRAILER } from '../gitops/commit-message.js';
import type { Log } from '../log.js';
import { type Cell, code, markdownTable, markup } from '../markdown.js';
import { applyBump, type BumpRules, nextPrerelease, type ReleaseType, releaseTypeOf, strictVersion } from './bump.js';
import { prependChangelog, type RepositoryLinks, renderReleaseNotes } from './changelog.js';
import type { ConventionalCommit } from './commits.js';
import type { ReleaseForge } from './forge-release.js';
import { commitsSince, dirtyFiles, isUnborn, type ReleaseTag, releaseTags } from './history.js';
import { checkReleaseBase, fetchBranchAndTags, provePushAccess, pushSummary, validateRefName } from './preflight.js';
import type { Publisher, RegistryEntry } from './publish/publisher.js';
import { RELEASE_TRAILER_KEY } from './trailer.js';
import { LOCKFILES, readVersion, setLockfileVersion, setVersion, versionFileKind } from './version-files.js';
import { bumpDependency, bumpLockfileDependents, workspacePackages } from './workspace.js';

/** Trailer naming the tag a release commit belongs to. */
export const RELEASE_TRAILER = RELEASE_TRAILER_KEY;

export interface ReleaseGitOptions {
  /** Remote to fetch from and push to; undefined = local only (no push). */
  remote?: string;
  /** Branch the release commit is pushed to; defaults to the checked-out branch. */
  branch?: string;
  /** Environment for git processes that talk to the remote (credentials, see describeRemote). */
  env?: Record<string, string>;
  author: Identity;
  /** Subject template: `{tag}`, `{version}`, `{name}`. */
  commitMessage: string;
  trailers?: ReadonlyArray<{ key: string; value: string }>;
}

export interface ReleaseOptions {
  /** The git working copy (its top level). */
  repoDir: string;
  /** The library's folder relative to repoDir (`.` for the whole repository). Only commits touching it count. */
  path: string;
  tagPrefix: string;
  /** Prerelease channel (`rc`, `beta`); undefined for a stable release. */
  channel?: string;
  rules: BumpRules;
  /** Merge commits with a conventional subject count (default true, as semantic-release). */
  merges?: boolean;
  /**
   * npm workspaces: siblings whose package.json depends on this library get the range moved to the
   * new version in a `fix(deps)` commit pushed with the release, so their own release step (next
   * in the same job) releases them as a patch — changesets' and release-please's node-workspace behaviour.
   */
  workspaceDependents?: boolean;
  /** CHANGELOG file relative to repoDir; undefined = none. */
  changelogFile?: string;
  /** Version files relative to repoDir. npm lockfiles beside a package.json (and the root one of a workspace) follow it. */
  versionFiles: readonly string[];
  publisher: Publisher;
  /** npm dist-tag; default `latest`, the channel for prereleases, `release-<major>.x` below the current `latest`. */
  distTag?: string;
  links?: RepositoryLinks;
  /** Library name for messages and notifications. */
  name: string;
  git: ReleaseGitOptions;
  forge?: { releases: ReleaseForge; repository: string };
  /** YYYY-MM-DD for the changelog; today (UTC) by default. */
  date?: string;
  log: Log;
}

export interface FileChange {
  /** Relative to repoDir. */
  file: string;
  before: string | undefined;
  after: string;
}

export type Step = 'todo' | 'done' | 'skip';

export interface ReleasePlan {
  /** `release`: a new version; `resume`: finish the latest tag's release; `none`: nothing left to do. */
  action: 'release' | 'resume' | 'none';
  reason: string;
  version?: string;
  previousVersion?: string;
  tag?: string;
  previousTag?: string;
  releaseType?: ReleaseType;
  prerelease: boolean;
  distTag: string;
  commits: ConventionalCommit[];
  notes: string;
  fileChanges: FileChange[];
  /** Workspace siblings' manifests (and the root lockfile) moved to the new version: the `fix(deps)` commit before the release commit. */
  dependentChanges: FileChange[];
  /** What the dependents' change does, one line per sibling. */
  dependents: string[];
  steps: { publish: Step; commitAndTag: Step; push: Step; forgeRelease: Step };
  /** What the registry already holds of the version (verified to be this release's), if anything. */
  registry?: RegistryEntry;
  /** PyPI: distribution files of a partly uploaded release still to upload. */
  missingFiles?: string[];
  /** The branch pushed to (with a remote). */
  branch?: string;
  /** HEAD when planned. */
  head: string;
  /** The branch is pushed with the tag: HEAD is this stage's release commit not yet on the remote. */
  pushBranch: boolean;
  /** What was proven before anything is published (push access, credentials, …), for the plan. */
  checks: string[];
}

export interface ReleaseResult {
  plan: ReleasePlan;
  released: boolean;
  published: boolean;
  tagged: boolean;
  commitSha?: string;
  releaseUrl?: string;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function currentBranch(git: Git, options: ReleaseOptions): Promise<string> {
  if (options.git.branch) return options.git.branch;
  const branch = await git.currentBranch();
  if (!branch) throw new AegisError("HEAD is detached: set the 'branch' input to the branch the release commit is pushed to.");
  return branch;
}

async function remoteHasTag(git: Git, remote: string, tag: string): Promise<boolean> {
  return mustSucceed(await git.remoteRefs(remote, [`refs/tags/${tag}`], 'tags')).refs.length > 0;
}

/** The commit a tag points at (annotated tags peeled). */
async function tagCommitOf(git: Git, tag: string): Promise<string> {
  const commit = await git.resolveCommit(`refs/tags/${tag}`);
  if (!commit) throw new AegisError(`Tag ${tag} does not point at a commit.`);
  return commit;
}

async function forgeStep(options: ReleaseOptions, tag: string): Promise<Step> {
  if (!options.forge) return 'skip';
  return (await options.forge.releases.findRelease(options.forge.repository, tag)) ? 'done' : 'todo';
}

function readText(repoDir: string, file: string): string | undefined {
  const path = join(repoDir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** npm lockfiles that record the library's version: beside its package.json, and the workspace root's entry for it. */
function lockfileChanges(options: ReleaseOptions, version: string): FileChange[] {
  if (!options.versionFiles.some((file) => versionFileKind(file) === 'package.json')) return [];
  const changes: FileChange[] = [];
  const candidates: Array<[file: string, key: string]> = LOCKFILES.map((name) => [
    options.path === '.' ? name : join(options.path, name),
    '',
  ]);
  if (options.path !== '.') candidates.push(...LOCKFILES.map((name): [string, string] => [name, options.path]));
  for (const [file, key] of candidates) {
    const before = readText(options.repoDir, file);
    if (before === undefined) continue;
    const after = setLockfileVersion(file, before, key, version);
    if (after !== undefined && after !== before) changes.push({ file, before, after });
  }
  return changes;
}

/** Version files, lockfiles and changelog as they would be after the release; files already right are left out. */
function plannedChanges(options: ReleaseOptions, version: string, notes: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const file of options.versionFiles) {
    const before = readText(options.repoDir, file);
    if (before === undefined) throw new FileError(file, 'version file does not exist');
    const after = setVersion(file, before, version);
    if (after !== before) changes.push({ file, before, after });
  }
  changes.push(...lockfileChanges(options, version));
  if (options.changelogFile) {
    const before = readText(options.repoDir, options.changelogFile);
    const after = prependChangelog(before, version, notes);
    if (after !== before) changes.push({ file: options.changelogFile, before, after });
  }
  return changes;
}

/**
 * With `workspaceDependents`, the siblings' manifests moved to `version` and, when one changes, the
 * root lockfile with them (its entry for this library included): those go in the `fix(deps)` commit.
 */
async function withDependents(
  options: ReleaseOptions,
  git: Git,
  version: string,
  changes: FileChange[],
): Promise<{ fileChanges: FileChange[]; dependentChanges: FileChange[]; dependents: string[] }> {
  const manifest = options.versionFiles.find((file) => versionFileKind(file) === 'package.json');
  const none = { fileChanges: changes, dependentChanges: [], dependents: [] };
  if (!options.workspaceDependents || !manifest || options.path === '.') return none;
  const name = (JSON.parse(readText(options.repoDir, manifest) ?? '{}') as { name?: string }).name;
  if (!name) return none;
  const dependentChanges: FileChange[] = [];
  const dependents: string[] = [];
  const dirs: string[] = [];
  for (const sibling of await workspacePackages(git, readText(options.repoDir, 'package.json'))) {
    if (sibling.dir === options.path) continue;
    const before = readText(options.repoDir, sibling.manifest) as string;
    const { text, bumped } = bumpDependency(sibling.manifest, before, name, version);
    if (bumped.length === 0) continue;
    dependentChanges.push({ file: sibling.manifest, before, after: text });
    dependents.push(`${sibling.dir}: ${bumped.join(', ')}`);
    dirs.push(sibling.dir);
  }
  if (dependentChanges.length === 0) return none;
  const lockfile = readText(options.repoDir, 'package-lock.json');
  if (lockfile === undefined) return { fileChanges: changes, dependentChanges, dependents };
  const planned = changes.find((change) => change.file === 'package-lock.json');
  const after = bumpLockfileDependents('package-lock.json', planned?.after ?? lockfile, dirs, name, version);
  dependentChanges.push({ file: 'package-lock.json', before: lockfile, after });
  return { fileChanges: changes.filter((change) => change !== planned), dependentChanges, dependents };
}

function firstVersion(options: ReleaseOptions, type: ReleaseType): string {
  for (const file of options.versionFiles) {
    const text = readText(options.repoDir, file);
    const declared = text === undefined ? undefined : strictVersion(readVersion(file, text));
    if (declared && declared !== '0.0.0' && !semver.prerelease(declared)) return declared;
  }
  return applyBump('0.0.0', type, options.rules);
}

function releaseAsOf(commits: readonly ConventionalCommit[], previous: string | undefined): string | undefined {
  const carrier = commits.find((commit) => commit.releaseAs !== undefined);
  if (!carrier) return undefined;
  const value = carrier.releaseAs as string;
  const version = strictVersion(value);
  const where = `commit ${carrier.hash.slice(0, 12)} ("${carrier.header}")`;
  if (!version) throw new AegisError(`Release-As: ${JSON.stringify(value)} in ${where} is not a semantic version such as 2.0.0.`);
  if (previous && !semver.gt(version, previous)) {
    throw new AegisError(`Release-As: ${version} in ${where} is not greater than the last release ${previous}.`);
  }
  return version;
}

function notesFor(
  options: ReleaseOptions,
  version: string,
  tag: string,
  previousTag: string | undefined,
  commits: ConventionalCommit[],
): string {
  return renderReleaseNotes({ version, tag, previousTag, commits, date: options.date ?? today(), links: options.links });
}

/** The release before `latest` on its line: the previous stable for a stable tag, the previous tag otherwise. */
function previousOf(tags: readonly ReleaseTag[], latest: ReleaseTag): ReleaseTag | undefined {
  const older = tags.filter((tag) => semver.lt(tag.version, latest.version));
  return semver.prerelease(latest.version) ? older[0] : older.find((tag) => !semver.prerelease(tag.version));
}

/**
 * The dist-tag: the input when given, the channel for a prerelease, and for a version below the
 * registry's current `latest` the maintenance tag `release-<major>.x` (what semantic-release's npm
 * plugin uses for a `1.x` branch), so a maintenance release never moves `latest` back.
 */
async function distTagFor(options: ReleaseOptions, version: string): Promise<string> {
  if (options.distTag) return options.distTag;
  const pre = semver.prerelease(version);
  if (pre) return options.channel ?? String(pre[0] ?? 'next');
  const latest = options.publisher.kind === 'npm' ? (await options.publisher.distTags()).latest : undefined;
  return latest && semver.valid(latest) && semver.lt(version, latest) ? `release-${semver.major(version)}.x` : 'latest';
}

/** A registry entry that was not built from `commit` stops the release: what is published must be what the tag says. */
function mismatch(options: ReleaseOptions, version: string, tag: string, holds: string, tagPointsAt: string): AegisError {
  return new AegisError(
    `${options.publisher.describe()}: the registry already holds ${version} ${holds}, but ${tag} would point at ${tagPointsAt}. Not tagging or publishing: the registry and the tag would disagree. Release a new version (a fix commit or Release-As), or deprecate the stray ${version}.`,
  );
}

/**
 * Whether the registry's `version` is this release's: npm's `gitHead` must be the commit being
 * tagged (`commit`; undefined when the release commit is yet to be made, so nothing on the
 * registry can be it). Returns the publish step; throws on a mismatch.
 */
function verifyNpmEntry(options: ReleaseOptions, entry: RegistryEntry, tag: string, commit: string | undefined): Step {
  const target = commit ? `commit ${commit.slice(0, 12)}` : 'a release commit this run has yet to make';
  if (!entry.gitHead) {
    if (!commit) throw mismatch(options, entry.version, tag, '(published without a gitHead)', target);
    options.log.warning(
      `${entry.version} on the registry has no gitHead, so it cannot be told whether it was built from ${target}; trusting the version.`,
    );
    return 'done';
  }
  if (entry.gitHead !== commit) {
    throw mismatch(options, entry.version, tag, `built from commit ${entry.gitHead.slice(0, 12)} (its gitHead)`, target);
  }
  return 'done';
}

/**
 * A local clone of the tag (HEAD detached at it): what the tag says and nothing else. A clone,
 * not a worktree, because npm reads `gitHead` from `.git/HEAD`, which a worktree does not have.
 */
async function withCheckoutOf<T>(options: ReleaseOptions, tag: string, use: (dir: string) => Promise<T>): Promise<T> {
  return withPrivateDir(tmpdir(), 'aegis-release-', async (dir) => {
    mustSucceed(await new Git(dir).clone(options.repoDir, { branch: tag }));
    return use(join(dir, options.path));
  });
}

/** Finishing a release whose tag exists: push branch and tag, publish, create the forge release — whichever is missing. */
async function resumePlan(
  options: ReleaseOptions,
  git: Git,
  context: PlanContext,
  tags: ReleaseTag[],
  latest: ReleaseTag,
): Promise<ReleasePlan | undefined> {
  const tagCommit = await tagCommitOf(git, latest.tag);
  const entry = await options.publisher.lookup(latest.version);
  let publish: Step = entry === 'unknown' ? 'skip' : 'todo';
  let missingFiles: string[] | undefined;
  const registry = entry === 'unknown' ? undefined : entry;
  if (registry && options.publisher.missingFiles) {
    // PyPI keeps every file of a release separately: it is complete only when each file this tag builds is there, byte for byte.
    const missingOf = options.publisher.missingFiles.bind(options.publisher);
    missingFiles = await withCheckoutOf(options, latest.tag, (dir) => missingOf(latest.version, dir, registry));
    publish = missingFiles.length > 0 ? 'todo' : 'done';
  }
  const remote = options.git.remote;
  const tagMissing = remote ? !(await remoteHasTag(git, remote, latest.tag)) : false;
  if (registry && !options.publisher.missingFiles) {
    try {
      publish = options.publisher.kind === 'npm' ? verifyNpmEntry(options, registry, latest.tag, tagCommit) : 'done';
    } catch (error) {
      // Pushing a tag that disagrees with the registry is refused; a pushed one already disagrees, and
      // stopping every later release would not change that: it is reported and the line goes on.
      if (tagMissing || !remote) throw error;
      options.log.warning((error as Error).message);
      publish = 'done';
    }
  }
  // An unpushed release commit is this tag's only when the tag is on it; one without its tag (an older run) is the release path's.
  const pushBranch = context.pushBranch && tagCommit === context.head;
  const steps = {
    publish,
    commitAndTag: 'done' as Step,
    push: tagMissing || pushBranch ? ('todo' as Step) : remote ? 'done' : 'skip',
    forgeRelease: await forgeStep(options, latest.tag),
  } satisfies ReleasePlan['steps'];
  if (steps.publish !== 'todo' && steps.push !== 'todo' && steps.forgeRelease !== 'todo') return undefined;
  const previous = previousOf(tags, latest);
  const commits = await commitsSince(git, previous?.tag, options.path, latest.tag, { merges: options.merges ?? true });
  const prerelease = semver.prerelease(latest.version) !== null;
  const missing = [
    steps.publish === 'todo' && (missingFiles?.length ? `files not uploaded: ${missingFiles.join(', ')}` : 'package not published'),
    tagMissing && 'tag not pushed',
    pushBranch && 'release commit not pushed',
    steps.forgeRelease === 'todo' && 'no forge release',
  ]
    .filter(Boolean)
    .join(', ');
  const plan: ReleasePlan = {
    action: 'resume',
    reason: `tag ${latest.tag} exists but the release is unfinished (${missing})`,
    version: latest.version,
    previousVersion: previous?.version,
    tag: latest.tag,
    previousTag: previous?.tag,
    prerelease,
    distTag: await distTagFor(options, latest.version),
    commits,
    notes: notesFor(options, latest.version, latest.tag, previous?.tag, commits),
    fileChanges: [],
    dependentChanges: [],
    dependents: [],
    steps,
    registry,
    missingFiles,
    branch: context.branch,
    head: context.head,
    pushBranch,
    checks: [...context.checks],
  };
  await proveAccess(options, git, plan);
  return plan;
}

function nothing(reason: string, options: ReleaseOptions, context: PlanContext, latest?: ReleaseTag): ReleasePlan {
  return {
    action: 'none',
    reason,
    previousVersion: latest?.version,
    previousTag: latest?.tag,
    prerelease: Boolean(options.channel),
    distTag: options.distTag ?? options.channel ?? 'latest',
    commits: [],
    notes: '',
    fileChanges: [],
    dependentChanges: [],
    dependents: [],
    steps: { publish: 'skip', commitAndTag: 'skip', push: 'skip', forgeRelease: 'skip' },
    branch: context.branch,
    head: context.head,
    pushBranch: false,
    checks: [...context.checks],
  };
}

interface PlanContext {
  head: string;
  branch?: string;
  pushBranch: boolean;
  checks: string[];
}

/** The refs a plan pushes, in one atomic push. */
function pushRefspecs(plan: ReleasePlan, tagExists: boolean): string[] {
  const tag = plan.tag as string;
  const refs: string[] = [];
  if (plan.action === 'release' || plan.pushBranch) refs.push(`HEAD:refs/heads/${plan.branch}`);
  refs.push(tagExists ? `refs/tags/${tag}` : `HEAD:refs/tags/${tag}`);
  return refs;
}

/** Push access (git push --dry-run of the same refs) and registry credentials, before anything is published. */
async function proveAccess(options: ReleaseOptions, git: Git, plan: ReleasePlan): Promise<void> {
  const remote = options.git.remote;
  if (remote && plan.steps.push === 'todo') {
    const refs = pushRefspecs(plan, plan.action === 'resume');
    await provePushAccess(git, remote, refs);
    plan.checks.push(`push access: git push --dry-run --atomic ${refs.join(' ')}`);
  }
  if (plan.steps.publish === 'todo') plan.checks.push(`registry: ${await options.publisher.verifyAccess()}`);
}

/**
 * Works out what this run must do, reading git, the registry and the forge but changing
 * nothing in the checkout. Names are validated and the checkout must be the remote branch's
 * tip; push access and registry credentials are proven — so a dry run runs every check.
 * Unfinished work on the latest tag comes first; otherwise the commits since the last release
 * decide the next version.
 */
export async function planRelease(options: ReleaseOptions): Promise<ReleasePlan> {
  const git = new Git(options.repoDir, options.git.env);
  if (await isUnborn(git)) throw new AegisError(`${options.repoDir} has no commits yet: there is nothing to release.`);
  validateRefName('tag', `${options.tagPrefix}0.0.0`, 'tag-prefix', options.tagPrefix);
  const remote = options.git.remote;
  const branch = remote || options.git.branch ? await currentBranch(git, options) : undefined;
  if (branch) validateRefName('branch', branch, 'branch');
  const dirty = await dirtyFiles(git);
  if (dirty.length > 0) {
    throw new AegisError(
      `The working tree has uncommitted changes (${dirty.slice(0, 5).join('; ')}${dirty.length > 5 ? '; …' : ''}): release from a clean checkout, so what is published is what is tagged.`,
    );
  }
  const head = await git.head();
  const context: PlanContext = { head, branch, pushBranch: false, checks: [] };
  if (remote && branch) {
    await fetchBranchAndTags(git, remote, branch);
    const base = await checkReleaseBase(git, remote, branch, head);
    context.pushBranch = base === 'own-release-commit';
    context.checks.push(
      base === 'tip'
        ? `checkout is ${remote} ${branch}'s tip (${head.slice(0, 12)})`
        : `checkout is this stage's unpushed release commit on ${remote} ${branch}'s tip`,
    );
  }
  if (!(await git.lastCommitTouching(options.path))) {
    throw new AegisError(`No commit touches path '${options.path}': there is nothing to release (check the 'path' input).`);
  }
  const history = { merges: options.merges ?? true };

  const tags = await releaseTags(git, options.tagPrefix, true);
  const latest = tags[0];
  if (latest) {
    const resume = await resumePlan(options, git, context, tags, latest);
    if (resume) return resume;
  }

  const stable = tags.find((tag) => !semver.prerelease(tag.version));
  const sinceStable = await commitsSince(git, stable?.tag, options.path, 'HEAD', history);
  const onChannel = Boolean(options.channel && latest && latest !== stable && semver.prerelease(latest.version)?.[0] === options.channel);
  const sinceLatest = onChannel && latest ? await commitsSince(git, latest.tag, options.path, 'HEAD', history) : sinceStable;
  if (sinceLatest.length === 0) return nothing(`no commits touch '${options.path}' since ${latest?.tag}`, options, context, latest);

  // A Release-As already released (say 2.0.0-beta.1, still "since the last stable") is spent.
  const requested = releaseAsOf(sinceStable, stable?.version);
  const releaseAs = requested && latest && semver.lte(requested, latest.version) ? undefined : requested;
  const releaseType = releaseTypeOf(sinceStable, options.rules);
  if (!releaseAs && !releaseType) {
    return nothing(
      `no releasable commits since ${stable?.tag ?? 'the first commit'} (only types outside the bump rules, or reverted within the range)`,
      options,
      context,
      latest,
    );
  }
  if (onChannel && !releaseAs && releaseTypeOf(sinceLatest, options.rules) === undefined) {
    return nothing(`no releasable commits since ${latest?.tag}`, options, context, latest);
  }
  const type = releaseType ?? 'patch';
  let target = releaseAs ?? (stable ? applyBump(stable.version, type, options.rules) : firstVersion(options, type));
  // A prerelease line already ahead of the bump (2.0.0-beta.1 over 1.1.0) is continued, not undercut.
  if (latest && semver.prerelease(latest.version) && semver.lt(target, latest.version)) {
    const line = semver.parse(latest.version) as semver.SemVer;
    target = `${line.major}.${line.minor}.${line.patch}`;
  }
  const allTags = await releaseTags(git, options.tagPrefix, false);
  const version =
    options.channel && !semver.prerelease(target)
      ? nextPrerelease(
          target,
          options.channel,
          allTags.map((tag) => tag.version),
        )
      : target;
  const tag = `${options.tagPrefix}${version}`;
  validateRefName('tag', tag, 'tag-prefix', options.tagPrefix);
  if (allTags.some((existing) => existing.tag === tag)) {
    throw new AegisError(
      `Tag ${tag} already exists but is not reachable from HEAD: was it made on another branch? Move or delete it, or use Release-As.`,
    );
  }
  const prerelease = semver.prerelease(version) !== null;
  const previous = prerelease && latest && semver.lt(latest.version, version) ? latest : stable;
  const notesCommits = previous === latest && latest !== stable ? sinceLatest : sinceStable;
  const notes = notesFor(options, version, tag, previous?.tag, notesCommits);
  const { fileChanges, dependentChanges, dependents } = await withDependents(
    options,
    git,
    version,
    plannedChanges(options, version, notes),
  );
  const entry = await options.publisher.lookup(version);
  const registry = entry === 'unknown' ? undefined : entry;
  let publish: Step = options.publisher.kind === 'none' ? 'skip' : 'todo';
  if (registry) {
    // With no tag yet, only an artifact of exactly the commit about to be tagged (HEAD, when no file changes) can be this release.
    const commit = fileChanges.length === 0 ? head : undefined;
    if (options.publisher.kind === 'npm') publish = verifyNpmEntry(options, registry, tag, commit);
    else if (options.publisher.kind === 'pypi') {
      throw mismatch(
        options,
        version,
        tag,
        `(${(registry.files ?? []).map((file) => file.filename).join(', ') || 'no files'}) without a tag ${tag} in this repository`,
        commit ? `commit ${commit.slice(0, 12)}` : 'a release commit this run has yet to make',
      );
    } else publish = 'done';
  }
  const plan: ReleasePlan = {
    action: 'release',
    reason: releaseAs
      ? `Release-As: ${releaseAs}`
      : `${type} release from ${sinceStable.length} commit(s) since ${stable?.tag ?? 'the first commit'}`,
    version,
    previousVersion: previous?.version,
    tag,
    previousTag: previous?.tag,
    releaseType: releaseAs ? undefined : type,
    prerelease,
    distTag: await distTagFor(options, version),
    commits: notesCommits,
    notes,
    fileChanges,
    dependentChanges,
    dependents,
    steps: {
      publish,
      commitAndTag: 'todo',
      push: remote ? 'todo' : 'skip',
      forgeRelease: options.forge ? 'todo' : 'skip',
    },
    registry,
    branch,
    head,
    pushBranch: Boolean(remote),
    checks: [...context.checks],
  };
  await proveAccess(options, git, plan);
  return plan;
}

/** Pushes branch and tag in one atomic push: the remote gets both or neither. */
async function pushAtomically(
  options: ReleaseOptions,
  git: Git,
  refs: readonly string[],
): Promise<{ ok: boolean; detail: string; race: boolean }> {
  const pushed = await git.push(options.git.remote as string, refs, { atomic: true, porcelain: true });
  return {
    ok: pushed.exitCode === 0,
    detail: pushSummary(pushed.stdout, pushed.stderr),
    race: isRaceRejection(`${pushed.stdout}\n${pushed.stderr}`),
  };
}

async function createForgeRelease(options: ReleaseOptions, plan: ReleasePlan): Promise<string | undefined> {
  if (!options.forge || plan.steps.forgeRelease !== 'todo') return undefined;
  const tag = plan.tag as string;
  const existing = await options.forge.releases.findRelease(options.forge.repository, tag);
  if (existing) return existing;
  return options.forge.releases.createRelease({
    repository: options.forge.repository,
    tag,
    name: options.name && options.name !== tag ? `${options.name} ${plan.version}` : tag,
    notes: plan.notes,
    prerelease: plan.prerelease,
  });
}

function publishFailed(tag: string, version: string, error: unknown): AegisError {
  return new AegisError(
    `${tag} is pushed but publishing ${version} failed: ${(error as Error).message} Rerun the release: it resumes from the tag and publishes what the tag says.`,
  );
}

/**
 * Carries out a plan in semantic-release's order, which keeps the registry and the tags in step:
 * commit and tag, push branch and tag atomically (a branch that moved on rejects both, and
 * nothing has been published), then publish what the tag says, then the forge release. A push
 * that fails leaves the checkout as it was; a publish that fails leaves a pushed tag that the
 * next run resumes from.
 */
export async function executeRelease(options: ReleaseOptions, plan: ReleasePlan): Promise<ReleaseResult> {
  const result: ReleaseResult = { plan, released: false, published: false, tagged: false };
  if (plan.action === 'none') return result;
  const git = new Git(options.repoDir, options.git.env);
  const tag = plan.tag as string;
  const version = plan.version as string;
  const { log } = options;
  const remote = options.git.remote;

  if (plan.action === 'resume') {
    if (plan.steps.push === 'todo' && remote) {
      const refs = pushRefspecs(plan, true);
      const pushed = await pushAtomically(options, git, refs);
      if (!pushed.ok) {
        throw new AegisError(
          `Pushing ${refs.join(' ')} to ${remote} failed (${pushed.detail})${pushed.race ? ': the branch moved on; rerun on the new tip' : ''}. Nothing was published.`,
        );
      }
      result.tagged = true;
    }
    if (plan.steps.publish === 'todo') {
      try {
        await log.group(`Publish ${tag} (resumed from the tag)`, () =>
          withCheckoutOf(options, tag, (dir) =>
            options.publisher.publish(version, dir, { tag, distTag: plan.distTag, existing: plan.registry }),
          ),
        );
      } catch (error) {
        throw publishFailed(tag, version, error);
      }
      result.published = true;
    }
  } else {
    try {
      const trailers = [{ key: TRAILER.stage, value: 'release' }, { key: RELEASE_TRAILER, value: tag }, ...(options.git.trailers ?? [])];
      if (plan.dependentChanges.length > 0) {
        for (const change of plan.dependentChanges) writeFileAtomic(join(options.repoDir, change.file), change.after);
        await git.add(plan.dependentChanges.map((change) => change.file));
        await git.commit(buildCommitMessage(`fix(deps): update ${options.name} to ${version}`, '', trailers), options.git.author);
      }
      for (const change of plan.fileChanges) writeFileAtomic(join(options.repoDir, change.file), change.after);
      if (plan.fileChanges.length > 0) {
        await git.add(plan.fileChanges.map((change) => change.file));
        const subject = renderTemplate(options.git.commitMessage, { tag, version, name: options.name });
        result.commitSha = await git.commit(buildCommitMessage(subject, '', trailers), options.git.author);
      }
      await git.tag(tag, plan.notes, options.git.author);
    } catch (error) {
      await undoLocal(git, plan, tag);
      throw error;
    }
    result.tagged = true;
    if (remote) {
      const pushed = await pushAtomically(options, git, pushRefspecs(plan, true));
      if (!pushed.ok) {
        await undoLocal(git, plan, tag);
        throw new AegisError(
          pushed.race
            ? `${remote} ${plan.branch} moved on while ${tag} was being made (${pushed.detail}): the branch moved on; rerun on the new tip. Nothing was published or pushed.`
            : `Pushing ${plan.branch} and ${tag} to ${remote} failed (${pushed.detail}). Nothing was published or pushed; the checkout is as it was.`,
        );
      }
    }
    if (plan.steps.publish === 'todo') {
      try {
        await log.group(`Publish ${options.publisher.describe()} ${version}`, () =>
          options.publisher.publish(version, join(options.repoDir, options.path), { tag, distTag: plan.distTag, existing: plan.registry }),
        );
      } catch (error) {
        if (!remote) throw error;
        throw publishFailed(tag, version, error);
      }
      result.published = true;
    } else if (plan.steps.publish === 'done') {
      log.info(`${version} is already published from this commit; not publishing it again.`);
    }
  }
  result.releaseUrl = await createForgeRelease(options, plan);
  result.released = true;
  return result;
}

/** Back to the checkout as planned: the tag and the release commit go, the files are as they were. */
async function undoLocal(git: Git, plan: ReleasePlan, tag: string): Promise<void> {
  await git.deleteTag(tag);
  await git.resetHard(plan.head);
}

/** Markdown table of a plan, for the log and the job summary. */
export function renderPlan(plan: ReleasePlan, publisher: Publisher): string {
  const rows: Array<[string, Cell]> = [
    ['action', plan.action],
    ['reason', plan.reason],
    ['version', plan.version ?? '—'],
    ['previous version', plan.previousVersion ?? '—'],
    ['tag', plan.tag ?? '—'],
    [
      'publish',
      `${plan.steps.publish}: ${publisher.describe()}${plan.steps.publish === 'todo' && publisher.kind === 'npm' ? ` (dist-tag ${plan.distTag})` : ''}${plan.missingFiles?.length ? ` (missing: ${plan.missingFiles.join(', ')})` : ''}`,
    ],
    ['files', plan.fileChanges.length > 0 ? markup(plan.fileChanges.map((change) => code(change.file).text).join(', ')) : '—'],
    ...(plan.dependents.length > 0 ? [['workspace dependents (fix(deps) commit)', plan.dependents.join('; ')] as [string, Cell]] : []),
    ['commit + tag', plan.steps.commitAndTag],
    [
      'push',
      `${plan.steps.push}${plan.steps.push === 'todo' && plan.branch ? ` (atomic: ${plan.action === 'release' || plan.pushBranch ? `${plan.branch} + ` : ''}${plan.tag})` : ''}`,
    ],
    ['forge release', plan.steps.forgeRelease],
    ['checks passed', plan.checks.join('; ') || '—'],
  ];
  return `${markdownTable(['step', 'value'], rows)}\n`;
}
