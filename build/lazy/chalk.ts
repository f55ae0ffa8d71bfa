// The entry of dist/cli-chalk.cjs (build/lazy-dependencies.ts): chalk, required only when there is
// colour to write (ui/style.ts builds no Chalk otherwise).
export * from 'chalk';
export { default } from 'chalk';
