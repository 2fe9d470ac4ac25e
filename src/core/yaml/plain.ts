import type { Document } from 'yaml';
import { FileError } from '../errors.js';

/**
 * A parsed document as plain data. Aliases are expanded here, so a "billion laughs" document
 * (a few hundred bytes of nested aliases) is refused with the file named, not a ReferenceError.
 */
export function plainData(document: Document, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new FileError(
      file,
      `expands to too much data through YAML aliases (${(error as Error).message}); write the values out instead of aliasing them`,
    );
  }
}
