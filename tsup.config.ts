import { defineConfig } from 'tsup';

// Bundles the server and the CLI; dependencies stay external and are loaded from node_modules.
export default defineConfig({
  entry: { main: 'src/main.ts', cli: 'src/cli/index.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: false,
  sourcemap: true,
  splitting: true,
});
