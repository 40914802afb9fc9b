/** The stand-in's files.uploadV2 steps, driven by Slack's own WebClient and by bare HTTP. */
import { webApi } from '@slack/bolt';
import { afterEach, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';

const NOW = new Date('2026-11-23T10:00:00Z');
let slack: SlackWebApi;
afterEach(async () => {
  await slack.close();
});

const start = async () => {
  slack = await createSlackWebApi({
    clock: () => NOW,
    allowedMethods: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
  });
  return new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
};

it('takes WebClient.filesUploadV2: the URL, the bytes, then one message sharing the files', async () => {
  const web = await start();
  const bytes = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]);
  await web.filesUploadV2({
    channel_id: 'C0BOARD001',
    initial_comment: 'The board pack',
    file_uploads: [
      { file: bytes, filename: 'a.bin', title: 'A' },
      { file: Buffer.from('b,c\r\n'), filename: 'b.csv', title: 'B' },
    ],
  });
  expect(slack.calls.map((c) => c.method)).toEqual([
    'files.getUploadURLExternal',
    'files.getUploadURLExternal',
    'files.completeUploadExternal',
  ]);
  expect(slack.uploads).toHaveLength(2);
  const a = [...slack.files.values()].find((f) => f.filename === 'a.bin')!;
  expect(a.bytes!.equals(bytes)).toBe(true);
  expect(slack.messages).toEqual([
    expect.objectContaining({
      channel: 'C0BOARD001',
      text: 'The board pack',
      files: [
        expect.objectContaining({ name: 'a.bin', title: 'A' }),
        expect.objectContaining({ name: 'b.csv', title: 'B' }),
      ],
    }),
  ]);
  expect(slack.unexpected).toEqual([]);
});

it('refuses to share a file whose bytes never arrived, and answers 404 for an unknown upload URL', async () => {
  const web = await start();
  const { file_id } = await web.files.getUploadURLExternal({ filename: 'x.pdf', length: 10 });
  await expect(
    web.files.completeUploadExternal({ files: [{ id: file_id! }], channel_id: 'C0BOARD001' }),
  ).rejects.toThrow(/file_not_found/);
  const response = await fetch(`${slack.baseUrl}upload/F9999999999`, { method: 'POST', body: 'x' });
  expect(response.status).toBe(404);
  expect(slack.messages).toEqual([]);
});
