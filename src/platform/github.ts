import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import * as core from '@actions/core';
import { AegisError } from '../core/errors.js';
import type { SourceLocation } from '../core/log.js';
import { BasePlatform, type Env } from './base.js';
import { githubEvent } from './event.js';
import type { CiEvent, DependencyCache, RegistryCredentials } from './types.js';

/**
 * One GITHUB_OUTPUT record as @actions/core's setOutput writes it: `name<<delimiter`, the
 * value, the delimiter, each on its own line; the delimiter is fresh and in neither.
 */
function outputRecord(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new AegisError(`Output '${name}' contains the delimiter ${delimiter}.`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** GitHub Actions, through @actions/core so that @github/local-action and the runner see the same calls. */
export class GitHubPlatform extends BasePlatform {
  readonly name = 'github' as const;

  readonly inputRoots: readonly string[];

  constructor(stage: string, env: Env) {
    super(stage, env, env.GITHUB_WORKSPACE ?? process.cwd());
    this.inputRoots = env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [];
  }

  /** The runner empties RUNNER_TEMP after each job; later steps read the files through the outputs. */
  outputDir(): string {
    return this.temporaryOutputDir(this.env.RUNNER_TEMP || tmpdir());
  }

  override input(name: string): string {
    return core.getInput(name);
  }

  override secret(value: string): void {
    if (!value) return;
    super.secret(value);
    core.setSecret(value);
  }

  protected override writeLine(text: string): void {
    core.info(text);
  }

  protected override debugEnabled(): boolean {
    return core.isDebug() || this.env.ACTIONS_STEP_DEBUG === 'true';
  }

  protected override annotate(level: 'warning' | 'error', message: string, location?: SourceLocation): void {
    const properties = location ? { file: location.file, startLine: location.line } : {};
    if (level === 'warning') core.warning(message, properties);
    else core.error(message, properties);
  }

  protected override async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    return core.group(title, body);
  }

  override fail(message: string): void {
    core.setFailed(this.logText(message));
  }

  /**
   * With GITHUB_OUTPUT (the runner), all records in one append, in @actions/core's format;
   * without it (@github/local-action, which stubs @actions/core), through core.setOutput.
   */
  setOutputs(outputs: readonly (readonly [name: string, value: string])[]): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      for (const [name, value] of outputs) core.setOutput(name, this.redactText(value));
      return;
    }
    if (outputs.length === 0) return;
    if (!existsSync(file)) throw new AegisError(`GITHUB_OUTPUT names a file that does not exist: ${file}`);
    appendFileSync(file, outputs.map(([name, value]) => outputRecord(name, this.redactText(value))).join(''));
  }

  async summary(markdown: string): Promise<void> {
    if (!this.env.GITHUB_STEP_SUMMARY) {
      this.writeLine(this.logText(markdown));
      return;
    }
    await core.summary.addRaw(this.redactText(markdown), true).write();
  }

  event(): CiEvent {
    const path = this.env.GITHUB_EVENT_PATH;
    let payload: Record<string, unknown> = {};
    if (path) {
      try {
        payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch {
        this.log.warning(`Could not read the event payload at ${path}; using GITHUB_* variables only.`);
      }
    }
    return githubEvent(this.env, payload);
  }

  /** ghcr.io accepts the job token, when the workflow exports it as GITHUB_TOKEN. */
  protected override providedRegistryCredentials(registry: string): RegistryCredentials | undefined {
    const token = this.env.GITHUB_TOKEN;
    return registry === 'ghcr.io' && token ? { username: this.env.GITHUB_ACTOR || 'x-access-token', password: token } : undefined;
  }

  /** GitHub's cache service; imported here so that stages without a dependency cache never load it. */
  override async cache(): Promise<DependencyCache | undefined> {
    const actionsCache = await import('@actions/cache');
    // @github/local-action's stub exports only restoreCache and saveCache.
    const available = (actionsCache as Partial<typeof actionsCache>).isFeatureAvailable?.() ?? true;
    if (!available) {
      this.log.warning(
        'The GitHub cache service is not available to this job (ACTIONS_CACHE_URL unset); building without a dependency cache.',
      );
      return undefined;
    }
    return {
      restore: (paths, key, restoreKeys) => actionsCache.restoreCache([...paths], key, [...restoreKeys]),
      save: async (paths, key) => {
        // saveCache reports most failures as a warning and -1 rather than throwing.
        if ((await actionsCache.saveCache([...paths], key)) === -1) throw new Error(`the cache service did not store ${key}`);
      },
    };
  }

  protected defaultForgeKind(): 'github' {
    return 'github';
  }
}
