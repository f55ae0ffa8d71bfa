import * as z from 'zod';
import { AgentpackError } from '../../core/errors.js';
import { sourceArgument } from '../../core/shell-word.js';
import { resolveCatalogRoot, rootArgument } from '../../io/catalog-root.js';
import { validateSource } from '../../io/validate-source.js';
import { validateTargets } from '../../io/validate-targets.js';
import { printValidation } from '../../ui/validation-report.js';
import type { CliContext } from '../context.js';
import { loadSource } from './source-option.js';

const optionsSchema = z.object({ strict: z.boolean().default(false), root: z.string().optional(), from: z.string().min(1).optional() });

export async function runValidate(options: { paths: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { strict, root, from } = optionsSchema.parse(options.raw);
  const { ctx } = options;
  if (root !== undefined && options.paths.length > 0) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.rootWithPaths') }, exitCode: 2 });
  }
  if (from !== undefined) {
    if (options.paths.length > 0) throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.fromWithPaths') }, exitCode: 2 });
    const scan = await loadSource({ from, pick: [], ctx });
    ctx.exitCode = printValidation({ report: validateSource({ scan, strict, rootArg: sourceArgument({ from }) }), strict, ctx });
    return;
  }
  const catalogRoot = options.paths.length === 0 ? await resolveCatalogRoot({ root, cwd: ctx.cwd }) : undefined;
  const report = await validateTargets({ paths: options.paths, cwd: ctx.cwd, root: catalogRoot, rootArg: rootArgument(root), strict });
  options.ctx.exitCode = printValidation({ report, strict, ctx: options.ctx });
}
