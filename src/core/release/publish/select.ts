/** The publisher a release uses, chosen by the `publish` input and the library's manifest. */
import { InputError } from '../../errors.js';
import { npmPackageName, pypiProjectName } from '../package.js';
import { withBuild } from './build.js';
import { commandPublisher } from './command.js';
import { NPM_DEFAULT_REGISTRY, npmPublisher } from './npm.js';
import { noPublisher, type Publisher } from './publisher.js';
import { defaultCheckUrl, PYPI_DEFAULT_UPLOAD_URL, pypiPublisher } from './pypi.js';

export const PUBLISH_TARGETS = ['npm', 'pypi', 'command', 'none'] as const;
export type PublishTarget = (typeof PUBLISH_TARGETS)[number];

export interface PublisherOptions {
  publish: PublishTarget;
  /** The library's folder: where the manifest is read and the build and publish commands run. */
  libraryDir: string;
  tagPrefix: string;
  registryUrl?: string;
  token?: string;
  /** Run in the library folder before publishing. */
  buildArgv?: string[];
  /** publish: command — the publish command and the one that tells whether a version is out. */
  publishArgv?: string[];
  checkArgv?: string[];
  /** PyPI JSON API base; derived from registryUrl for pypi.org and test.pypi.org. */
  pypiCheckUrl?: string;
}

/** The publisher for `options.publish`; refuses, naming the input, a library whose manifest cannot be published that way. */
export function createPublisher(options: PublisherOptions): Publisher {
  const { libraryDir, registryUrl, token, buildArgv } = options;
  switch (options.publish) {
    case 'npm': {
      const packageName = npmPackageName(libraryDir);
      if (!packageName) throw new InputError('publish', 'npm', "a library folder ('path') with a package.json that has a name");
      return withBuild(npmPublisher({ packageName, registryUrl: registryUrl ?? NPM_DEFAULT_REGISTRY, token }), buildArgv);
    }
    case 'pypi': {
      const packageName = pypiProjectName(libraryDir);
      if (!packageName) throw new InputError('publish', 'pypi', "a library folder ('path') with a pyproject.toml naming the project");
      const uploadUrl = registryUrl ?? PYPI_DEFAULT_UPLOAD_URL;
      if (!options.pypiCheckUrl && !defaultCheckUrl(uploadUrl)) {
        throw new InputError(
          'pypi-check-url',
          '',
          `the JSON API URL of ${uploadUrl} (…/pypi/)`,
          'only pypi.org and test.pypi.org are known',
        );
      }
      return withBuild(pypiPublisher({ packageName, registryUrl: uploadUrl, checkUrl: options.pypiCheckUrl, token }), buildArgv);
    }
    case 'command':
      return withBuild(
        commandPublisher(
          { argv: options.publishArgv as string[], checkArgv: options.checkArgv, token, registryUrl },
          libraryDir,
          (version) => `${options.tagPrefix}${version}`,
        ),
        buildArgv,
      );
    default:
      return noPublisher;
  }
}
