import { Git } from '../../git/git.js';
import { run } from '../../process.js';
import type { Publisher, RegistryEntry } from './publisher.js';

/**
 * The build's environment: the version, and SOURCE_DATE_EPOCH set to the commit's time so
 * reproducible backends (hatchling, flit, setuptools with it) build the same bytes from the
 * same tag — which is how a rerun tells a half-uploaded release from a different build.
 */
async function buildEnv(dir: string, version: string, tag?: string): Promise<Record<string, string>> {
  const time = (await new Git(dir).run(['log', '-1', '--format=%ct', 'HEAD'], { allowFailure: true })).stdout.trim();
  return {
    AEGIS_RELEASE_VERSION: version,
    ...(tag ? { AEGIS_RELEASE_TAG: tag } : {}),
    ...(/^\d+$/.test(time) ? { SOURCE_DATE_EPOCH: time } : {}),
  };
}

/** Runs `argv` in the library folder before publishing (e.g. `python3 -m build`), also when resuming from a tag. */
export function withBuild(publisher: Publisher, argv: readonly string[] | undefined): Publisher {
  if (!argv || argv.length === 0) return publisher;
  const [command = '', ...args] = argv;
  return {
    ...publisher,
    describe: () => `${publisher.describe()} after ${JSON.stringify(argv)}`,
    async publish(version, dir, context) {
      await run(command, args, { cwd: dir, env: await buildEnv(dir, version, context.tag) });
      await publisher.publish(version, dir, context);
    },
    ...(publisher.missingFiles && {
      async missingFiles(version: string, dir: string, existing: RegistryEntry) {
        await run(command, args, { cwd: dir, env: await buildEnv(dir, version) });
        return (publisher.missingFiles as NonNullable<Publisher['missingFiles']>)(version, dir, existing);
      },
    }),
  };
}
