/**
 * Files the app reads from the project folder (migrations, fonts, the local page). This module sits
 * one folder below the project root, and so does the built bundle (dist/main.js) it is compiled
 * into, so the same relative address holds whether it runs from source (tsx) or from the build.
 */
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);

/** An absolute path inside the project folder, e.g. projectPath('prisma/migrations'). */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

/** The same, as a file: URL (for readFile(new URL(name, base))). */
export function projectUrl(relative: string): URL {
  return new URL(relative, ROOT);
}
