/**
 * The core is platform-neutral (issue 13): commands/, src/services/, src/digest/ and src/domain/
 * write the neutral markup of src/chat/markup.ts, and only src/chat/slack/ knows Slack's syntax.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapTokens } from '../../src/chat/markup.js';
import { fromSlack, toMrkdwn, toSlackPlain } from '../../src/chat/slack/mrkdwn.js';

const CORE = ['commands', 'src/services', 'src/digest', 'src/domain'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the neutral core', () => {
  it('holds no Slack mentions, channel links, emoji shortcodes or Slack user ids', () => {
    const found = CORE.flatMap(files).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /<@|<#|:red_circle:|slackUserId|:[a-z]+(?:_[a-z]+)+:|:(?:warning|tada|bell|memo|eyes|x):/.test(line)
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it('imports nothing from Slack', () => {
    const found = CORE.flatMap(files).filter((file) =>
      /from '[^']*(@slack\/|chat\/slack\/)/.test(readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});

describe('the markup on Slack', () => {
  it('draws people, channels, RAG marks and icons in mrkdwn, and leaves other angle brackets alone', () => {
    expect(
      toMrkdwn(
        '<rag:red> *WS1* · <person:U0LEAD|jo> in <channel:C0BOARD> <icon:done> <done|verify> <icon:nope>',
      ),
    ).toBe(':red_circle: *WS1* · <@U0LEAD|jo> in <#C0BOARD> :white_check_mark: <done|verify> <icon:nope>');
  });

  it('writes plain text where Slack cannot link: names for people, #name for channels', () => {
    expect(
      toSlackPlain(
        'Ask <person:U0LEAD> or <person:U0B|olly> in <channel:C0|board> <icon:warning>',
        new Map([['U0LEAD', 'Jo']]),
      ),
    ).toBe('Ask Jo or olly in #board :warning:');
  });

  it('reads what Slack sends as the person typed it: mentions as tokens, escaping undone, broadcasts as words', () => {
    expect(fromSlack('<@U0OWNER|olly> &amp; <#C0BOARD|board> &lt;b&gt; <!here> <!subteam^S1|@leads>')).toBe(
      '<person:U0OWNER|olly> & <channel:C0BOARD|board> <b> @here @leads',
    );
  });

  it('round-trips a mention: what the Slack app reads, Slack shows again as the same mention', () => {
    expect(toMrkdwn(fromSlack('thanks <@U0OWNER|olly>'))).toBe('thanks <@U0OWNER|olly>');
  });

  it('leaves a token it does not know as it is', () => {
    expect(mapTokens('<rag:purple> <person:> <rag:red>', () => 'X')).toBe('<rag:purple> <person:> X');
  });
});
