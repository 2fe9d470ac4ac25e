import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BasePlatform, type Env } from './base.js';
import { gitlabEvent } from './event.js';
import type { CiEvent, RegistryCredentials } from './types.js';

/** GitLab's dotenv reports accept only single-line values and variable-safe names. */
export function dotenvLine(prefix: string, name: string, value: string): string {
  const key = `${prefix}${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
  return `${key}=${value.replace(/\r?\n/g, '\\n')}\n`;
}

/**
 * GitLab CI: inputs arrive as INPUT_* variables set by the component, outputs go to a
 * dotenv report (`artifacts:reports:dotenv`), the summary to a markdown artifact and a
 * collapsible log section.
 */
export class GitLabPlatform extends BasePlatform {
  readonly name = 'gitlab' as const;
  private readonly dotenvPath: string;
  private readonly outputPrefix: string;
  private sectionCounter = 0;
  private dotenvStarted = false;

  constructor(stage: string, env: Env) {
    // gitlab-ci-local's shell executor reports a virtual CI_PROJECT_DIR (/builds/…); the job's
    // working directory is the project directory there, as it is on real runners.
    super(stage, env, env.CI_PROJECT_DIR && existsSync(env.CI_PROJECT_DIR) ? env.CI_PROJECT_DIR : process.cwd());
    this.dotenvPath = resolve(this.workspace, env.AEGIS_DOTENV ?? `aegis-${stage}.env`);
    this.outputPrefix = env.AEGIS_OUTPUT_PREFIX ?? 'AEGIS_';
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

  setOutput(name: string, value: string): void {
    const line = dotenvLine(this.outputPrefix, name, this.redactText(value));
    // The first output replaces a report left by an earlier run in the same directory.
    if (this.dotenvStarted) appendFileSync(this.dotenvPath, line);
    else writeFileSync(this.dotenvPath, line);
    this.dotenvStarted = true;
  }

  async summary(markdown: string): Promise<void> {
    const clean = this.redactText(markdown);
    const dir = join(this.workspace, 'aegis-summary');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.stage}.md`), clean);
    await this.group(`${this.stage} summary`, async () => this.writeLine(clean));
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
