import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertCredentialUrl } from '../core/credential-scope.js';
import { AegisError } from '../core/errors.js';
import type { Log, SourceLocation } from '../core/log.js';
import { neutralizeLogText, withoutNul } from '../core/markdown.js';
import { type ForgeKind, forgeKindFor, githubRefOf, providedInputNames, tokenUserFor } from './conventions.js';
import { loadForge } from './forge/load.js';
import { Redactor } from './redact.js';
import type { CiEvent, DependencyCache, Forge, ForgeOptions, Platform, PlatformName, RegistryCredentials } from './types.js';

export type Env = Record<string, string | undefined>;

/** Every platform passes inputs as INPUT_<NAME>; GitHub keeps `-`, GitLab components write `_`. */
export function inputFromEnv(env: Env, name: string): string {
  const upper = name.toUpperCase().replace(/ /g, '_');
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

/**
 * What all adapters share: redaction before anything is printed, and a Log built on three
 * primitives each platform supplies (a line, an annotation, a group).
 */
export abstract class BasePlatform implements Platform {
  abstract readonly name: PlatformName;
  protected readonly redactor = new Redactor();
  readonly log: Log;
  abstract readonly inputRoots: readonly string[];
  readonly shortShaLength: number = 7;
  readonly outputSizeLimit?: number;
  private createdOutputDir: string | undefined;

  constructor(
    readonly stage: string,
    protected readonly env: Env,
    readonly workspace: string,
  ) {
    // Secrets out first, then repository/service text neutralised: no line becomes a workflow command.
    const clean = (text: string) => this.logText(text);
    this.log = {
      info: (message) => this.writeLine(clean(message)),
      debug: (message) => {
        if (this.debugEnabled()) this.writeLine(clean(`[debug] ${message}`));
      },
      warning: (message, location) => this.annotate('warning', clean(message), location),
      error: (message, location) => this.annotate('error', clean(message), location),
      group: (title, body) => this.group(clean(title), body),
    };
  }

  input(name: string): string {
    return inputFromEnv(this.env, name);
  }

  /** RUNNER_TEMP is emptied by the GitHub runner after every job; elsewhere the OS temp dir, and our own cleanup. */
  get tempDir(): string {
    return this.env.RUNNER_TEMP || tmpdir();
  }

  get tokenUser(): string {
    return tokenUserFor(this.name);
  }

  forgeKindOf(url?: string): ForgeKind {
    return forgeKindFor(this.name, url);
  }

  githubRef(): string {
    return githubRefOf(this.event());
  }

  environment(): Env {
    return this.env;
  }

  providedInputs(): string[] {
    return providedInputNames(this.env);
  }

  secret(value: string): void {
    if (value) this.redactor.add(value);
  }

  registryCredentials(registry: string): RegistryCredentials | undefined {
    const credentials = this.providedRegistryCredentials(registry.toLowerCase());
    if (credentials) this.secret(credentials.password);
    return credentials;
  }

  abstract outputDir(): string;

  /**
   * A new `aegis-<stage>-<random>` directory under `parent`, one per run. Only named here:
   * the first file written creates it, so bad input leaves nothing behind.
   */
  protected temporaryOutputDir(parent: string): string {
    this.createdOutputDir ??= join(parent, `aegis-${this.stage}-${randomBytes(6).toString('hex')}`);
    return this.createdOutputDir;
  }

  /** Locally nothing is provided; CI adapters override. */
  protected providedRegistryCredentials(_registry: string): RegistryCredentials | undefined {
    return undefined;
  }

  /** No cache service by default: locally there is none, and on GitLab the runner's `cache:` does it. */
  async cache(): Promise<DependencyCache | undefined> {
    return undefined;
  }

  protected debugEnabled(): boolean {
    return this.env.RUNNER_DEBUG === '1' || this.env.CI_DEBUG_TRACE === 'true' || this.env.AEGIS_DEBUG === '1';
  }

  protected writeLine(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  protected annotate(level: 'warning' | 'error', message: string, location?: SourceLocation): void {
    // The file name came from the repository too.
    const where = location ? `${this.logText(location.file)}${location.line ? `:${location.line}` : ''}: ` : '';
    const colour = level === 'error' ? '\u001b[31m' : '\u001b[33m';
    this.writeLine(`${colour}${level.toUpperCase()}\u001b[0m ${where}${message}`);
  }

  protected async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    this.writeLine(`── ${title}`);
    return body();
  }

  fail(message: string): void {
    this.annotate('error', this.logText(message));
    process.exitCode = 1;
  }

  /** Outputs and summaries: secrets redacted; NUL (which no output file or env can carry) shown as `\0`. */
  protected redactText(text: string): string {
    return withoutNul(this.redactor.redact(text));
  }

  /**
   * An output's value, redacted, for a one-line `name=value` record (dotenv report, stdout),
   * which `singleLineValue` then encodes: a line break, CR or NUL is escaped rather than
   * splitting the record, with a warning since the reader gets the escaped text.
   */
  protected singleLineOutput(name: string, value: string): string {
    const redacted = this.redactor.redact(value);
    if (/[\0\r\n]/.test(redacted)) {
      this.log.warning(
        `Output '${name}' holds a line break, CR or NUL, which a one-line ${this.name === 'gitlab' ? 'dotenv' : 'name=value'} record cannot carry: written with them escaped (\\n, \\r, \\0).`,
      );
    }
    return redacted;
  }

  /** A log line (or several): redacted, then neutralised (workflow commands, CR, escape sequences). */
  protected logText(text: string): string {
    return neutralizeLogText(this.redactor.redact(text));
  }

  /**
   * API base URL of a forge: AEGIS_FORGE_URL overrides; otherwise the runner's own
   * (GITHUB_API_URL on GitHub Enterprise, CI_API_V4_URL on self-managed GitLab), else the public one.
   */
  forgeApiUrl(kind: 'github' | 'gitlab'): string {
    if (this.env.AEGIS_FORGE_URL) return this.env.AEGIS_FORGE_URL;
    return kind === 'github'
      ? (this.env.GITHUB_API_URL ?? 'https://api.github.com')
      : (this.env.CI_API_V4_URL ?? 'https://gitlab.com/api/v4');
  }

  /** The forge the job runs on; locally there is none unless AEGIS_FORGE names one. */
  protected abstract defaultForgeKind(): 'github' | 'gitlab' | undefined;

  async forge(options: ForgeOptions): Promise<Forge> {
    this.secret(options.token);
    const kind = options.kind ?? this.defaultForgeKind();
    if (kind !== 'github' && kind !== 'gitlab') {
      throw new AegisError(
        "Pull requests and releases need a forge: set AEGIS_FORGE to 'github' or 'gitlab' (and AEGIS_FORGE_URL for its API).",
      );
    }
    const apiUrl = options.apiUrl ?? this.forgeApiUrl(kind);
    // The token goes to the forge API only, and never over plain http to another machine.
    assertCredentialUrl(options.apiUrl ? 'forge-url' : 'AEGIS_FORGE_URL / the runner API URL', apiUrl, true);
    return loadForge({ kind, token: options.token, apiUrl });
  }

  setOutput(name: string, value: string): void {
    this.setOutputs([[name, value]]);
  }

  abstract setOutputs(outputs: readonly (readonly [name: string, value: string])[]): void;
  abstract summary(markdown: string): Promise<void>;
  abstract event(): CiEvent;
}
