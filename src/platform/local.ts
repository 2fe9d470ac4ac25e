import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { appendFileSafely, writeFileSafely } from '../core/fs/safe-write.js';
import { singleLineValue } from '../core/markdown.js';
import { BasePlatform, type Env } from './base.js';
import { localEvent } from './event.js';
import type { CiEvent } from './types.js';

export interface LocalOptions {
  /** Outputs are appended here as name=value lines, in addition to stdout. */
  outputFile?: string;
  summaryFile?: string;
  /** Where the stage's files go (`--output-dir`); a fresh temporary directory otherwise. */
  outputDir?: string;
  cwd?: string;
}

/**
 * A laptop or another CI (Jenkins): logs on stderr, outputs as `name=value` lines on
 * stdout so they can be piped, inputs from CLI flags (the CLI sets INPUT_* for us).
 */
export class LocalPlatform extends BasePlatform {
  readonly name = 'local' as const;
  readonly inputRoots: readonly string[];

  constructor(
    stage: string,
    env: Env,
    private readonly options: LocalOptions = {},
  ) {
    super(stage, env, options.cwd ?? process.cwd());
    this.inputRoots = [tmpdir(), ...(options.outputDir ? [resolve(this.workspace, options.outputDir)] : [])];
  }

  outputDir(): string {
    return this.options.outputDir ? resolve(this.workspace, this.options.outputDir) : this.temporaryOutputDir(tmpdir());
  }

  /** Locally inputs are CLI flags, which the CLI has checked; stray INPUT_* of the shell are not ours. */
  override providedInputs(): string[] {
    return [];
  }

  setOutputs(outputs: readonly (readonly [name: string, value: string])[]): void {
    if (outputs.length === 0) return;
    const text = outputs.map(([name, value]) => `${name}=${singleLineValue(this.singleLineOutput(name, value))}\n`).join('');
    process.stdout.write(text);
    if (this.options.outputFile) appendFileSafely(resolve(this.workspace, this.options.outputFile), text);
  }

  async summary(markdown: string): Promise<void> {
    const clean = this.redactText(markdown);
    if (this.options.summaryFile) writeFileSafely(resolve(this.workspace, this.options.summaryFile), clean);
    this.writeLine(this.logText(markdown));
  }

  event(): CiEvent {
    return localEvent(this.env);
  }

  protected defaultForgeKind(): 'github' | 'gitlab' | undefined {
    const kind = this.env.AEGIS_FORGE;
    return kind === 'github' || kind === 'gitlab' ? kind : undefined;
  }
}
