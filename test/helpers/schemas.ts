import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The vendored reference schemas (all JSON Schema draft-07; see test/fixtures/reference/schemas/SOURCE.md). */
export const SCHEMAS = join(import.meta.dirname, '../fixtures/reference/schemas');

const cache = new Map<string, ValidateFunction>();

export function schemaValidator(file: string): ValidateFunction {
  let validate = cache.get(file);
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
    cache.set(file, validate);
  }
  return validate;
}

/** Validation errors as readable lines; [] when valid. */
export function schemaErrors(file: string, data: unknown): string[] {
  const validate = schemaValidator(file);
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}
