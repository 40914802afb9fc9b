// `npm start`: runs the built app (dist/main.js) in this same process, building it first when it
// is missing or older than the sources (a fresh clone, or after editing). Production can run
// `node dist/main.js` directly, as the Dockerfile does.
import { buildApp, buildIsStale } from './build.mjs';

if (buildIsStale()) await buildApp();
await import('../dist/main.js');
