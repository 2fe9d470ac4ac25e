/** Where a release's package goes. One implementation per `publish` input value. */
export interface Publisher {
  readonly kind: 'npm' | 'pypi' | 'command' | 'none';
  /** Package name and registry, for the plan. */
  describe(): string;
  /**
   * Whether `version` is already in the registry; undefined when this publisher cannot tell
   * (a plain command without a check). An unreachable registry throws.
   */
  isPublished(version: string): Promise<boolean | undefined>;
  /** Publishes the package in `dir` (the library's folder, already at `version`). */
  publish(version: string, dir: string, context: PublishContext): Promise<void>;
}

export interface PublishContext {
  tag: string;
  /** npm dist-tag (`latest`, or the prerelease channel). */
  distTag: string;
}

export const noPublisher: Publisher = {
  kind: 'none',
  describe: () => 'nothing (publish: none)',
  isPublished: async () => undefined,
  publish: async () => {},
};
