import { type MeasurementPhase, phaseFromConditions } from './evaluator.js';
import { type Expression, ExpressionError, type Value } from './expression.js';

/**
 * Argo's EvaluateResult over a check's conditions: a condition that cannot be evaluated makes
 * the measurement an Error, with Argo's wording for an empty result so the fix is obvious.
 */
export function evaluateConditions(
  success: Expression | undefined,
  failure: Expression | undefined,
  variables: Record<string, Value>,
): { phase: MeasurementPhase; message?: string } {
  let which = 'success-condition';
  try {
    const succeeded = success?.test(variables);
    which = 'failure-condition';
    const failed = failure?.test(variables);
    return { phase: phaseFromConditions(succeeded, failed) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const result = variables.result;
    const empty = result === null || result === undefined || (Array.isArray(result) && result.length === 0);
    const source = which === 'success-condition' ? success?.source : failure?.source;
    return {
      phase: 'Error',
      message: empty
        ? `could not evaluate ${which} "${source}": the result is empty (no data); write e.g. len(result) == 0 || … or set empty-result`
        : `could not evaluate ${which} "${source}": ${error.message}`,
    };
  }
}

/** A short rendering of a value for messages (NaN and ±Inf spelled out). */
export function preview(value: Value): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return (text ?? 'null').length > 80 ? `${text.slice(0, 80)}…` : (text ?? 'null');
}

/** How the conditions decide, in words (Argo's EvaluateResult spelled out). */
export function conditionsText(success?: Expression, failure?: Expression): string {
  if (success && failure) return `Failed when \`${failure.source}\`, else Successful when \`${success.source}\`, else Inconclusive`;
  if (success) return `Successful when \`${success.source}\`, else Failed`;
  if (failure) return `Failed when \`${failure.source}\`, else Successful`;
  return 'no success-condition or failure-condition: every measurement without error is Successful (Argo Rollouts rule)';
}
