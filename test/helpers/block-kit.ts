// Slack's documented Block Kit limits, checked on a payload (attachments' blocks included):
// docs.slack.dev/reference/block-kit/blocks — a message holds at most 50 blocks; header
// block: plain_text only, at most 150 characters; section block: text at most 3,000
// characters, at most 10 fields of at most 2,000 characters each; button element: text
// plain_text at most 75 characters, url at most 3,000 characters; actions: at most 25 elements.
type Json = Record<string, unknown>;

const length = (text: unknown) => [...String(text ?? '')].length;

export function checkBlockKit(payload: Json): string[] {
  const problems: string[] = [];
  const lists: Json[][] = [];
  if (Array.isArray(payload.blocks)) lists.push(payload.blocks as Json[]);
  for (const attachment of (payload.attachments as Json[] | undefined) ?? []) {
    if (Array.isArray(attachment.blocks)) lists.push(attachment.blocks as Json[]);
  }
  if (lists.length === 0) problems.push('no blocks');
  for (const blocks of lists) {
    if (blocks.length > 50) problems.push(`${blocks.length} blocks > 50`);
    for (const block of blocks) {
      const text = block.text as Json | undefined;
      if (block.type === 'header') {
        if (text?.type !== 'plain_text') problems.push('header text is not plain_text');
        if (length(text?.text) > 150) problems.push(`header ${length(text?.text)} > 150`);
      } else if (block.type === 'section') {
        if (text && length(text.text) > 3000) problems.push(`section text ${length(text.text)} > 3000`);
        const fields = (block.fields as Json[] | undefined) ?? [];
        if (fields.length > 10) problems.push(`${fields.length} fields > 10`);
        for (const field of fields) if (length(field.text) > 2000) problems.push(`field ${length(field.text)} > 2000`);
        if (!text && fields.length === 0) problems.push('section without text or fields');
      } else if (block.type === 'actions') {
        const elements = (block.elements as Json[] | undefined) ?? [];
        if (elements.length > 25) problems.push('actions > 25 elements');
        for (const element of elements) {
          if (length((element.text as Json | undefined)?.text) > 75) problems.push('button text > 75');
          if (length(element.url) > 3000) problems.push('button url > 3000');
        }
      } else problems.push(`unexpected block type ${String(block.type)}`);
    }
  }
  return problems;
}

/** Validation errors of an Adaptive Card against the vendored 1.4 schema (test/fixtures/notify/SOURCE.md); [] when valid. */
export async function adaptiveCardErrors(card: unknown): Promise<string[]> {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { default: Ajv } = await import('ajv');
  const { default: addFormats } = await import('ajv-formats');
  const draft06 = (await import('ajv/dist/refs/json-schema-draft-06.json', { with: { type: 'json' } })).default;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/notify/adaptive-card-1.4.json'), 'utf8'));
  // The file names its id the draft-04 way (`id`); Ajv takes draft-06's `$id`.
  schema.$id = schema.id;
  delete schema.id;
  const validate = ajv.compile(schema);
  return validate(card) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}
