/**
 * The console's build: `web/` → `web/dist/` (static files that `npm start` serves beside the API and the CDK app
 * uploads to S3). Route-level code splitting keeps the officials' pages out of what the public pages load.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // .vite/manifest.json: which files each page loads (bench/web.ts, test/web/bundle.test.ts).
    manifest: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // One long-cached chunk for the libraries every page uses; each page's own code stays in its route's chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/local': 'http://127.0.0.1:3000' } },
});
