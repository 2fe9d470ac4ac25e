import { run } from '../../process.js';
import type { Publisher } from './publisher.js';

/** Runs `argv` in the library folder before publishing (e.g. `python3 -m build`), also when resuming from a tag. */
export function withBuild(publisher: Publisher, argv: readonly string[] | undefined): Publisher {
  if (!argv || argv.length === 0) return publisher;
  const [command = '', ...args] = argv;
  return {
    ...publisher,
    describe: () => `${publisher.describe()} after ${JSON.stringify(argv)}`,
    isPublished: (version) => publisher.isPublished(version),
    async publish(version, dir, context) {
      await run(command, args, { cwd: dir, env: { AEGIS_RELEASE_VERSION: version, AEGIS_RELEASE_TAG: context.tag } });
      await publisher.publish(version, dir, context);
    },
  };
}
