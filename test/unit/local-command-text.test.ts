import { describe, expect, it } from 'vitest';
import { encodeCommandText } from '../../src/local/page/command-text.js';

const people = [{ id: 'U0LOCAL003', name: 'tom.richards', displayName: 'Tom' }];
const channels = [{ id: 'C0BOARD001', name: 'improvement-board' }];
const encode = (text: string) => encodeCommandText(text, people, channels);

describe('the local page encodes command text as Slack does', () => {
  it('escapes &, < and >', () => {
    expect(encode('caseloads < 25 & agency > 12%')).toBe('caseloads &lt; 25 &amp; agency &gt; 12%');
  });

  it('links @handles, @first names and #channels it knows, and leaves others alone', () => {
    expect(encode('action add WS2 @tom.richards Re-audit')).toBe(
      'action add WS2 <@U0LOCAL003|tom.richards> Re-audit',
    );
    expect(encode('owner @Tom')).toBe('owner <@U0LOCAL003|tom.richards>');
    expect(encode('setup #improvement-board')).toBe('setup <#C0BOARD001|improvement-board>');
    expect(encode('ask @nobody in #nowhere')).toBe('ask @nobody in #nowhere');
  });

  it('does not take an e-mail address for a mention', () => {
    expect(encode('write to ops@tom.example')).toBe('write to ops@tom.example');
  });

  it('cannot be used to inject a mention or link with angle brackets', () => {
    expect(encode('<@U0ADMIN> <https://evil.example|x>')).toBe(
      '&lt;@U0ADMIN&gt; &lt;https://evil.example|x&gt;',
    );
  });
});
