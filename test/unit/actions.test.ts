/** The pure action rules: references, lateness and the one-line presenter. */
import { describe, expect, it } from 'vitest';
import {
  actionLine,
  daysOverdue,
  formatActionRef,
  formatDueDate,
  lateness,
  parseActionRef,
} from '../../src/domain/actions.js';

describe('action references', () => {
  it.each([
    ['A-12', 12],
    ['a12', 12],
    ['a-12', 12],
    ['#12', 12],
    ['12', 12],
    [' A-7 ', 7],
    ['A-12,', 12],
    ['A-0', null],
    ['B-12', null],
    ['A-', null],
    ['twelve', null],
    ['', null],
    ['A-1.5', null],
    ['12a', null],
  ])('%j → %j', (text, number) => {
    expect(parseActionRef(text)).toBe(number);
  });

  it('formats as A-<n>', () => {
    expect(formatActionRef(12)).toBe('A-12');
  });
});

describe('lateness', () => {
  it('counts whole days past the due date, only for open actions', () => {
    expect(daysOverdue('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysOverdue('2026-11-30', '2026-11-23')).toBe(0);
    expect(lateness({ dueDate: '2026-11-22', status: 'open' }, '2026-11-23')).toBe('*1 day overdue*');
    expect(lateness({ dueDate: '2026-11-23', status: 'open' }, '2026-11-23')).toBe('due today');
    expect(lateness({ dueDate: '2026-11-01', status: 'done' }, '2026-11-23')).toBeNull();
  });

  it('shows the year only when it is not this one', () => {
    expect(formatDueDate('2026-12-04', '2026-11-23')).toBe('4 Dec');
    expect(formatDueDate('2027-03-31', '2026-11-23')).toBe('31 Mar 2027');
  });
});

describe('actionLine', () => {
  const base = {
    number: 3,
    text: 'Recruit four social workers',
    dueDate: '2026-11-20',
    status: 'open',
    ownerPlatformUserId: 'U1',
    workstreamCode: 'WS1',
  };

  it('marks an overdue action and says by how much', () => {
    expect(actionLine(base, '2026-11-23')).toBe(
      '<rag:red> *A-3* WS1 · Recruit four social workers · <person:U1> · due 20 Nov · *3 days overdue*',
    );
  });

  it('shows done-awaiting-verification, the project, and makes the text safe', () => {
    const line = actionLine(
      {
        ...base,
        status: 'done',
        projectName: 'Recruitment',
        text: '<!channel> see <https://evil.example|this> <rag:red>',
      },
      '2026-11-23',
    );
    expect(line).toBe(
      '*A-3* WS1/Recruitment · &lt;!channel&gt; see &lt;https://evil.example|this&gt; &lt;rag:red&gt; · <person:U1> · due 20 Nov · <icon:done> done, awaiting verification',
    );
  });

  it('shortens long text', () => {
    expect(
      actionLine({ ...base, dueDate: '2026-12-01', text: 'word '.repeat(100) }, '2026-11-23', {
        maxText: 20,
      }),
    ).toContain('word word word word… · <person:U1>');
  });
});
