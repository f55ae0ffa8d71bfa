// Build plumbing (tsup.config.ts, "lazy dependencies"): string-width as dist/cli-string-width.cjs,
// required only when a width is measured outside printable ASCII (ui/text-width.ts).
export { default } from 'string-width';
