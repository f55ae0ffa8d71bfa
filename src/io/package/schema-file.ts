import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageInfo } from './root.js';

const SCHEMA_FILE = 'schema/agent-frontmatter.schema.json';

/** The JSON Schema file shipped with the package, as text. */
export async function readShippedSchema(): Promise<string> {
  return readFile(join(packageInfo().root, SCHEMA_FILE), 'utf8');
}
