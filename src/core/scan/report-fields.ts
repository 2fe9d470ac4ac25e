/**
 * The JSON types of the optional report fields the stage reads, as Trivy writes them. A field
 * of another type (a hand-made or damaged report: Trivy never writes one) is refused when the
 * report is read, naming where, instead of surfacing as a crash or a value of the wrong type
 * in one of the renderings (types only: a negative line number is still a number). `null`
 * counts as absent, as Go writes a nil slice or map.
 */
export type FieldType = 'string' | 'number' | 'strings' | { object: FieldSpec } | { list: FieldSpec } | { map: FieldType };
export interface FieldSpec {
  readonly [field: string]: FieldType;
}

const CVSS: FieldSpec = {
  V2Vector: 'string',
  V3Vector: 'string',
  V40Vector: 'string',
  V2Score: 'number',
  V3Score: 'number',
  V40Score: 'number',
};
const IDENTIFIER: FieldSpec = { PURL: 'string', UID: 'string', BOMRef: 'string' };

export const REPORT_FIELDS: FieldSpec = {
  ArtifactType: 'string',
  CreatedAt: 'string',
  Trivy: { object: { Version: 'string' } },
  Metadata: {
    object: { OS: { object: { Family: 'string', Name: 'string' } }, ImageID: 'string', RepoTags: 'strings', RepoDigests: 'strings' },
  },
};

export const RESULT_FIELDS: FieldSpec = { Class: 'string', Type: 'string' };

export const LIST_FIELDS: Readonly<Record<string, FieldSpec>> = {
  Vulnerabilities: {
    PkgID: 'string',
    PkgPath: 'string',
    PkgIdentifier: { object: IDENTIFIER },
    InstalledVersion: 'string',
    FixedVersion: 'string',
    Status: 'string',
    SeveritySource: 'string',
    PrimaryURL: 'string',
    Title: 'string',
    Description: 'string',
    CweIDs: 'strings',
    CVSS: { map: { object: CVSS } },
    VendorSeverity: { map: 'number' },
    DataSource: { object: { ID: 'string', Name: 'string', URL: 'string' } },
    References: 'strings',
    PublishedDate: 'string',
    LastModifiedDate: 'string',
  },
  Misconfigurations: {
    Type: 'string',
    AVDID: 'string',
    Title: 'string',
    Description: 'string',
    Message: 'string',
    Resolution: 'string',
    PrimaryURL: 'string',
    References: 'strings',
    Status: 'string',
    CauseMetadata: { object: { Resource: 'string', Provider: 'string', Service: 'string', StartLine: 'number', EndLine: 'number' } },
  },
  Secrets: { Category: 'string', Title: 'string', StartLine: 'number', EndLine: 'number', Match: 'string' },
  Licenses: { Category: 'string', PkgName: 'string', FilePath: 'string', Confidence: 'number', Link: 'string' },
  Packages: {
    ID: 'string',
    Version: 'string',
    Identifier: { object: IDENTIFIER },
    Licenses: 'strings',
    Locations: { list: { StartLine: 'number', EndLine: 'number' } },
    DependsOn: 'strings',
    Relationship: 'string',
  },
};

/** A field of the wrong type: where it is below the item (`.CVSS.nvd.V3Score`), what it is and what Trivy writes there. */
export interface FieldTypeError {
  path: string;
  found: string;
  expected: string;
}

/** The first field of `item` that `spec` types otherwise, or undefined. */
export function fieldTypeError(item: Record<string, unknown>, spec: FieldSpec): FieldTypeError | undefined {
  for (const field in spec) {
    const value = item[field];
    if (value === undefined || value === null) continue;
    const problem = typeError(value, spec[field] as FieldType);
    if (problem !== undefined) return { ...problem, path: `.${field}${problem.path}` };
  }
  return undefined;
}

// Plain loops and no closures: every finding of a 20,000-finding report passes through here.
function typeError(value: unknown, type: FieldType): FieldTypeError | undefined {
  if (type === 'string' || type === 'number') return typeof value === type ? undefined : wrong(`a ${type}`, '', value);
  if (type === 'strings') {
    if (!Array.isArray(value)) return wrong('a list of strings', '', value);
    for (let at = 0; at < value.length; at++) if (typeof value[at] !== 'string') return wrong('a string', `[${at}]`, value[at]);
    return undefined;
  }
  if ('list' in type) {
    if (!Array.isArray(value)) return wrong('a list', '', value);
    for (let at = 0; at < value.length; at++) {
      const entry: unknown = value[at];
      if (!isObject(entry)) return wrong('an object', `[${at}]`, entry);
      const problem = fieldTypeError(entry, type.list);
      if (problem !== undefined) return { ...problem, path: `[${at}]${problem.path}` };
    }
    return undefined;
  }
  if (!isObject(value)) return wrong('an object', '', value);
  if ('object' in type) return fieldTypeError(value, type.object);
  for (const key in value) {
    const entry = value[key];
    if (entry === undefined || entry === null) continue;
    const problem = typeError(entry, type.map);
    if (problem !== undefined) return { ...problem, path: `.${key}${problem.path}` };
  }
  return undefined;
}

function wrong(expected: string, path: string, found: unknown): FieldTypeError {
  return { path, found: kind(found), expected };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
