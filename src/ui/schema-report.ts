import type { ReportContext } from './report-context.js';

/** `schema`: the shipped JSON Schema as it is in the package (it is JSON already; --json changes nothing). */
export function printSchema(options: { ctx: Pick<ReportContext, 'stdout'>; text: string }): void {
  options.ctx.stdout.write(options.text);
}
