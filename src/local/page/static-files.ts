/**
 * Serves the page (src/local/web) as it is on disk: plain HTML, CSS and ES modules, nothing
 * fetched from the internet, no build step. Only names in that folder are served.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { projectUrl } from '../../project-files.js';

const WEB_DIR = projectUrl('src/local/web/');
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};
const SAFE_NAME = /^[a-z0-9-]+\.(html|css|js|svg)$/;
/** Microsoft's Adaptive Cards renderer, as npm installed it, for the Teams view. */
const VENDOR: Record<string, URL> = {
  'adaptivecards.js': projectUrl('node_modules/adaptivecards/dist/adaptivecards.min.js'),
};

/** Sends `name` from the web folder; false when there is no such file. */
export async function sendStatic(res: ServerResponse, name: string): Promise<boolean> {
  const match = SAFE_NAME.exec(name);
  if (!match?.[1]) return false;
  try {
    const body = await readFile(Object.hasOwn(VENDOR, name) ? VENDOR[name]! : new URL(name, WEB_DIR));
    res.writeHead(200, {
      'content-type': TYPES[match[1]] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // The page loads only its own files: a stray remote font or script fails loudly.
      'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'",
    });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}
