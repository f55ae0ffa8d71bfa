// Build plumbing (tsup.config.ts, "lazy dependencies"): chalk as dist/cli-chalk.cjs, required only when
// there is colour to write (ui/style.ts builds no Chalk otherwise).
export * from 'chalk';
export { default } from 'chalk';
