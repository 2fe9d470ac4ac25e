import type { Platform } from '../platform/types.js';

export interface InputSpec {
  description: string;
  required?: boolean;
  /** The one place a default lives: action.yml, the GitLab component and the README are generated from it. */
  default?: string;
  /** Registered for masking as soon as it is read. */
  secret?: boolean;
}

/**
 * What an output holds, as the README's "Inputs and outputs" convention names it (checked by
 * test/unit/output-conventions.test.ts): `path` a file's path (relative to the workspace when
 * inside it), `list` one item per line, `json` a JSON document, `boolean` 'true'/'false',
 * `number` a decimal count, `text` anything else (a SHA, a URL, a version, a verdict).
 */
export type OutputKind = 'path' | 'list' | 'json' | 'boolean' | 'number' | 'text';

export interface OutputSpec {
  kind: OutputKind;
  description: string;
}

/** GitLab component specifics beyond the one job every stage gets. `$[[ inputs.x ]]` is allowed in values. */
export interface GitLabComponent {
  /** Artifacts beyond the summary and the dotenv report every component keeps. */
  artifacts?: { paths?: string[]; reports?: Record<string, string> };
  /** Component-only inputs (not action inputs), e.g. the stage of an extra job; `type: array` for whole YAML values. */
  inputs?: Record<string, { description: string; default: string } | { description: string; type: 'array'; default: unknown[] }>;
  /** Stage input defaults that differ on GitLab: paths the template itself names as artifacts. */
  defaults?: Record<string, string>;
  /** Default for the `job-stage` input. */
  stage?: string;
  /** The job's `cache:` section (the runner restores it before the script and saves it after), or an array input's placeholder. */
  cache?: Record<string, unknown> | string;
  /** More jobs, keyed by name, e.g. a trigger for a generated child pipeline. */
  jobs?: Record<string, unknown>;
}

/** Everything about a stage that is not its logic: the source of its action.yml and component template. */
export interface StageMetadata {
  name: string;
  title: string;
  description: string;
  inputs: Record<string, InputSpec>;
  outputs: Record<string, OutputSpec>;
  gitlab?: GitLabComponent;
}

/** A stage as the CLI, the actions and the components run it: its metadata and its run. */
export interface StageDefinition extends StageMetadata {
  run(platform: Platform): Promise<void>;
}
