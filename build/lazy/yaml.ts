// The entry of dist/cli-yaml.cjs (build/lazy-dependencies.ts): yaml, required only when a front-matter
// needs the full YAML parser or printer (core/yaml/simple.ts reads and writes the rest).
export * from 'yaml';
export { default } from 'yaml';
