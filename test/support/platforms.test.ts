/**
 * The scenario driver's one plain text: a neutral message rendered by Slack's Block Kit renderer
 * and by Teams' Adaptive Card renderer reads the same once normalised, so a scenario row can
 * compare what a person sees on either platform with one expectation.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/chat/message.js';
import { renderMessage as renderSlack } from '../../src/chat/slack/render.js';
import { renderMessage as renderTeams } from '../../src/chat/teams/render.js';
import { NAMES, PLATFORMS, SLACK_IDS, slackShown, teamsShown } from './platforms.js';
import { PEOPLE } from './teams-e2e.js';

const both = (message: Message, people: Record<string, string> = {}) => {
  const teams = renderTeams(message, { people });
  return {
    slack: slackShown(renderSlack(message)),
    teams: teamsShown({ text: teams.text, attachments: teams.cards.map((content) => ({ content })) }),
  };
};

describe('the same message reads the same on both platforms', () => {
  it('bold, RAG marks, icons and code', () => {
    const shown = both({
      text: 'fallback',
      blocks: [
        { type: 'section', text: '<icon:warning> *WS1* is <rag:amber> *Amber* now' },
        // (A quoted `/improve …` reads `improve …` on Teams, as typed there: test/unit/teams-render.test.ts.)
        { type: 'context', text: 'Your text:\n```update WS1 *not bold* &lt;b&gt;```' },
      ],
    });
    expect(shown.slack).toBe(
      '[warning] WS1 is [rag:amber] Amber now\nYour text:\n```update WS1 *not bold* <b>```',
    );
    expect(shown.teams).toBe(shown.slack);
  });

  it('a mention reads as the person’s name on both', () => {
    const slack = slackShown(renderSlack({ text: `Owner <person:${SLACK_IDS.owner}>` }));
    const teams = both(
      { text: `Owner <person:${PEOPLE.owner.aad}>` },
      { [PEOPLE.owner.aad]: NAMES.owner },
    ).teams;
    expect(slack).toBe(`Owner @${NAMES.owner}`);
    expect(teams).toBe(slack);
  });

  it('runs on both platforms', () => {
    expect(PLATFORMS).toEqual(['slack', 'teams']);
  });
});
