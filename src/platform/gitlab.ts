import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appendFileSafely, ensureDirectoryInside, writeFileSafely } from '../core/fs/safe-write.js';
import { excludeFromCheckout } from '../core/git/exclude.js';
import { singleLineValue } from '../core/markdown.js';
import { BasePlatform, type Env } from './base.js';
import { gitlabEvent } from './event.js';
import type { CiEvent, RegistryCredentials } from './types.js';

/**
 * The one folder every GitLab job of ours writes to (artifacts must live under
 * CI_PROJECT_DIR): outputs dotenv, summaries, each stage's files. Not `.aegis/`, which holds
 * the user's committed service manifest.
 */
export const GITLAB_OUTPUT_FOLDER = '.aegis-out';

/** Paths the component templates name as artifacts, relative to the project directory. */
export const gitlabArtifacts = {
  dotenv: (stage: string) => `${GITLAB_OUTPUT_FOLDER}/aegis-${stage}.env`,
  summary: (stage: string) => `${GITLAB_OUTPUT_FOLDER}/summary/${stage}.md`,
  stageDir: (stage: string) => `${GITLAB_OUTPUT_FOLDER}/${stage}`,
};
/** GitLab refuses a dotenv report larger than this (artifacts:reports:dotenv). */
export const GITLAB_DOTENV_LIMIT = 5120;

/**
 * GitLab's dotenv reports accept only single-line values and variable-safe names. `value` is
 * encoded here too (NUL, CR, newline escaped), so no caller can split a record.
 */
export function dotenvLine(prefix: string, name: string, value: string): string {
  const key = `${prefix}${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
  return `${key}=${singleLineValue(value)}\n`;
}

/**
 * GitLab CI: inputs arrive as INPUT_* variables set by the component, outputs go to a
 * dotenv report (`artifacts:reports:dotenv`), the summary to a markdown artifact and a
 * collapsible log section. Everything is written under `.aegis-out/`, which git is told to ignore.
 */
export class GitLabPlatform extends BasePlatform {
  readonly name = 'gitlab' as const;
  readonly inputRoots: readonly string[] = [];
  /** CI_COMMIT_SHORT_SHA's length: 8 (what a later job writing `sha-$CI_COMMIT_SHORT_SHA` expects). */
  override readonly shortShaLength: number;
  override readonly outputSizeLimit = GITLAB_DOTENV_LIMIT;
  private readonly dotenvPath: string;
  private readonly outputPrefix: string;
  private sectionCounter = 0;
  private dotenvStarted = false;
  private excluded = false;
  private dotenvBytes = 0;

  constructor(stage: string, env: Env) {
    // gitlab-ci-local's shell executor reports a virtual CI_PROJECT_DIR (/builds/…); the job's
    // working directory is the project directory there, as it is on real runners.
    super(stage, env, env.CI_PROJECT_DIR && existsSync(env.CI_PROJECT_DIR) ? env.CI_PROJECT_DIR : process.cwd());
    this.dotenvPath = resolve(this.workspace, env.AEGIS_DOTENV ?? gitlabArtifacts.dotenv(stage));
    this.outputPrefix = env.AEGIS_OUTPUT_PREFIX ?? 'AEGIS_';
    this.shortShaLength = env.CI_COMMIT_SHORT_SHA?.length || 8;
  }

  protected override async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    const id = `aegis_${this.stage.replace(/\W/g, '_')}_${++this.sectionCounter}`;
    const now = () => Math.floor(Date.now() / 1000);
    this.writeLine(`\u001b[0Ksection_start:${now()}:${id}[collapsed=false]\r\u001b[0K${title}`);
    try {
      return await body();
    } finally {
      this.writeLine(`\u001b[0Ksection_end:${now()}:${id}\r\u001b[0K`);
    }
  }

  outputDir(): string {
    this.excludeOutputFolder();
    const dir = join(this.workspace, gitlabArtifacts.stageDir(this.stage));
    // A `.aegis-out` symlink planted by the repository is refused here, not followed by later writes.
    ensureDirectoryInside(dir, this.workspace);
    return dir;
  }

  setOutputs(outputs: readonly (readonly [name: string, value: string])[]): void {
    if (outputs.length === 0) return;
    this.excludeOutputFolder();
    const lines = outputs.map(([name, value]) => dotenvLine(this.outputPrefix, name, this.singleLineOutput(name, value)));
    const text = lines.join('');
    // The first output replaces a report left by an earlier run in the same directory.
    if (this.dotenvStarted) appendFileSafely(this.dotenvPath, text, { root: this.workspace });
    else writeFileSafely(this.dotenvPath, text, { root: this.workspace });
    this.dotenvStarted = true;
    lines.forEach((line, index) => {
      const before = this.dotenvBytes;
      this.dotenvBytes += Buffer.byteLength(line);
      if (before <= GITLAB_DOTENV_LIMIT && this.dotenvBytes > GITLAB_DOTENV_LIMIT) {
        this.log.warning(
          `The dotenv report ${this.dotenvPath} passes GitLab's ${GITLAB_DOTENV_LIMIT}-byte limit at output '${outputs[index]?.[0]}' (prefix '${this.outputPrefix}'): GitLab will refuse the report. Use a shorter AEGIS_OUTPUT_PREFIX or read the stage's files instead.`,
        );
      }
    });
  }

  async summary(markdown: string): Promise<void> {
    this.excludeOutputFolder();
    const clean = this.redactText(markdown);
    writeFileSafely(join(this.workspace, gitlabArtifacts.summary(this.stage)), clean, { root: this.workspace });
    await this.group(`${this.stage} summary`, async () => this.writeLine(this.logText(markdown)));
  }

  /** `/.aegis-out/` in the checkout's `.git/info/exclude` (once): git status and `git add -A` never see our files. */
  private excludeOutputFolder(): void {
    if (this.excluded) return;
    this.excluded = true;
    excludeFromCheckout(join(this.workspace, GITLAB_OUTPUT_FOLDER));
  }

  event(): CiEvent {
    return gitlabEvent(this.env);
  }

  /** The job's own login to the project's container registry. */
  /** Components write `-` as `_` (INPUT_SKIP_EXISTING): name them as the user wrote them in `inputs:`. */
  override providedInputs(): string[] {
    return super.providedInputs().map((name) => name.replace(/_/g, '-'));
  }

  protected override providedRegistryCredentials(registry: string): RegistryCredentials | undefined {
    const { CI_REGISTRY, CI_REGISTRY_USER, CI_REGISTRY_PASSWORD } = this.env;
    return CI_REGISTRY?.toLowerCase() === registry && CI_REGISTRY_USER && CI_REGISTRY_PASSWORD
      ? { username: CI_REGISTRY_USER, password: CI_REGISTRY_PASSWORD }
      : undefined;
  }

  protected defaultForgeKind(): 'gitlab' {
    return 'gitlab';
  }
}
