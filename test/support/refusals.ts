/**
 * Reading a refusal as the person sees it in Slack: every reply sent through the response URL,
 * in order, and the text quoted back in its code blocks, unescaped, so a test can compare it
 * with what was typed.
 */
import type { RecordedResponse } from '../../src/local/slack-web-api.js';

const sectionTexts = (response: RecordedResponse): string[] =>
  ((response.body.blocks ?? []) as { type: string; text?: { text?: string } }[])
    .filter((b) => b.type === 'section')
    .map((b) => b.text?.text ?? '');

/** Everything the replies showed, as rendered mrkdwn, one section after another. */
export function shownText(responses: RecordedResponse[]): string {
  return responses.flatMap(sectionTexts).join('\n');
}

/** The text quoted back in code blocks across all the replies, joined and unescaped. */
export function echoedText(responses: RecordedResponse[]): string {
  return responses
    .flatMap(sectionTexts)
    .flatMap((text) => [...text.matchAll(/```([\s\S]*?)```/g)].map((m) => m[1] ?? ''))
    .join('')
    .replace(/`\u200b``/g, '```')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The longest section any reply carried: Slack cuts a section's text at 3,000 characters. */
export function longestSection(responses: RecordedResponse[]): number {
  return Math.max(0, ...responses.flatMap(sectionTexts).map((t) => t.length));
}
