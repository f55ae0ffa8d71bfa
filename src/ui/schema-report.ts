import type { UiContext } from './context.js';

/** `schema`: the shipped JSON Schema as it is in the package (it is JSON already; --json changes nothing). */
export function printSchema(options: { ctx: Pick<UiContext, 'stdout'>; text: string }): void {
  options.ctx.stdout.write(options.text);
}
