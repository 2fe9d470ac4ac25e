/**
 * The verdicts of a health measurement, a check and a whole gate, in Argo Rollouts' words
 * (AnalysisPhase): what health-gate decides, what it records on the GitOps commit, and what
 * rollback-on / fail-on / empty-result choose from.
 */
export const MEASUREMENT_PHASES = ['Successful', 'Failed', 'Inconclusive', 'Error'] as const;

export type MeasurementPhase = (typeof MEASUREMENT_PHASES)[number];

/** The verdict `value` names, case-insensitively; undefined when it names none. */
export function measurementPhaseOf(value: string): MeasurementPhase | undefined {
  return MEASUREMENT_PHASES.find((phase) => phase.toLowerCase() === value.toLowerCase());
}
