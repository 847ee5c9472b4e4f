// `tools/run.sh serve`: serves dist/ on 127.0.0.1 with the browser tests' static server
// (tests/browser/server.mjs), plain (no test probe). PORT picks the port (8080).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const server = await serve(process.argv[2] ?? dist, { port: Number(process.env.PORT ?? 8080) });
console.log(`serving ${process.argv[2] ?? 'dist/'} at ${server.origin}/ (Ctrl-C stops)`);
