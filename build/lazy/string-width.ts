// The entry of dist/cli-string-width.cjs (build/lazy-dependencies.ts): string-width, required only when
// a width is measured outside printable ASCII (ui/text-width.ts).
export { default } from 'string-width';
