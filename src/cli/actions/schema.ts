import { readShippedSchema } from '../../io/shipped-schema.js';
import type { CliContext } from '../context.js';

/** Print the JSON Schema shipped in the package (schema/agent-frontmatter.schema.json). */
export async function runSchema(options: { ctx: CliContext }): Promise<void> {
  options.ctx.stdout.write(await readShippedSchema());
}
