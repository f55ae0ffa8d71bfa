// Build plumbing (tsup.config.ts, "lazy dependencies"): yaml as dist/cli-yaml.cjs, required only when a
// front-matter needs the full YAML parser or printer (core/yaml-simple.ts reads and writes the rest).
export * from 'yaml';
export { default } from 'yaml';
