import { readShippedSchema } from '../../io/package/schema-file.js';
import { printSchema } from '../../ui/schema-report.js';
import type { CliContext } from '../program/context.js';

/** Print the JSON Schema shipped in the package (schema/agent-frontmatter.schema.json). */
export async function runSchema(options: { ctx: CliContext }): Promise<void> {
  printSchema({ ctx: options.ctx, text: await readShippedSchema() });
}
