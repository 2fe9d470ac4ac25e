import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, runNode } from './cli.js';
import { git, keepsCheckoutClean, tempDir } from './git.js';
import { sourceDist } from './source-dist.js';

export const COMPONENT_PREFIX = 'gitlab.example.com/aegis/aegis-actions';

export interface GitlabCiLocalResult {
  exitCode: number;
  output: string;
  /** The project directory the pipeline ran in. */
  project: string;
  /** Runs the same pipeline again in the same project (its gitlab-ci-local state and cache kept). */
  rerun: () => Promise<{ exitCode: number; output: string }>;
  cleanup: () => void;
}

/**
 * Runs a `.gitlab-ci.yml` with the real gitlab-ci-local (shell executor). Components resolve
 * as on GitLab: `include: component: gitlab.example.com/aegis/aegis-actions/<stage>@1.0.0`
 * clones a repository whose root is this repo's gitlab-components/ (as it is published),
 * tagged 1.0.0, reached through a url.insteadOf rule in a throwaway HOME. Jobs run the
 * stages from the source, through shims laid out like dist/ (AEGIS_DIST, test/helpers/source-dist.ts). Jobs run in
 * the project directory itself (no shell isolation): the run fails when a job left files there.
 */
export async function runGitlabCiLocal(
  ciYaml: string,
  options: {
    files?: Record<string, string>;
    variables?: Record<string, string>;
    /** Commits made before the pipeline's own, oldest first. */
    history?: { message: string; files: Record<string, string> }[];
    /** Message of the commit that adds `files` and the pipeline. */
    message?: string;
    /**
     * More git configuration for the jobs only (e.g. `url.<local>.insteadOf` for a remote the
     * pipeline names): gitlab-ci-local itself must see the project's https origin, from which it
     * derives CI_SERVER_FQDN and the project path.
     */
    jobGitConfig?: string;
  } = {},
): Promise<GitlabCiLocalResult> {
  const root = tempDir('aegis-glci-');
  const home = join(root, 'home');
  mkdirSync(home);
  const components = join(root, 'components.git');
  const staging = join(root, 'components');
  git(root, 'init', '--quiet', '--bare', '--initial-branch', 'main', components);
  git(root, 'init', '--quiet', '--initial-branch', 'main', staging);
  cpSync(join(ROOT, 'gitlab-components'), staging, { recursive: true });
  git(staging, 'add', '-A');
  git(staging, 'commit', '--quiet', '-m', 'components');
  git(staging, 'tag', '1.0.0');
  git(staging, 'push', '--quiet', components, 'HEAD:refs/heads/main', '--tags');

  const env = { HOME: home };
  writeFileSync(
    join(home, '.gitconfig'),
    `[url "${components}"]\n\tinsteadOf = https://${COMPONENT_PREFIX}.git\n[user]\n\tname = ci\n\temail = ci@example.com\n[init]\n\tdefaultBranch = main\n`,
  );

  const project = join(root, 'project');
  mkdirSync(project);
  git(project, 'init', '--quiet', '--initial-branch', 'main');
  git(project, 'remote', 'add', 'origin', 'https://gitlab.example.com/demo/app.git');
  // Earlier commits first (for stages that compare history), then the pipeline's own commit.
  // gitlab-ci-local keeps its state in the project; as its docs advise, git ignores it.
  const pipelineCommit = {
    message: options.message ?? 'ci: pipeline',
    files: { ...options.files, '.gitlab-ci.yml': ciYaml, '.gitignore': '.gitlab-ci-local/\n' },
  };
  for (const { message, files } of [...(options.history ?? []), pipelineCommit]) {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), content);
    }
    git(project, 'add', '-A');
    git(project, 'commit', '--quiet', '-m', message);
  }

  const variables: Record<string, string> = { AEGIS_DIST: sourceDist(), ...options.variables };
  if (options.jobGitConfig !== undefined) {
    const jobGitConfig = join(home, 'job.gitconfig');
    writeFileSync(jobGitConfig, `${readFileSync(join(home, '.gitconfig'), 'utf8')}${options.jobGitConfig}`);
    variables.GIT_CONFIG_GLOBAL = jobGitConfig;
  }
  const args = [
    join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js'),
    '--force-shell-executor',
    // As on GitLab, artifacts reach later jobs (needs/dependencies), not the project's working tree.
    '--no-artifacts-to-source',
    '--no-color',
    ...Object.entries(variables).flatMap(([name, value]) => ['--variable', `${name}=${value}`]),
  ];
  const pipeline = async () => {
    const result = await keepsCheckoutClean(project, 'the pipeline (GitLab)', () => runNode(args, { cwd: project, env }));
    return { exitCode: result.exitCode, output: result.stdout + result.stderr };
  };
  return {
    ...(await pipeline()),
    project,
    rerun: pipeline,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
