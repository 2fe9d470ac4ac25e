import type { Document } from 'yaml';
import { FileError } from '../errors.js';

/** Most aliases one YAML file may expand: a "billion laughs" file stops here, with a message. */
export const MAX_ALIASES = 100;

/** A parsed document as plain data, aliases resolved (at most MAX_ALIASES of them). */
export function yamlData(doc: Document.Parsed, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new FileError(file, `aliases could not be resolved: ${(error as Error).message}`);
  }
}
