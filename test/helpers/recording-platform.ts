import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DependencyCache } from '../../src/core/build/dependency-cache.js';
import { silentLog } from '../../src/core/log.js';
import { forgeKindFor, githubRefOf, tokenUserFor } from '../../src/platform/conventions.js';
import type { CiEvent, Forge, Platform, RegistryCredentials } from '../../src/platform/types.js';

export interface RecordingOptions {
  event?: Partial<CiEvent>;
  /** Throw from fail() (what a test calling runStage wants to see as a rejection). */
  throwOnFail?: boolean;
  registryCredentials?: Record<string, RegistryCredentials>;
  forge?: () => Promise<Forge>;
  cache?: DependencyCache;
  /** Where secret material goes (RUNNER_TEMP in a real job). */
  tempDir?: string;
  /** The stage's output directory; a fresh temporary one (as locally) by default. */
  outputDir?: string;
  /** Directories besides the workspace that path inputs may be in (the runner's temp dir). */
  inputRoots?: string[];
  /** 8 to act like GitLab. */
  shortShaLength?: number;
}

/** An in-memory Platform for tests: inputs from a record; outputs, summaries, warnings, secrets and failures recorded. */
export class RecordingPlatform implements Platform {
  readonly name = 'local' as const;
  get tempDir(): string {
    return this.options.tempDir ?? tmpdir();
  }
  readonly outputs: Record<string, string> = {};
  readonly warnings: string[] = [];
  readonly infos: string[] = [];
  readonly summaries: string[] = [];
  readonly secrets: string[] = [];
  readonly failures: string[] = [];
  readonly log = {
    ...silentLog,
    info: (message: string) => {
      this.infos.push(message);
    },
    warning: (message: string) => {
      this.warnings.push(message);
    },
  };

  readonly inputRoots: readonly string[];
  readonly shortShaLength: number;
  private createdOutputDir: string | undefined;

  constructor(
    readonly workspace: string,
    private readonly inputs: Record<string, string>,
    private readonly options: RecordingOptions = {},
  ) {
    this.inputRoots = options.inputRoots ?? [];
    this.shortShaLength = options.shortShaLength ?? 7;
  }

  outputDir(): string {
    // Named, not created, as on the real platforms: the first write creates it.
    this.createdOutputDir ??= this.options.outputDir ?? join(tmpdir(), `aegis-recording-${randomBytes(6).toString('hex')}`);
    return this.createdOutputDir;
  }

  readonly tokenUser = tokenUserFor(this.name);
  input(name: string): string {
    return this.inputs[name] ?? '';
  }
  forgeKindOf(url?: string): 'github' | 'gitlab' {
    return forgeKindFor(this.name, url);
  }
  githubRef(): string {
    return githubRefOf(this.event());
  }
  environment(): Record<string, string | undefined> {
    return process.env;
  }
  providedInputs(): string[] {
    return [];
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setOutputs(outputs: readonly (readonly [string, string])[]): void {
    for (const [name, value] of outputs) this.setOutput(name, value);
  }
  secret(value: string): void {
    this.secrets.push(value);
  }
  async summary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
  }
  event(): CiEvent {
    return { kind: 'push', source: 'push', ...this.options.event };
  }
  forge(): Promise<Forge> {
    return this.options.forge?.() ?? Promise.reject(new Error('this test provides no forge'));
  }
  forgeApiUrl(kind: 'github' | 'gitlab'): string {
    return kind === 'github' ? 'https://api.github.com' : 'https://gitlab.com/api/v4';
  }
  registryCredentials(registry: string): RegistryCredentials | undefined {
    const credentials = this.options.registryCredentials?.[registry];
    if (credentials) this.secret(credentials.password);
    return credentials;
  }
  cache(): Promise<DependencyCache | undefined> {
    return Promise.resolve(this.options.cache);
  }
  fail(message: string): void {
    this.failures.push(message);
    if (this.options.throwOnFail) throw new Error(message);
  }
}
