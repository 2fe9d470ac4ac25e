import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { AegisError, FileError } from '../errors.js';
import { writeFileAtomic } from '../git/atomic.js';
import { Git, type Identity, mustSucceed } from '../git/git.js';
import { buildCommitMessage, renderTemplate, TRAILER } from '../gitops/commit-message.js';
import type { Log } from '../log.js';
import { applyBump, type BumpRules, nextPrerelease, type ReleaseType, releaseTypeOf, strictVersion } from './bump.js';
import { prependChangelog, type RepositoryLinks, renderReleaseNotes } from './changelog.js';
import type { ConventionalCommit } from './commits.js';
import type { ReleaseForge } from './forge-release.js';
import { commitsSince, dirtyFiles, isUnborn, type ReleaseTag, releaseTags } from './history.js';
import type { Publisher } from './publish/publisher.js';
import { readVersion, setVersion } from './version-files.js';

/** Trailer naming the tag a release commit belongs to. */
export const RELEASE_TRAILER = 'Aegis-Release';

export interface ReleaseGitOptions {
  /** Remote to fetch tags from and push to; undefined = local only (no push). */
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
  /** CHANGELOG file relative to repoDir; undefined = none. */
  changelogFile?: string;
  /** Version files relative to repoDir. */
  versionFiles: readonly string[];
  publisher: Publisher;
  /** npm dist-tag; defaults to `latest`, or the channel for prereleases. */
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
  steps: { publish: Step; commitAndTag: Step; push: Step; forgeRelease: Step };
  /** What the registry said about the version (undefined: cannot tell). */
  published?: boolean;
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

async function branchOf(git: Git, options: ReleaseOptions): Promise<string> {
  if (options.git.branch) return options.git.branch;
  const branch = await git.currentBranch();
  if (!branch) throw new AegisError("HEAD is detached: set the 'branch' input to the branch the release commit is pushed to.");
  return branch;
}

async function remoteHasTag(git: Git, options: ReleaseOptions, tag: string): Promise<boolean> {
  if (!options.git.remote) return true;
  return mustSucceed(await git.remoteRefs(options.git.remote, [`refs/tags/${tag}`], 'tags')).refs.length > 0;
}

async function forgeStep(options: ReleaseOptions, tag: string): Promise<Step> {
  if (!options.forge) return 'skip';
  return (await options.forge.releases.findRelease(options.forge.repository, tag)) ? 'done' : 'todo';
}

function publishStep(publisher: Publisher, published: boolean | undefined): Step {
  if (publisher.kind === 'none') return 'skip';
  return published === true ? 'done' : 'todo';
}

function readText(repoDir: string, file: string): string | undefined {
  const path = join(repoDir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Version files and changelog as they would be after the release; files already right are left out. */
function plannedChanges(options: ReleaseOptions, version: string, notes: string): FileChange[] {
  const changes: FileChange[] = [];
  for (const file of options.versionFiles) {
    const before = readText(options.repoDir, file);
    if (before === undefined) throw new FileError(file, 'version file does not exist');
    const after = setVersion(file, before, version);
    if (after !== before) changes.push({ file, before, after });
  }
  if (options.changelogFile) {
    const before = readText(options.repoDir, options.changelogFile);
    const after = prependChangelog(before, version, notes);
    if (after !== before) changes.push({ file: options.changelogFile, before, after });
  }
  return changes;
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

/** Finishing a release whose tag exists: publish it, push the tag, create the forge release — whichever is missing. */
async function resumePlan(options: ReleaseOptions, git: Git, tags: ReleaseTag[], latest: ReleaseTag): Promise<ReleasePlan | undefined> {
  const published = options.publisher.kind === 'none' ? undefined : await options.publisher.isPublished(latest.version);
  const steps = {
    publish: published === false ? ('todo' as Step) : 'skip',
    commitAndTag: 'done' as Step,
    push: (await remoteHasTag(git, options, latest.tag)) ? ('done' as Step) : 'todo',
    forgeRelease: await forgeStep(options, latest.tag),
  } satisfies ReleasePlan['steps'];
  if (steps.publish !== 'todo' && steps.push !== 'todo' && steps.forgeRelease !== 'todo') return undefined;
  const previous = previousOf(tags, latest);
  const commits = await commitsSince(git, previous?.tag, options.path, latest.tag);
  const prerelease = semver.prerelease(latest.version) !== null;
  const missing = [
    steps.publish === 'todo' && 'package not published',
    steps.push === 'todo' && 'tag not pushed',
    steps.forgeRelease === 'todo' && 'no forge release',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    action: 'resume',
    reason: `tag ${latest.tag} exists but the release is unfinished (${missing})`,
    version: latest.version,
    previousVersion: previous?.version,
    tag: latest.tag,
    previousTag: previous?.tag,
    prerelease,
    distTag: options.distTag ?? (prerelease ? String(semver.prerelease(latest.version)?.[0] ?? 'next') : 'latest'),
    commits,
    notes: notesFor(options, latest.version, latest.tag, previous?.tag, commits),
    fileChanges: [],
    steps,
    published,
  };
}

function nothing(reason: string, options: ReleaseOptions, latest?: ReleaseTag): ReleasePlan {
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
    steps: { publish: 'skip', commitAndTag: 'skip', push: 'skip', forgeRelease: 'skip' },
  };
}

/**
 * Works out what this run must do, reading git, the registry and the forge but changing
 * nothing. Unfinished work on the latest tag comes first; otherwise the commits since the
 * last release decide the next version.
 */
export async function planRelease(options: ReleaseOptions): Promise<ReleasePlan> {
  const git = new Git(options.repoDir, options.git.env);
  if (await isUnborn(git)) throw new AegisError(`${options.repoDir} has no commits yet: there is nothing to release.`);
  const dirty = await dirtyFiles(git);
  if (dirty.length > 0) {
    throw new AegisError(
      `The working tree has uncommitted changes (${dirty.slice(0, 5).join('; ')}${dirty.length > 5 ? '; …' : ''}): release from a clean checkout, so what is published is what is tagged.`,
    );
  }
  if (options.git.remote) {
    const fetched = await git.fetch(options.git.remote, [], { tags: true });
    if (!fetched.ok) options.log.warning(`Could not fetch tags from ${options.git.remote}: ${fetched.stderr.trim()}`);
  }
  if (!(await git.lastCommitTouching(options.path))) {
    throw new AegisError(`No commit touches path '${options.path}': there is nothing to release (check the 'path' input).`);
  }

  const tags = await releaseTags(git, options.tagPrefix, true);
  const latest = tags[0];
  if (latest) {
    const resume = await resumePlan(options, git, tags, latest);
    if (resume) return resume;
  }

  const stable = tags.find((tag) => !semver.prerelease(tag.version));
  const sinceStable = await commitsSince(git, stable?.tag, options.path);
  const onChannel = Boolean(options.channel && latest && latest !== stable && semver.prerelease(latest.version)?.[0] === options.channel);
  const sinceLatest = onChannel && latest ? await commitsSince(git, latest.tag, options.path) : sinceStable;
  if (sinceLatest.length === 0) return nothing(`no commits touch '${options.path}' since ${latest?.tag}`, options, latest);

  // A Release-As already released (say 2.0.0-beta.1, still "since the last stable") is spent.
  const requested = releaseAsOf(sinceStable, stable?.version);
  const releaseAs = requested && latest && semver.lte(requested, latest.version) ? undefined : requested;
  const releaseType = releaseTypeOf(sinceStable, options.rules);
  if (!releaseAs && !releaseType) {
    return nothing(`no releasable commits since ${stable?.tag ?? 'the first commit'} (only types outside the bump rules)`, options, latest);
  }
  if (onChannel && !releaseAs && releaseTypeOf(sinceLatest, options.rules) === undefined) {
    return nothing(`no releasable commits since ${latest?.tag}`, options, latest);
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
  if (allTags.some((existing) => existing.tag === tag)) {
    throw new AegisError(
      `Tag ${tag} already exists but is not reachable from HEAD: was it made on another branch? Move or delete it, or use Release-As.`,
    );
  }
  const prerelease = semver.prerelease(version) !== null;
  const previous = prerelease && latest && semver.lt(latest.version, version) ? latest : stable;
  const notesCommits = previous === latest && latest !== stable ? sinceLatest : sinceStable;
  const notes = notesFor(options, version, tag, previous?.tag, notesCommits);
  const published = options.publisher.kind === 'none' ? undefined : await options.publisher.isPublished(version);
  return {
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
    distTag: options.distTag ?? (prerelease ? (options.channel ?? 'next') : 'latest'),
    commits: notesCommits,
    notes,
    fileChanges: plannedChanges(options, version, notes),
    steps: {
      publish: publishStep(options.publisher, published),
      commitAndTag: 'todo',
      push: options.git.remote ? 'todo' : 'skip',
      forgeRelease: options.forge ? 'todo' : 'skip',
    },
    published,
  };
}

/** Publishes from a temporary worktree at the tag: the tagged content, not whatever HEAD is now. */
async function publishFromTag(options: ReleaseOptions, git: Git, plan: ReleasePlan): Promise<void> {
  const worktree = mkdtempSync(join(tmpdir(), 'aegis-release-'));
  try {
    await git.addWorktree(worktree, `refs/tags/${plan.tag}`);
    // A tag made without version files updated still publishes the tagged version.
    for (const file of options.versionFiles) {
      const path = join(worktree, file);
      if (existsSync(path)) writeFileAtomic(path, setVersion(file, readFileSync(path, 'utf8'), plan.version as string));
    }
    await options.publisher.publish(plan.version as string, join(worktree, options.path), {
      tag: plan.tag as string,
      distTag: plan.distTag,
    });
  } finally {
    await git.removeWorktree(worktree);
    rmSync(worktree, { recursive: true, force: true });
  }
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

/**
 * Carries out a plan in the order that keeps every failure resumable: publish, then commit
 * and tag, then push, then the forge release. A failed publish restores the files it wrote.
 */
export async function executeRelease(options: ReleaseOptions, plan: ReleasePlan): Promise<ReleaseResult> {
  const result: ReleaseResult = { plan, released: false, published: false, tagged: false };
  if (plan.action === 'none') return result;
  const git = new Git(options.repoDir, options.git.env);
  const tag = plan.tag as string;
  const version = plan.version as string;
  const { log } = options;

  if (plan.action === 'resume') {
    if (plan.steps.publish === 'todo') {
      await log.group(`Publish ${tag} (resumed from the tag)`, () => publishFromTag(options, git, plan));
      result.published = true;
    }
    if (plan.steps.push === 'todo' && options.git.remote) {
      mustSucceed(await git.push(options.git.remote, [`refs/tags/${tag}`]));
      result.tagged = true;
    }
  } else {
    for (const change of plan.fileChanges) writeFileAtomic(join(options.repoDir, change.file), change.after);
    if (plan.steps.publish === 'todo') {
      try {
        await log.group(`Publish ${options.publisher.describe()} ${version}`, () =>
          options.publisher.publish(version, join(options.repoDir, options.path), { tag, distTag: plan.distTag }),
        );
      } catch (error) {
        restore(options.repoDir, plan.fileChanges);
        throw error;
      }
      result.published = true;
    } else if (plan.steps.publish === 'done') {
      log.info(`${version} is already published; not publishing it again.`);
    }
    if (plan.fileChanges.length > 0) {
      await git.add(plan.fileChanges.map((change) => change.file));
      const subject = renderTemplate(options.git.commitMessage, { tag, version, name: options.name });
      const trailers = [{ key: TRAILER.stage, value: 'release' }, { key: RELEASE_TRAILER, value: tag }, ...(options.git.trailers ?? [])];
      result.commitSha = await git.commit(buildCommitMessage(subject, '', trailers), options.git.author);
    }
    await git.tag(tag, plan.notes, options.git.author);
    result.tagged = true;
    if (options.git.remote) {
      const branch = await branchOf(git, options);
      const refs = plan.fileChanges.length > 0 ? [`HEAD:refs/heads/${branch}`, `refs/tags/${tag}`] : [`refs/tags/${tag}`];
      const pushed = await git.push(options.git.remote, refs, { atomic: true });
      if (!pushed.ok) {
        await git.deleteTag(tag);
        throw new AegisError(
          `Pushing ${tag} to ${options.git.remote} failed${result.published ? ` after ${version} was published` : ''}: ${pushed.stderr.trim()}. Re-run on the current tip: the published version is detected and only the commit and tag are made.`,
        );
      }
    }
  }
  result.releaseUrl = await createForgeRelease(options, plan);
  result.released = true;
  return result;
}

function restore(repoDir: string, changes: readonly FileChange[]): void {
  for (const change of changes) {
    const path = join(repoDir, change.file);
    if (change.before === undefined) rmSync(path, { force: true });
    else writeFileAtomic(path, change.before);
  }
}

/** Markdown table of a plan, for the log and the job summary. */
export function renderPlan(plan: ReleasePlan, publisher: Publisher): string {
  const rows: Array<[string, string]> = [
    ['action', plan.action],
    ['reason', plan.reason],
    ['version', plan.version ?? '—'],
    ['previous version', plan.previousVersion ?? '—'],
    ['tag', plan.tag ?? '—'],
    ['publish', `${plan.steps.publish}: ${publisher.describe()}${plan.steps.publish === 'todo' ? ` (dist-tag ${plan.distTag})` : ''}`],
    ['files', plan.fileChanges.map((change) => `\`${change.file}\``).join(', ') || '—'],
    ['commit + tag', plan.steps.commitAndTag],
    ['push', plan.steps.push],
    ['forge release', plan.steps.forgeRelease],
  ];
  return `| step | value |\n|---|---|\n${rows.map(([key, value]) => `| ${key} | ${value.replace(/\|/g, '\\|')} |`).join('\n')}\n`;
}
