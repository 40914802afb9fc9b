/**
 * The demo programme's content: a plausible plan after an 'inadequate' judgement, modelled on
 * published improvement plans. Pure data; src/seed/demo.ts writes it.
 */
import type { Rag } from '../domain/rag.js';

export interface DemoWorkstream {
  code: string;
  name: string;
  theme: string;
  /** Index into the demo people (0 is the programme manager). */
  lead: number;
  rag: Rag;
  /** Earlier RAG and the reason it moved, shown in the history and 'changes this week'. */
  moved?: { from: Rag; daysAgo: number; reason: string };
  projects: string[];
  /** For a Red workstream: why its first project is Red (the others are Amber). */
  redProjectReason?: string;
  /** Days since the latest update; 7 or more makes the workstream 'silent'. */
  lastUpdateDaysAgo: number;
  updates: string[];
}

export const DEMO_PEOPLE = [
  { name: 'Priya Shah', role: 'admin' },
  { name: 'Sarah Ahmed', role: 'lead' },
  { name: 'Tom Richards', role: 'lead' },
  { name: 'Grace Okafor', role: 'lead' },
  { name: 'Dan Whitfield', role: 'lead' },
  { name: 'Helen Marsh', role: 'member' },
] as const;

export const DEMO_WORKSTREAMS: DemoWorkstream[] = [
  {
    code: 'WS1',
    name: 'Support and Develop Our Workforce',
    theme: 'A stable, skilled workforce',
    lead: 1,
    rag: 'amber',
    moved: {
      from: 'red',
      daysAgo: 3,
      reason:
        'Caseloads down to 27 on average; 9 of 12 permanent posts filled, 3 agency leavers expected in January',
    },
    projects: ['Recruitment and retention', 'ASYE academy', 'Manageable caseloads'],
    lastUpdateDaysAgo: 3,
    updates: [
      'Recruitment campaign closed with 14 applicants for 6 posts',
      'Second ASYE cohort of 8 started',
      'Caseloads down to 27 on average',
    ],
  },
  {
    code: 'WS2',
    name: 'Improve Our Practice',
    theme: 'Good practice every time',
    lead: 2,
    rag: 'red',
    moved: {
      from: 'amber',
      daysAgo: 2,
      reason:
        'Audit found 38% of assessments in the duty teams out of timescale; practice standards not yet embedded',
    },
    projects: ['Practice standards', 'Supervision quality', 'Audit programme'],
    redProjectReason:
      'Standards launched but not yet used in supervision: 4 of 10 audited files refer to them',
    lastUpdateDaysAgo: 2,
    updates: [
      'Practice standards launched at all-staff briefing',
      'Supervision audit: 61% good or better',
      'Monthly audit: 38% of assessments out of timescale',
    ],
  },
  {
    code: 'WS3',
    name: 'Commitment to Continuous Improvement',
    theme: 'Leaders who know their service',
    lead: 3,
    rag: 'green',
    projects: ['Performance framework', 'Quality assurance cycle'],
    lastUpdateDaysAgo: 5,
    updates: [
      'Weekly performance clinic running for all team managers',
      'Quality assurance framework signed off by the board',
    ],
  },
  {
    code: 'WS4',
    name: 'Listen to the Voice of the Child',
    theme: 'Children shape our services',
    lead: 3,
    rag: 'green',
    projects: ['Children in Care Council', 'Advocacy offer'],
    lastUpdateDaysAgo: 6,
    updates: ['Children in Care Council met the DCS', 'Advocacy take-up up to 64%'],
  },
  {
    code: 'WS5',
    name: 'Make the Right Decisions at the Right Time',
    theme: 'A safe front door',
    lead: 4,
    rag: 'red',
    projects: ['Front door and MASH', 'Strategy discussions', 'Thresholds'],
    redProjectReason: 'Police attendance at strategy discussions 55% against an 80% target',
    lastUpdateDaysAgo: 4,
    updates: ['MASH staffing review complete', 'Police attendance at strategy discussions still at 55%'],
  },
  {
    code: 'WS6',
    name: 'Deliver Good Outcomes for Children',
    theme: 'Children are safe and thrive',
    lead: 2,
    rag: 'amber',
    moved: { from: 'green', daysAgo: 20, reason: 'Pre-proceedings tracker shows 11 cases over 16 weeks' },
    projects: ['Pre-proceedings', 'Children in need plans'],
    lastUpdateDaysAgo: 8,
    updates: ['Legal gateway panel now weekly'],
  },
  {
    code: 'WS7',
    name: 'Focus on Permanency for our Children',
    theme: 'Children are safe and thrive',
    lead: 1,
    rag: 'amber',
    projects: ['Permanency planning', 'Sufficiency of placements'],
    lastUpdateDaysAgo: 6,
    updates: ['Permanency tracking meeting established', 'Two new in-house foster carers approved'],
  },
  {
    code: 'WS8',
    name: 'Provide Earlier Access to Support',
    theme: 'Help at the right time',
    lead: 4,
    rag: 'not_started',
    projects: ['Early help hubs', 'Partnership offer'],
    lastUpdateDaysAgo: 12,
    updates: ['Early help strategy drafted for partnership sign-off'],
  },
];

/** Actions: [workstream index, owner index, due in days (negative = overdue), text, status]. */
export const DEMO_ACTIONS: [number, number, number, string, 'open' | 'done' | 'verified'][] = [
  [0, 1, -21, 'Agree market supplement for hard-to-fill posts with HR', 'open'],
  [0, 5, -9, 'Publish caseload dashboard for team managers', 'open'],
  [0, 1, -2, 'Complete exit interviews for agency leavers', 'open'],
  [0, 5, 2, 'Launch ASYE cohort 3 recruitment', 'open'],
  [0, 1, 12, 'Report retention survey results to the board', 'open'],
  [0, 1, -40, 'Recruit 6 permanent social workers', 'verified'],
  [1, 2, -18, 'Embed practice standards in every team meeting', 'open'],
  [1, 2, -6, 'Re-audit duty team assessments', 'open'],
  [1, 5, 1, 'Supervision template agreed with principal social worker', 'open'],
  [1, 2, 9, 'Deliver practice week for all frontline staff', 'open'],
  [1, 2, 25, 'Thematic audit of neglect cases', 'open'],
  [1, 5, -30, 'Appoint principal social worker', 'done'],
  [2, 3, -5, 'Monthly performance report to DCS', 'open'],
  [2, 3, 6, 'Refresh quality assurance framework', 'open'],
  [2, 3, 20, 'Peer review with a regional partner', 'open'],
  [2, 3, -12, 'Weekly performance clinic for team managers', 'verified'],
  [3, 3, 4, 'Young people co-design the care leaver offer', 'open'],
  [3, 5, 15, 'Refresh advocacy contract', 'open'],
  [3, 3, 30, 'Publish "You said, we did" for children in care', 'open'],
  [3, 3, -25, 'Children in Care Council meets DCS', 'done'],
  [4, 4, -16, 'Police attendance at strategy discussions above 80%', 'open'],
  [4, 4, -3, 'MASH threshold guidance reissued to partners', 'open'],
  [4, 5, 0, 'Daily MASH management oversight recorded', 'open'],
  [4, 4, 8, 'Contact to referral audit', 'open'],
  [4, 4, 35, 'Multi-agency threshold training', 'open'],
  [4, 4, -45, 'MASH staffing review', 'verified'],
  [5, 2, -11, 'Review all pre-proceedings cases over 16 weeks', 'open'],
  [5, 5, 3, 'Legal gateway panel terms of reference', 'open'],
  [5, 2, 18, 'Child in need plan quality audit', 'open'],
  [5, 2, -20, 'Weekly legal gateway panel', 'done'],
  [6, 1, -8, 'Permanency planning meeting for every child at second review', 'open'],
  [6, 1, 5, 'Foster carer recruitment campaign', 'open'],
  [6, 5, 14, 'Sufficiency strategy to Cabinet', 'open'],
  [6, 1, 40, 'Special guardianship support offer', 'open'],
  [7, 4, -4, 'Early help strategy signed off by partnership', 'open'],
  [7, 4, 10, 'Open first family hub', 'open'],
  [7, 5, 21, 'Early help assessment training for schools', 'open'],
  [7, 4, 45, 'Early help performance dashboard', 'open'],
  [2, 3, 2, 'Board paper: progress against recommendations', 'open'],
  [1, 2, 13, 'Audit of management oversight on contacts', 'open'],
];

/** KPIs: name, unit, direction, targets [value, days from today], first reading, weekly change. */
export const DEMO_KPIS = [
  {
    name: 'Average caseload',
    unit: 'cases',
    direction: 'lower',
    targets: [
      [30, 39],
      [25, 129],
    ],
    start: 34,
    step: -0.45,
  },
  {
    name: 'ICPCs within 15 days of strategy discussion',
    unit: '%',
    direction: 'higher',
    targets: [
      [68, 39],
      [80, 221],
    ],
    start: 52,
    step: 2.2,
  },
  {
    name: 'CP visits within timescale',
    unit: '%',
    direction: 'higher',
    targets: [
      [75, 129],
      [85, 220],
    ],
    start: 71,
    step: 1.3,
  },
  {
    name: 'CIN visits within timescale',
    unit: '%',
    direction: 'higher',
    targets: [
      [75, 129],
      [85, 220],
    ],
    start: 60,
    step: 1.1,
  },
  {
    name: 'Assessments within 45 working days',
    unit: '%',
    direction: 'higher',
    targets: [[80, 99]],
    start: 58,
    step: 1.2,
  },
  {
    name: 'Agency social workers',
    unit: '%',
    direction: 'lower',
    targets: [
      [20, 129],
      [12, 312],
    ],
    start: 31,
    step: -0.5,
  },
] as const;
