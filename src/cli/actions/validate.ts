import * as z from 'zod';
import { validateTargets } from '../../io/validate-targets.js';
import { printValidation } from '../../ui/validation-report.js';
import type { CliContext } from '../context.js';

const optionsSchema = z.object({ strict: z.boolean().default(false) });

export async function runValidate(options: { paths: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { strict } = optionsSchema.parse(options.raw);
  const report = await validateTargets({ paths: options.paths, cwd: options.ctx.cwd });
  options.ctx.exitCode = printValidation({ report, strict, ctx: options.ctx });
}
