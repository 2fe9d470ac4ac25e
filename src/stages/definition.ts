import type { Platform } from '../platform/types.js';

export interface InputSpec {
  description: string;
  required?: boolean;
  /** The one place a default lives: action.yml, the GitLab component and the README are generated from it. */
  default?: string;
  /** Registered for masking as soon as it is read. */
  secret?: boolean;
}

export interface OutputSpec {
  description: string;
}

/** What the GitLab component's job keeps: paths and typed reports (`$[[ inputs.x ]]` allowed). */
export interface GitLabArtifacts {
  paths?: string[];
  reports?: Record<string, string>;
}

/** Everything about a stage that is not its logic: the source of its action.yml and component template. */
export interface StageDefinition {
  name: string;
  title: string;
  description: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, OutputSpec>;
  /** Artifacts beyond the summary and the dotenv report every component keeps. */
  gitlabArtifacts?: GitLabArtifacts;
  run(platform: Platform): Promise<void>;
}
