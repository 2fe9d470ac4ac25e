import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { assertCredentialUrl } from '../core/credential-scope.js';
import { InputError } from '../core/errors.js';
import { Git } from '../core/git/git.js';
import { describeRemote, forgeProjectPath, withoutCredentials } from '../core/git/remote.js';
import { TRAILER } from '../core/gitops/commit-message.js';
import { resolveInside } from '../core/paths.js';
import { parseBumpRules } from '../core/release/bump.js';
import { browsableUrl, type RepositoryLinks } from '../core/release/changelog.js';
import { type Dependent, notifyDependents, parseDependents } from '../core/release/dependents.js';
import { withBuild } from '../core/release/publish/build.js';
import { commandPublisher, parseArgv } from '../core/release/publish/command.js';
import { NPM_DEFAULT_REGISTRY, npmPublisher } from '../core/release/publish/npm.js';
import { noPublisher, type Publisher } from '../core/release/publish/publisher.js';
import { defaultCheckUrl, PYPI_DEFAULT_UPLOAD_URL, pypiPublisher } from '../core/release/publish/pypi.js';
import { executeRelease, planRelease, type ReleaseOptions, renderPlan } from '../core/release/release.js';
import { forgeKindFor } from '../platform/conventions.js';
import type { Forge, Platform, PlatformName } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { InputReader } from './inputs.js';

const PUBLISH = ['npm', 'pypi', 'command', 'none'] as const;
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
} satisfies StageDefinition['inputs'];

const outputs = {
  released: { kind: 'boolean', description: "'true' when this run released (or finished releasing) a version." },
  version: { kind: 'text', description: 'The version released or planned.' },
  'previous-version': { kind: 'text', description: 'The version before it on the same line.' },
  tag: { kind: 'text', description: 'The release tag.' },
  notes: { kind: 'text', description: 'Release notes (markdown).' },
  published: { kind: 'boolean', description: "'true' when this run published the package." },
  'release-url': { kind: 'text', description: 'Web URL of the GitHub/GitLab release, when one was created.' },
} satisfies StageDefinition['outputs'];

export interface ParsedInputs {
  options: Omit<ReleaseOptions, 'publisher' | 'forge' | 'log' | 'links' | 'name'>;
  publish: (typeof PUBLISH)[number];
  registryUrl?: string;
  token?: string;
  libraryDir: string;
  dryRun: boolean;
  distTag?: string;
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
export type ForgeApiUrlOf = (kind: Dependent['kind']) => string;

/** All validation up front, before anything is read from a registry or written. */
export function parseInputs(reader: InputReader, workspace: string, platform: PlatformName, forgeApiUrl: ForgeApiUrlOf): ParsedInputs {
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
  const publish = reader.choice('publish', PUBLISH);
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
  const dependentsApiUrls: ParsedInputs['dependentsApiUrls'] = {};
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

function readJsonName(file: string): string | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name : undefined;
}

function readPyprojectName(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  let table = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) table = (header[1] as string).trim();
    const name = /^\s*name\s*=\s*["']([^"']+)["']/.exec(line);
    if (name && (table === 'project' || table === 'tool.poetry')) return name[1];
  }
  return undefined;
}

export function createPublisher(parsed: ParsedInputs): Publisher {
  const { libraryDir } = parsed;
  switch (parsed.publish) {
    case 'npm': {
      const packageName = readJsonName(join(libraryDir, 'package.json'));
      if (!packageName) throw new InputError('publish', 'npm', "a library folder ('path') with a package.json that has a name");
      return withBuild(
        npmPublisher({ packageName, registryUrl: parsed.registryUrl ?? NPM_DEFAULT_REGISTRY, token: parsed.token }),
        parsed.buildArgv,
      );
    }
    case 'pypi': {
      const packageName = readPyprojectName(join(libraryDir, 'pyproject.toml'));
      if (!packageName) throw new InputError('publish', 'pypi', "a library folder ('path') with a pyproject.toml naming the project");
      const registryUrl = parsed.registryUrl ?? PYPI_DEFAULT_UPLOAD_URL;
      if (!parsed.pypiCheckUrl && !defaultCheckUrl(registryUrl)) {
        throw new InputError(
          'pypi-check-url',
          '',
          `the JSON API URL of ${registryUrl} (…/pypi/)`,
          'only pypi.org and test.pypi.org are known',
        );
      }
      return withBuild(
        pypiPublisher({
          packageName,
          registryUrl: parsed.registryUrl ?? PYPI_DEFAULT_UPLOAD_URL,
          checkUrl: parsed.pypiCheckUrl,
          token: parsed.token,
        }),
        parsed.buildArgv,
      );
    }
    case 'command':
      return withBuild(
        commandPublisher(
          { argv: parsed.publishArgv as string[], checkArgv: parsed.checkArgv, token: parsed.token, registryUrl: parsed.registryUrl },
          libraryDir,
          (version) => `${parsed.options.tagPrefix}${version}`,
        ),
        parsed.buildArgv,
      );
    default:
      return noPublisher;
  }
}

async function remoteUrl(workspace: string, remote: string | undefined): Promise<string | undefined> {
  if (!remote) return undefined;
  return new Git(workspace).remoteUrl(remote);
}

function linksFor(url: string | undefined, platform: Platform): RepositoryLinks | undefined {
  const web = url ? browsableUrl(url) : undefined;
  if (!web) return undefined;
  return { url: web, kind: platform.forgeKindOf(web) };
}

async function run(platform: Platform): Promise<void> {
  const reader = new InputReader(platform, inputs);
  const parsed = parse(reader, platform);
  // Where stage files go; on GitLab this also git-excludes the folder (earlier jobs' artifacts land
  // there) before the clean-tree check.
  platform.outputDir();
  const publisher = createPublisher(parsed);
  const event = platform.event();
  const configured = await remoteUrl(platform.workspace, parsed.options.git.remote);
  if (parsed.options.git.remote && !configured) {
    throw new InputError('remote', parsed.options.git.remote, "a git remote of the workspace, or 'none'");
  }
  const stripped = configured ? withoutCredentials(configured) : undefined;
  if (stripped?.password) platform.secret(stripped.password);
  const origin = stripped?.url;
  const repositoryUrl = parsed.repositoryUrl ?? event.repositoryUrl ?? origin;
  const remote =
    origin && parsed.forgeToken && /^https?:\/\//.test(origin)
      ? describeRemote(origin, { token: parsed.forgeToken }, platform.workspace)
      : undefined;
  for (const secret of remote?.secrets ?? []) platform.secret(secret);
  const forgeRepository = repositoryUrl ? forgeProjectPath(repositoryUrl) : undefined;
  const forge =
    parsed.forgeToken && forgeRepository && !parsed.dryRun
      ? { releases: await platform.forge({ token: parsed.forgeToken }), repository: forgeRepository }
      : undefined;
  const name =
    readJsonName(join(parsed.libraryDir, 'package.json')) ??
    readPyprojectName(join(parsed.libraryDir, 'pyproject.toml')) ??
    basename(parsed.libraryDir);
  const options: ReleaseOptions = {
    ...parsed.options,
    git: {
      ...parsed.options.git,
      branch: parsed.options.git.branch ?? event.branch,
      // With a forge token, talk to the URL itself: the remote's configured credentials stay out of it.
      remote: remote ? remote.url : parsed.options.git.remote,
      env: remote?.env,
      trailers: event.runUrl ? [{ key: TRAILER.sourceRun, value: event.runUrl }] : [],
    },
    publisher,
    forge,
    links: linksFor(repositoryUrl, platform),
    name,
    log: platform.log,
  };

  const plan = await platform.log.group('Plan', () => planRelease(options));
  const table = renderPlan(plan, publisher);
  platform.log.info(`${table}\n${plan.notes}`);
  const write = (released: boolean, published: boolean, releaseUrl = '') => {
    platform.setOutput('released', String(released));
    platform.setOutput('version', plan.version ?? '');
    platform.setOutput('previous-version', plan.previousVersion ?? '');
    platform.setOutput('tag', plan.tag ?? '');
    platform.setOutput('notes', plan.notes);
    platform.setOutput('published', String(published));
    platform.setOutput('release-url', releaseUrl);
  };
  if (parsed.dryRun || plan.action === 'none') {
    write(false, false);
    await platform.summary(`## release ${parsed.dryRun ? '(dry run)' : ''}\n\n${table}\n${plan.notes}`);
    return;
  }
  const result = await executeRelease(options, plan);
  write(result.released, result.published, result.releaseUrl);
  let notified = '';
  if (parsed.dependents.length > 0) {
    // One Forge per forge kind, created for the dependents' token and that forge's API host.
    const notifiers = new Map<Dependent['kind'], Promise<Forge>>();
    const notifierFor = (kind: Dependent['kind']) => {
      const forge =
        notifiers.get(kind) ?? platform.forge({ token: parsed.dependentsToken as string, kind, apiUrl: parsed.dependentsApiUrls[kind] });
      notifiers.set(kind, forge);
      return forge;
    };
    const results = await notifyDependents(parsed.dependents, notifierFor, {
      library: name,
      version: plan.version as string,
      tag: plan.tag as string,
      prerelease: plan.prerelease,
    });
    for (const failed of results.filter((entry) => !entry.ok))
      platform.log.warning(`Could not notify ${failed.dependent.repository}: ${failed.detail}`);
    notified = `\n**Dependents:** ${results.map((entry) => `${entry.dependent.repository} ${entry.ok ? '✓' : `✗ (${entry.detail})`}`).join(', ')}\n`;
  }
  await platform.summary(`## release ${plan.tag}\n\n${table}${notified}\n${plan.notes}`);
}

export const release: StageDefinition = {
  name: 'release',
  title: 'Release a library',
  description:
    'Semantic version from conventional commits, changelog, version files, publish (npm, PyPI, command), tag, push and forge release; resumes unfinished releases.',
  inputs,
  outputs,
  run,
};

// The module shape of every stage (src/stages/index.ts): definition, parse, run.
export { release as definition, run };
export function parse(reader: InputReader, platform: Platform): ParsedInputs {
  return parseInputs(reader, platform.workspace, platform.name, (kind) => platform.forgeApiUrl(kind));
}
