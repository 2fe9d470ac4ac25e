import { run } from '../../process.js';
import type { Publisher, RegistryEntry } from './publisher.js';

/**
 * Runs `argv` in the library folder before publishing (e.g. `python3 -m build`), also when resuming
 * from a tag. A rerun compares what it builds with what the registry holds, so the build must be
 * reproducible: hatchling and flit are by default, setuptools with SOURCE_DATE_EPOCH (passed through).
 */
export function withBuild(publisher: Publisher, argv: readonly string[] | undefined): Publisher {
  if (!argv || argv.length === 0) return publisher;
  const [command = '', ...args] = argv;
  return {
    ...publisher,
    describe: () => `${publisher.describe()} after ${JSON.stringify(argv)}`,
    async publish(version, dir, context) {
      await run(command, args, { cwd: dir, env: { AEGIS_RELEASE_VERSION: version, AEGIS_RELEASE_TAG: context.tag } });
      await publisher.publish(version, dir, context);
    },
    ...(publisher.missingFiles && {
      async missingFiles(version: string, dir: string, existing: RegistryEntry) {
        await run(command, args, { cwd: dir, env: { AEGIS_RELEASE_VERSION: version } });
        return (publisher.missingFiles as NonNullable<Publisher['missingFiles']>)(version, dir, existing);
      },
    }),
  };
}
