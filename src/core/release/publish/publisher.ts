/** One file of a published release (PyPI's JSON API `urls`). */
export interface RegistryFile {
  filename: string;
  sha256: string;
}

/** What a registry holds for one version: enough to tell whether it was built from the commit being tagged. */
export interface RegistryEntry {
  version: string;
  /** Commit the artifact was built from, when the registry records one (npm `gitHead`). */
  gitHead?: string;
  /** Tarball integrity (npm `dist.integrity`). */
  integrity?: string;
  /** Distribution files (PyPI). */
  files?: RegistryFile[];
}

/** Where a release's package goes. One implementation per `publish` input value. */
export interface Publisher {
  readonly kind: 'npm' | 'pypi' | 'command' | 'none';
  /** Package name and registry, for the plan. */
  describe(): string;
  /**
   * What the registry holds for `version`: undefined when it holds nothing, 'unknown' when
   * this publisher cannot tell (a plain command without a check). An unreachable registry throws.
   */
  lookup(version: string): Promise<RegistryEntry | 'unknown' | undefined>;
  /** The registry's dist-tags (tag → version); empty where the registry has none. */
  distTags(): Promise<Record<string, string>>;
  /** Proves, without publishing, that the registry accepts the credentials (as far as it allows); throws otherwise. */
  verifyAccess(): Promise<string>;
  /**
   * Publishes the package in `dir` (the library's folder, already at `version`). `existing` is what
   * the registry already holds of it (PyPI: the files already uploaded).
   */
  publish(version: string, dir: string, context: PublishContext): Promise<void>;
  /**
   * Files in `dir` (after building) that the registry lacks; throws when a file of the same name
   * differs. Only publishers whose releases consist of several files implement it (PyPI).
   */
  missingFiles?(version: string, dir: string, existing: RegistryEntry): Promise<string[]>;
}

export interface PublishContext {
  tag: string;
  /** npm dist-tag (`latest`, a maintenance tag, or the prerelease channel). */
  distTag: string;
  existing?: RegistryEntry;
}

export const noPublisher: Publisher = {
  kind: 'none',
  describe: () => 'nothing (publish: none)',
  lookup: async () => 'unknown',
  distTags: async () => ({}),
  verifyAccess: async () => 'nothing to publish',
  publish: async () => {},
};
