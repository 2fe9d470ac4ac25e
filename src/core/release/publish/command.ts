import { parse as parseYaml } from 'yaml';
import { InputError } from '../../errors.js';
import { renderTemplate } from '../../gitops/commit-message.js';
import { run } from '../../process.js';
import type { Publisher } from './publisher.js';

/** An argument list from a YAML or JSON array (`["cargo", "publish"]`); never a shell string. */
export function parseArgv(text: string, input: string): string[] {
  const expected = 'a YAML/JSON array of strings, e.g. ["cargo", "publish", "--allow-dirty"]';
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new InputError(input, text, expected, (error as Error).message);
  }
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
    throw new InputError(input, text, expected, 'no shell is used, so a command line must be split into its arguments');
  }
  return value.map(String);
}

export interface CommandOptions {
  argv: readonly string[];
  /** Exit 0 means "already published"; anything else "not yet". */
  checkArgv?: readonly string[];
  token?: string;
  registryUrl?: string;
}

/** Placeholders `{version}` and `{tag}` in arguments; values also in AEGIS_RELEASE_* variables. */
export function commandEnv(options: CommandOptions, version: string, tag: string): Record<string, string> {
  return {
    AEGIS_RELEASE_VERSION: version,
    AEGIS_RELEASE_TAG: tag,
    AEGIS_PUBLISH_TOKEN: options.token ?? '',
    AEGIS_REGISTRY_URL: options.registryUrl ?? '',
  };
}

export function commandPublisher(options: CommandOptions, cwd: string, tagFor: (version: string) => string): Publisher {
  const render = (argv: readonly string[], version: string) => argv.map((arg) => renderTemplate(arg, { version, tag: tagFor(version) }));
  return {
    kind: 'command',
    describe: () => `command ${JSON.stringify(options.argv)}`,
    async lookup(version) {
      if (!options.checkArgv) return 'unknown';
      const [command = '', ...args] = render(options.checkArgv, version);
      const result = await run(command, args, { cwd, env: commandEnv(options, version, tagFor(version)), allowFailure: true });
      return result.exitCode === 0 ? { version } : undefined;
    },
    distTags: async () => ({}),
    // A custom command's registry is unknown to us; its check-command is the user's proof.
    verifyAccess: async () => 'not checked (publish: command)',
    async publish(version, dir) {
      const [command = '', ...args] = render(options.argv, version);
      await run(command, args, { cwd: dir, env: commandEnv(options, version, tagFor(version)) });
    },
  };
}
