import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  sourcemap: false,
  minify: false,
  shims: false,
  banner: ({ format }) => (format === 'esm' ? {} : {}),
});
