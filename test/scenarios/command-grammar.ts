/**
 * The command grammar's scenario tables (issue 10), one table for both platforms (issue 13):
 * near-misses answered with the corrected command ready to copy, and help for a group listing
 * every form of it. Commands are written as typed after the invocation ('/improve' or 'improve').
 */

/** [typed, the guess the reply names, the corrected command]. Nothing is stored for any of them. */
export const NEAR_MISSES: [string, string, string][] = [
  [
    'update WS1 amberr Six of 12 posts filled',
    'Did you mean “amber”?',
    'update WS1 amber Six of 12 posts filled',
  ],
  [
    'udpate WS1 Four social workers started',
    'Did you mean “update”?',
    'update WS1 Four social workers started',
  ],
  [
    'updat WS1 Four social workers started',
    'Did you mean “update”?',
    'update WS1 Four social workers started',
  ],
  [
    'update worforce Four social workers started',
    'Did you mean WS1 Support and Develop Our Workforce?',
    'update WS1 Four social workers started',
  ],
  [
    'update "Improve Our Practise" Audit done',
    'Did you mean WS2 Improve Our Practice?',
    'update WS2 Audit done',
  ],
  ['rag WS1 gren All posts filled', 'Did you mean “green”?', 'rag WS1 green All posts filled'],
  [
    'udpate WS1 amberr Six of 12 posts filled',
    'Did you mean “update”?',
    'update WS1 amber Six of 12 posts filled',
  ],
];

/** [typed, the forms its help lists]. */
export const HELP_GROUPS: [string, string[]][] = [
  ['help kpi', ['kpi add', 'kpi record', 'kpi list']],
  ['help visit', ['visit add', 'visit list', 'visit cancel', 'visit move']],
  ['help workstream', ['workstream add', 'workstream list', 'workstream edit', 'workstream close']],
  ['help ws', ['workstream add', 'workstream list', 'workstream edit', 'workstream close']],
  ['help project', ['project add', 'project rename', 'project close']],
];
