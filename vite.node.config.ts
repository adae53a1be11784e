import { defineConfig } from 'vite';

// Node-side entries (LAN relay + static server, tally CLI) bundled to plain ESM so
// `npm start` and `npm run tally` run on Node 20 without a TypeScript loader.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'build/node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: {
        server: 'server/main.ts',
        tally: 'src/cli/tally.ts',
        'bench-tally': 'src/cli/bench-tally.ts',
        'bench-dataset': 'src/cli/bench-dataset.ts',
        'bench-files': 'src/cli/bench-files.ts',
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
