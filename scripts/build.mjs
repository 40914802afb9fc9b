// `npm run build`: compiles the app (src/main.ts and what it imports, the Prisma clients included)
// into dist/main.js with esbuild, and what is imported only on first use into chunks beside it. Packages stay in node_modules (not bundled).
// Production runs `node dist/main.js`: no tsx, no npm, no TypeScript compiler at start.
// Also called by `npm install` (postinstall) and by `npm start` when the build is missing or older
// than a source file, so a fresh clone needs no extra command.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
export const OUTFILE = join(root, 'dist', 'main.js');
const SOURCES = ['src', 'commands'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/main.js is missing or older than a source file. */
export function buildIsStale() {
  let built;
  try {
    built = statSync(OUTFILE).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((dir) => newestSource(join(root, dir)) > built);
}

/** Writes the bundle beside its final name and renames it, so a replica starting at the same moment never reads half a file. */
export async function buildApp() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    outdir: join(root, 'dist'),
    // What is imported only when needed (the Teams SDK, the board pack's Word, PDF and Excel
    // libraries, Socket Mode) goes into chunks of its own, loaded on first use.
    splitting: true,
    // Chunks sit beside main.js, one folder below the project root (see src/project-files.ts).
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
    // Bundled CommonJS helpers (none today) would need require(); give ESM one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  mkdirSync(join(root, 'dist'), { recursive: true });
  // Chunks first and main.js last, so main.js never names a chunk that is not there yet.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path.startsWith(OUTFILE)) - Number(b.path.startsWith(OUTFILE)),
  );
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  // Chunks of earlier builds (their names carry a hash of their content).
  const current = new Set(files.map((f) => f.path));
  for (const name of readdirSync(join(root, 'dist')))
    if (name.startsWith('chunk-') && !current.has(join(root, 'dist', name)))
      rmSync(join(root, 'dist', name), { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The Dockerfile installs packages before it copies the sources, and builds after.
  if (!existsSync(join(root, 'src', 'main.ts'))) console.log('No sources yet: dist/main.js not built');
  else {
    await buildApp();
    console.log('Built dist/main.js');
  }
}
