// Writes schema/agent-frontmatter.schema.json from the zod schema (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { agentFrontMatterJsonSchema } from '../src/core/agent/schema.js';

writeFileSync(new URL('../schema/agent-frontmatter.schema.json', import.meta.url), `${JSON.stringify(agentFrontMatterJsonSchema(), null, 2)}\n`);
