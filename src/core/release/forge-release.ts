export interface ReleaseRequest {
  /** `owner/repo` on GitHub, `group/sub/project` on GitLab. */
  repository: string;
  tag: string;
  name: string;
  notes: string;
  prerelease: boolean;
}

/**
 * The part of a forge the release stage needs; the platform's `Forge` (Octokit on GitHub,
 * gitbeaker on GitLab) provides it. Declared here because the core never imports the platform.
 */
export interface ReleaseForge {
  readonly kind: 'github' | 'gitlab';
  /** The release's web URL, or undefined when the tag has no release yet. */
  findRelease(repository: string, tag: string): Promise<string | undefined>;
  /** Creates the release for an existing tag; returns its web URL. */
  createRelease(request: ReleaseRequest): Promise<string>;
}
