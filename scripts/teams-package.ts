/**
 * `npm run teams:package` writes teams/improvement-bot.zip, the app package to upload to Teams:
 * teams/manifest.json with the Azure bot's app id and the council's addresses filled in, and the
 * two icons. CLIENT_ID (the bot's Microsoft app id) and DEVELOPER_URL are required;
 * DEVELOPER_NAME, PRIVACY_URL and TERMS_URL default from them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'teams');
const env = process.env;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const problems: string[] = [];
if (!GUID.test(env.CLIENT_ID ?? ''))
  problems.push('CLIENT_ID must be the Azure bot’s Microsoft app id, a GUID');
for (const k of ['DEVELOPER_URL', 'PRIVACY_URL', 'TERMS_URL'] as const)
  if (env[k] !== undefined && !/^https:\/\/\S+$/.test(env[k]!))
    problems.push(`${k} must be an https:// address`);
if (!env.DEVELOPER_URL)
  problems.push('DEVELOPER_URL must be set: your council’s (or supplier’s) https:// website');
if (problems.length) {
  console.error(`Cannot package the Teams app:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const values: Record<string, string> = {
  CLIENT_ID: env.CLIENT_ID!,
  DEVELOPER_NAME: env.DEVELOPER_NAME ?? new URL(env.DEVELOPER_URL!).hostname,
  DEVELOPER_URL: env.DEVELOPER_URL!,
  PRIVACY_URL: env.PRIVACY_URL ?? env.DEVELOPER_URL!,
  TERMS_URL: env.TERMS_URL ?? env.DEVELOPER_URL!,
};
const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8').replace(
  /\{\{([A-Z_]+)\}\}/g,
  (_all, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1),
);
JSON.parse(manifest);
const zip = new JSZip();
zip.file('manifest.json', manifest);
for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(join(dir, icon)));
const out = join(dir, 'improvement-bot.zip');
writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`wrote ${out}: upload it in Teams (Apps, Manage your apps, Upload an app).`);
