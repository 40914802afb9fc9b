/**
 * The Teams app manifest stays true: every command it lists is one the registry runs, the bot
 * is the Azure bot (the same app id, filled in by `npm run teams:package`), and the icons are the
 * sizes Teams requires (colour 192×192, outline 32×32 with transparency).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from '../../commands/index.js';

const manifest = JSON.parse(readFileSync('teams/manifest.json', 'utf8'));

const pngSize = (file: string) => {
  const png = readFileSync(`teams/${file}`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
};

describe('teams/manifest.json', () => {
  it('lists only commands the registry runs, within Teams’ limits', () => {
    const names = new Set(SUBCOMMANDS.map((s) => s.name));
    const commands = manifest.bots[0].commandLists[0].commands as { title: string; description: string }[];
    expect(commands.length).toBeLessThanOrEqual(10);
    for (const c of commands) {
      expect(names, c.title).toContain(c.title);
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('lists message-extension forms only for commands that open a form, with their ids as Teams sends them', () => {
    const commands = manifest.composeExtensions[0].commands as {
      id: string;
      fetchTask: boolean;
      type: string;
    }[];
    expect(manifest.composeExtensions[0].botId).toBe('{{CLIENT_ID}}');
    expect(commands.map((c) => c.id).sort()).toEqual(['action-add', 'rag', 'update']);
    for (const c of commands) {
      const sub = SUBCOMMANDS.find((s) => s.name === c.id.replace(/-/g, ' '));
      expect(sub?.modal, c.id).toBeTypeOf('function');
      expect(c).toMatchObject({ type: 'action', fetchTask: true });
    }
  });

  it('is the Azure bot’s app, with only the placeholders teams:package fills', () => {
    expect(manifest.id).toBe('{{CLIENT_ID}}');
    expect(manifest.bots[0].botId).toBe('{{CLIENT_ID}}');
    const placeholders = new Set(readFileSync('teams/manifest.json', 'utf8').match(/\{\{[A-Z_]+\}\}/g));
    expect([...placeholders].sort()).toEqual(
      ['{{CLIENT_ID}}', '{{DEVELOPER_NAME}}', '{{DEVELOPER_URL}}', '{{PRIVACY_URL}}', '{{TERMS_URL}}'].sort(),
    );
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  it('has icons of the sizes Teams requires', () => {
    expect(pngSize(manifest.icons.color)).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32, colourType: 6 });
  });
});
