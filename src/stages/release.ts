import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assertCredentialUrl } from '../core/credential-scope.js';
import { InputError } from '../core/errors.js';
import { forgeProjectPath } from '../core/git/remote.js';
import { TRAILER } from '../core/gitops/commit-message.js';
import { resolveInside } from '../core/paths.js';
import { parseBumpRules } from '../core/release/bump.js';
import { browsableUrl, type RepositoryLinks } from '../core/release/changelog.js';
import { type Dependent, type NotificationResult, notifyDependents, parseDependents } from '../core/release/dependents.js';
import { libraryName } from '../core/release/package.js';
import { parseArgv } from '../core/release/publish/command.js';
import { createPublisher, PUBLISH_TARGETS, type PublishTarget } from '../core/release/publish/select.js';
import { executeRelease, planRelease, type ReleaseOptions, type ReleasePlan, renderPlan } from '../core/release/release.js';
import { releaseRemote } from '../core/release/remote.js';
import { forgeKindFor } from '../platform/conventions.js';
import type { Forge, Platform, PlatformName } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import type { InputReader } from './inputs.js';

const CHANNEL = /^[a-z][a-z0-9-]*$/i;
const AUTHOR = { name: 'aegis-release', email: 'aegis-release@users.noreply.github.com' };

const inputs = {
  path: { description: 'Folder of the library, relative to the workspace; only commits touching it count.', default: '.' },
  'tag-prefix': { description: "Tag prefix; lets one repository hold several libraries (e.g. 'lib-a/v').", default: 'v' },
  prerelease: {
    description: "Prerelease channel (e.g. 'rc', 'beta'): releases 1.3.0-rc.1, rc.2, …; empty for a stable release.",
    default: '',
  },
  publish: { description: 'Where the package goes: npm, pypi, command or none.', default: 'none' },
  'registry-url': {
    description: 'Registry to publish to (npm registry URL, or twine upload URL); defaults to the public registry.',
    default: '',
  },
  token: { description: 'Registry token (npm auth token, PyPI API token); passed by environment, never on a command line.', secret: true },
  changelog: { description: "Changelog file relative to 'path', or 'false' for none.", default: 'CHANGELOG.md' },
  'dry-run': { description: 'Print the plan (version, notes, what would be published) and change nothing.', default: 'false' },
  'version-files': {
    description:
      "Files whose version is set (package.json, pyproject.toml, or a file with __version__ = '…'), relative to 'path'; default: package.json and pyproject.toml when present.",
    default: '',
  },
  'bump-rules': {
    description: 'YAML: {minor: [feat], patch: [fix, perf, revert], pre-major-breaking: minor|major, pre-major-feature: minor|patch}.',
    default: '',
  },
  'dist-tag': {
    description:
      "npm dist-tag; default 'latest', the prerelease channel for a prerelease, and 'release-<major>.x' for a version below the registry's current 'latest' (a maintenance release).",
    default: '',
  },
  'workspace-dependents': {
    description:
      "'true': npm workspace siblings that depend on this library get their range moved to the new version in a 'fix(deps)' commit pushed with the release, so their own release step later in the job releases them.",
    default: 'false',
  },
  'merge-commits': {
    description:
      "'true' counts merge commits whose subject is conventional (pull-request-title merges), as semantic-release does; 'false' ignores every merge commit.",
    default: 'true',
  },
  'publish-command': {
    description: "For publish: command, the argument list as a YAML/JSON array; '{version}' and '{tag}' are replaced.",
    default: '',
  },
  'check-command': {
    description:
      'For publish: command (required with it), an argument list that exits 0 when the version is already published; {version} and {tag} are filled in.',
    default: '',
  },
  'build-command': {
    description: 'Argument list run in the library folder before publishing (e.g. ["python3", "-m", "build"]).',
    default: '',
  },
  'pypi-check-url': {
    description: "PyPI JSON API base used to check for an existing version; derived from 'registry-url' by default.",
    default: '',
  },
  'forge-token': { description: 'GitHub/GitLab token: pushes the release commit and tag over https, creates the release.', secret: true },
  'repository-url': {
    description: "Repository web URL for changelog links and the forge release; default: the CI's repository, else 'origin'.",
    default: '',
  },
  remote: { description: "Git remote to push to; 'none' keeps the commit and tag local.", default: 'origin' },
  branch: {
    description: 'Branch the release commit is pushed to; default the checked-out branch (or the CI branch when detached).',
    default: '',
  },
  'commit-message': {
    description: "Release commit subject; '{tag}', '{version}', '{name}' are replaced.",
    default: 'chore(release): {tag} [skip ci]',
  },
  dependents: {
    description: "Repositories told about the release, one per line: 'github:owner/repo' or 'gitlab:group/project@ref'.",
    default: '',
  },
  'dependents-token': {
    description: 'Token for the dependents: a GitHub token (repository_dispatch) or a GitLab pipeline trigger token.',
    secret: true,
  },
} satisfies StageMetadata['inputs'];

const outputs = {
  released: { kind: 'boolean', description: "'true' when this run released (or finished releasing) a version." },
  version: { kind: 'text', description: 'The version released or planned.' },
  'previous-version': { kind: 'text', description: 'The version before it on the same line.' },
  tag: { kind: 'text', description: 'The release tag.' },
  notes: { kind: 'text', description: 'Release notes (markdown).' },
  published: { kind: 'boolean', description: "'true' when this run published the package." },
  'release-url': { kind: 'text', description: 'Web URL of the GitHub/GitLab release, when one was created.' },
} satisfies StageMetadata['outputs'];

/** The stage's inputs, checked: the core's release options less what the platform supplies, and the stage's own. */
export interface ReleaseInputs {
  options: Omit<ReleaseOptions, 'publisher' | 'forge' | 'log' | 'links' | 'name'>;
  publish: PublishTarget;
  registryUrl?: string;
  token?: string;
  libraryDir: string;
  dryRun: boolean;
  publishArgv?: string[];
  checkArgv?: string[];
  buildArgv?: string[];
  pypiCheckUrl?: string;
  forgeToken?: string;
  repositoryUrl?: string;
  dependents: Dependent[];
  dependentsToken?: string;
  /** The forge API each kind of dependent is notified through, checked to carry the token. */
  dependentsApiUrls: Partial<Record<Dependent['kind'], string>>;
}

/** The forge API URL of each kind (the platform's answer: AEGIS_FORGE_URL, the runner's API URL, else the public one). */
type ForgeApiUrlOf = (kind: Dependent['kind']) => string;

/** All validation up front, before anything is read from a registry or written. */
function parseReleaseInputs(reader: InputReader, workspace: string, platform: PlatformName, forgeApiUrl: ForgeApiUrlOf): ReleaseInputs {
  const libraryDir = reader.path('path', workspace) ?? workspace;
  if (!existsSync(libraryDir)) throw new InputError('path', reader.string('path'), 'an existing folder inside the workspace');
  const path = relative(workspace, libraryDir) || '.';
  const inPath = (file: string) => (path === '.' ? file : join(path, file));
  const channel = reader.string('prerelease') || undefined;
  if (channel && !CHANNEL.test(channel)) throw new InputError('prerelease', channel, "a channel name such as 'rc', 'beta' or 'next'");
  const tagPrefix = reader.string('tag-prefix');
  // The full check (git check-ref-format) runs when planning, before anything is fetched or published.
  if (/[\s~^:?*[\\]|\.\.|@\{/.test(tagPrefix) || tagPrefix.startsWith('-')) {
    throw new InputError('tag-prefix', tagPrefix, 'characters allowed in a git tag name, not starting with -');
  }
  const branch = reader.optional('branch');
  if (branch?.startsWith('-')) throw new InputError('branch', branch, 'a branch name, not starting with -');
  const publish = reader.choice('publish', PUBLISH_TARGETS);
  const registryUrl = reader.optional('registry-url');
  if (registryUrl && !/^https?:\/\/[^/]/.test(registryUrl)) throw new InputError('registry-url', registryUrl, 'an http(s) URL');
  // The registry token goes to this URL only: https, or this machine.
  if (registryUrl) assertCredentialUrl('registry-url', registryUrl, Boolean(reader.optional('token')));
  const changelog = reader.string('changelog');
  const changelogFile = ['false', 'none', ''].includes(changelog.toLowerCase()) ? undefined : inPath(changelog);
  if (changelogFile) reader.path('changelog', libraryDir);
  const declared = reader.lines('version-files');
  for (const file of declared) {
    if (!existsSync(resolveInside(libraryDir, file, 'version-files')))
      throw new InputError('version-files', file, "files that exist inside 'path'");
  }
  const versionFiles = (
    declared.length > 0 ? declared : ['package.json', 'pyproject.toml'].filter((file) => existsSync(join(libraryDir, file)))
  ).map(inPath);
  const argv = (name: string) => {
    const value = reader.string(name);
    return value ? parseArgv(value, name) : undefined;
  };
  const publishArgv = argv('publish-command');
  if (publish === 'command' && !publishArgv) throw new InputError('publish-command', '', 'an argument list when publish is command');
  // Without a way to ask whether a version is out, a tag whose publish failed could never be told
  // from a finished release: the resumption guarantee needs the check.
  if (publish === 'command' && !reader.string('check-command')) {
    throw new InputError(
      'check-command',
      '',
      'an argument list that exits 0 when the version is published and non-zero when not',
      "publish is 'command'",
    );
  }
  const remote = reader.string('remote');
  // Checked now, not after the release: a typo here must not surface once the tag is pushed.
  const dependents = parseDependents(reader.lines('dependents'), forgeKindFor(platform));
  const dependentsToken = reader.optional('dependents-token');
  if (dependents.length > 0 && !dependentsToken) {
    throw new InputError('dependents-token', '', 'a token allowed to notify the dependents', "'dependents' is set");
  }
  // The dependents token goes only to the forge API of each dependent, over https (or to this machine).
  const dependentsApiUrls: ReleaseInputs['dependentsApiUrls'] = {};
  for (const { kind } of dependents) {
    const apiUrl = forgeApiUrl(kind);
    assertCredentialUrl(`AEGIS_FORGE_URL / the runner's ${kind} API URL (where dependents-token goes)`, apiUrl, true);
    dependentsApiUrls[kind] = apiUrl;
  }
  return {
    options: {
      repoDir: workspace,
      path,
      tagPrefix,
      channel,
      rules: parseBumpRules(reader.string('bump-rules')),
      merges: reader.boolean('merge-commits'),
      workspaceDependents: reader.boolean('workspace-dependents'),
      changelogFile,
      versionFiles,
      distTag: reader.optional('dist-tag'),
      git: {
        remote: remote === 'none' ? undefined : remote,
        branch,
        author: AUTHOR,
        commitMessage: reader.string('commit-message'),
      },
    },
    publish,
    registryUrl,
    token: reader.optional('token'),
    libraryDir,
    dryRun: reader.boolean('dry-run'),
    publishArgv,
    checkArgv: argv('check-command'),
    buildArgv: argv('build-command'),
    pypiCheckUrl: reader.optional('pypi-check-url'),
    forgeToken: reader.optional('forge-token'),
    repositoryUrl: reader.optional('repository-url'),
    dependents,
    dependentsToken,
    dependentsApiUrls,
  };
}

export interface ReleaseStagePlan {
  inputs: ReleaseInputs;
  /** What the core releases with: the inputs, the publisher, the remote and the forge. */
  options: ReleaseOptions;
  /** The next version, what is published and tagged, and which steps an unfinished release still needs. */
  release: ReleasePlan;
  /** The plan as a markdown table, for the log and the summary. */
  table: string;
}

export interface ReleaseStageResult {
  plan: ReleaseStagePlan;
  /** False for a dry run and when there is nothing to release: nothing was done. */
  acted: boolean;
  released: boolean;
  published: boolean;
  releaseUrl?: string;
  /** The dependents told about the release, each with how it went. */
  notified: NotificationResult[];
}

function linksFor(url: string | undefined, platform: Platform): RepositoryLinks | undefined {
  const web = url ? browsableUrl(url) : undefined;
  if (!web) return undefined;
  return { url: web, kind: platform.forgeKindOf(web) };
}

/** Reads the remote, the registry and the history (a fetch, a `push --dry-run`, registry reads); changes nothing there. */
export async function planReleaseStage(inputs: ReleaseInputs, platform: Platform): Promise<ReleaseStagePlan> {
  // Where stage files go; on GitLab this also git-excludes the folder (earlier jobs' artifacts land
  // there) before the clean-tree check.
  platform.outputDir();
  const publisher = createPublisher({
    publish: inputs.publish,
    libraryDir: inputs.libraryDir,
    tagPrefix: inputs.options.tagPrefix,
    registryUrl: inputs.registryUrl,
    token: inputs.token,
    buildArgv: inputs.buildArgv,
    publishArgv: inputs.publishArgv,
    checkArgv: inputs.checkArgv,
    pypiCheckUrl: inputs.pypiCheckUrl,
  });
  const event = platform.event();
  const remote = await releaseRemote(platform.workspace, inputs.options.git.remote, inputs.forgeToken);
  for (const secret of remote.secrets) platform.secret(secret);
  const repositoryUrl = inputs.repositoryUrl ?? event.repositoryUrl ?? remote.origin;
  const forgeRepository = repositoryUrl ? forgeProjectPath(repositoryUrl) : undefined;
  const forge =
    inputs.forgeToken && forgeRepository && !inputs.dryRun
      ? { releases: await platform.forge({ token: inputs.forgeToken }), repository: forgeRepository }
      : undefined;
  const options: ReleaseOptions = {
    ...inputs.options,
    git: {
      ...inputs.options.git,
      branch: inputs.options.git.branch ?? event.branch,
      remote: remote.push,
      env: remote.env,
      trailers: event.runUrl ? [{ key: TRAILER.sourceRun, value: event.runUrl }] : [],
    },
    publisher,
    forge,
    links: linksFor(repositoryUrl, platform),
    name: libraryName(inputs.libraryDir),
    log: platform.log,
  };
  const release = await platform.log.group('Plan', () => planRelease(options));
  return { inputs, options, release, table: renderPlan(release, publisher) };
}

/** Releases (publish, commit, tag, push, forge release), then tells the dependents. */
export async function executeReleaseStage(plan: ReleaseStagePlan, platform: Platform): Promise<ReleaseStageResult> {
  const { inputs, release } = plan;
  platform.log.info(`${plan.table}\n${release.notes}`);
  if (inputs.dryRun || release.action === 'none') return { plan, acted: false, released: false, published: false, notified: [] };
  const result = await executeRelease(plan.options, release);
  return {
    plan,
    acted: true,
    released: result.released,
    published: result.published,
    releaseUrl: result.releaseUrl,
    notified: inputs.dependents.length > 0 ? await notify(plan, platform) : [],
  };
}

async function notify(plan: ReleaseStagePlan, platform: Platform): Promise<NotificationResult[]> {
  const { inputs, release } = plan;
  // One Forge per forge kind, created for the dependents' token and that forge's API host.
  const notifiers = new Map<Dependent['kind'], Promise<Forge>>();
  const notifierFor = (kind: Dependent['kind']) => {
    const forge =
      notifiers.get(kind) ?? platform.forge({ token: inputs.dependentsToken as string, kind, apiUrl: inputs.dependentsApiUrls[kind] });
    notifiers.set(kind, forge);
    return forge;
  };
  return notifyDependents(inputs.dependents, notifierFor, {
    library: plan.options.name,
    version: release.version as string,
    tag: release.tag as string,
    prerelease: release.prerelease,
  });
}

export async function reportRelease(result: ReleaseStageResult, platform: Platform): Promise<void> {
  const { inputs, release, table } = result.plan;
  platform.setOutput('released', String(result.released));
  platform.setOutput('version', release.version ?? '');
  platform.setOutput('previous-version', release.previousVersion ?? '');
  platform.setOutput('tag', release.tag ?? '');
  platform.setOutput('notes', release.notes);
  platform.setOutput('published', String(result.published));
  platform.setOutput('release-url', result.releaseUrl ?? '');
  if (!result.acted) {
    await platform.summary(`## release ${inputs.dryRun ? '(dry run)' : ''}\n\n${table}\n${release.notes}`);
    return;
  }
  for (const failed of result.notified.filter((entry) => !entry.ok))
    platform.log.warning(`Could not notify ${failed.dependent.repository}: ${failed.detail}`);
  const notified =
    result.notified.length > 0
      ? `\n**Dependents:** ${result.notified.map((entry) => `${entry.dependent.repository} ${entry.ok ? '✓' : `✗ (${entry.detail})`}`).join(', ')}\n`
      : '';
  await platform.summary(`## release ${release.tag}\n\n${table}${notified}\n${release.notes}`);
}

const definition = {
  name: 'release',
  title: 'Release a library',
  description:
    'Semantic version from conventional commits, changelog, version files, publish (npm, PyPI, command), tag, push and forge release; resumes unfinished releases.',
  inputs,
  outputs,
} satisfies StageMetadata;

// The module shape of every stage (src/stages/module.ts).
export { definition };
export function parse(reader: InputReader, platform: Platform): ReleaseInputs {
  return parseReleaseInputs(reader, platform.workspace, platform.name, (kind) => platform.forgeApiUrl(kind));
}
export { executeReleaseStage as execute, planReleaseStage as plan, reportRelease as report };
