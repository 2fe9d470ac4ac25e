import { appendFileSync, writeFileSync } from 'node:fs';
import { AegisError } from '../core/errors.js';
import { BasePlatform, type Env } from './base.js';
import { localEvent } from './event.js';
import { loadForge } from './forge/load.js';
import type { CiEvent, Forge, ForgeOptions } from './types.js';

export interface LocalOptions {
  /** Outputs are appended here as name=value lines, in addition to stdout. */
  outputFile?: string;
  summaryFile?: string;
  cwd?: string;
}

/**
 * A laptop or another CI (Jenkins): logs on stderr, outputs as `name=value` lines on
 * stdout so they can be piped, inputs from CLI flags (the CLI sets INPUT_* for us).
 */
export class LocalPlatform extends BasePlatform {
  readonly name = 'local' as const;

  constructor(
    stage: string,
    env: Env,
    private readonly options: LocalOptions = {},
  ) {
    super(stage, env, options.cwd ?? process.cwd());
  }

  setOutput(name: string, value: string): void {
    const line = `${name}=${this.redactText(value).replace(/\r?\n/g, '\\n')}\n`;
    process.stdout.write(line);
    if (this.options.outputFile) appendFileSync(this.options.outputFile, line);
  }

  async summary(markdown: string): Promise<void> {
    const clean = this.redactText(markdown);
    if (this.options.summaryFile) writeFileSync(this.options.summaryFile, clean);
    this.writeLine(clean);
  }

  event(): CiEvent {
    return localEvent(this.env);
  }

  forge(options: ForgeOptions): Promise<Forge> {
    this.secret(options.token);
    const kind = options.kind ?? (this.env.AEGIS_FORGE as 'github' | 'gitlab' | undefined);
    if (kind !== 'github' && kind !== 'gitlab') {
      throw new AegisError("Pull requests need a forge: set AEGIS_FORGE to 'github' or 'gitlab' (and AEGIS_FORGE_URL for its API).");
    }
    return loadForge({ ...options, kind, apiUrl: options.apiUrl ?? this.env.AEGIS_FORGE_URL });
  }
}
