/** What the benchmark sends: each scenario is one slash command text and who types it. */
import { U } from '../test/support/factories.js';
import type { Outcome } from './load.js';

export interface Scenario {
  name: string;
  userId: string;
  /** The command text; `id` tags it so its answer can be recognised. */
  text: (id: string) => string;
  /** What every request must end in; anything else means we measured refusals. */
  expect: Outcome;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'update',
    userId: U.lead,
    text: (id) => `update WS1 Caseload audit sample checked, practice improving [${id}]`,
    expect: 'post',
  },
  { name: 'status', userId: U.member, text: () => 'status', expect: 'reply' },
];

/** The bare app answers any text with one fixed response_url reply. */
export const BARE: Scenario = { name: 'bare Bolt', userId: U.member, text: () => 'status', expect: 'reply' };

export const scenarioNamed = (name: string): Scenario => [...SCENARIOS, BARE].find((s) => s.name === name)!;
