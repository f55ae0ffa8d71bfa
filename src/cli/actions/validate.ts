import { AgentpackError } from '../../core/errors.js';
import { resolveCatalogRoot } from '../../io/package/catalog-root.js';
import { validateSource } from '../../io/validate/validate-source.js';
import { validateTargets } from '../../io/validate/validate-paths.js';
import { printValidation } from '../../ui/validation-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { loadSource, requireFromForPick } from '../flows/load-source.js';
import { assertSelected, selectionOf } from '../../core/catalog/select.js';

const OPTIONS = { strict: 'switch', root: 'text', from: 'value', plugin: 'value' } as const;

export async function runValidate(options: { paths: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { strict, root, from, plugin } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  requireFromForPick({ from, pick: [], plugin, ctx });
  if (root !== undefined && options.paths.length > 0) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.rootWithPaths') }, exitCode: 2 });
  }
  if (from !== undefined) {
    if (options.paths.length > 0) throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.fromWithPaths') }, exitCode: 2 });
    const select = selectionOf({ agents: [], plugin });
    const scan = await loadSource({ from, pick: [], ctx, anyFile: true, ...(select ? { select } : {}) });
    assertSelected({ selection: scan.selection, from });
    ctx.exitCode = printValidation({ report: validateSource({ scan, strict, flags: { from }, plugin }), strict, ctx });
    return;
  }
  const catalogRoot = options.paths.length === 0 ? await resolveCatalogRoot({ root, cwd: ctx.cwd }) : undefined;
  const report = await validateTargets({ paths: options.paths, cwd: ctx.cwd, root: catalogRoot, flags: { root }, strict });
  options.ctx.exitCode = printValidation({ report, strict, ctx: options.ctx });
}
