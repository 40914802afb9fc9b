// `npm run build`: compiles the app (src/main.ts and what it imports, the Prisma clients included)
// into dist/main.js with esbuild, and what is imported only on first use into chunks beside it. Packages stay in node_modules (not bundled).
// Production runs `node dist/main.js`: no tsx, no npm, no TypeScript compiler at start.
// Also called by `npm install` (postinstall) and by `npm start` when the build is missing or older
// than a source file, so a fresh clone needs no extra command.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** The package.json type of the package a file is in. */
function packageType(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type ?? 'commonjs';
  }
  return 'commonjs';
}

const requireFromRoot = createRequire(join(root, 'package.json'));

/**
 * True for a package that is CommonJS only: `import` and `require` load the same CommonJS file.
 * Imported from ESM, Node loads such a package through the ESM loader, which scans every file of
 * it (and of what it requires) for its exports: @slack/bolt took 400 ms of CPU that way and 250 ms
 * through require(), Prisma's runtime 130 ms and 40 ms. Dual packages keep their ESM entry.
 */
function commonJsOnly(specifier) {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) return false;
  let required;
  let imported;
  try {
    required = requireFromRoot.resolve(specifier);
    imported = fileURLToPath(import.meta.resolve(specifier));
  } catch {
    return false;
  }
  if (required !== imported) return false;
  return required.endsWith('.cjs') || (required.endsWith('.js') && packageType(required) !== 'module');
}

/**
 * Packages stay in node_modules; a CommonJS-only one is loaded with require() (the banner's)
 * rather than import, through a one-line CommonJS module in the bundle whose exports esbuild
 * hands to the importing code as `import` would (default: module.exports; names: its properties).
 */
const requireCommonJs = {
  name: 'require-commonjs',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.namespace === 'require-commonjs') return { path: args.path, external: true };
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      return commonJsOnly(args.path) ? { path: args.path, namespace: 'require-commonjs' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Writes the bundle beside its final name and renames it, so a replica starting at the same moment never reads half a file. */
export async function buildApp() {
  // Loaded here, not at the top: `npm start` imports this file for buildIsStale, and a fresh build
  // is the rare case there.
  const { build } = await import('esbuild');
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
    plugins: [requireCommonJs],
    sourcemap: true,
    logLevel: 'warning',
    write: false,
    // The CommonJS-only packages are loaded with require() (requireCommonJs): give ESM one.
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
