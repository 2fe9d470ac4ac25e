import { join } from 'node:path';

/** Reference data vendored from the anchors (see each folder's SOURCE.md): inside the repository, so a plain clone runs the tests. */
export const REFERENCE = join(import.meta.dirname, '../fixtures/reference');
export const REFERENCE_SCHEMAS = join(REFERENCE, 'schemas');
export const TRIVY_GOLDENS = join(REFERENCE, 'trivy');
