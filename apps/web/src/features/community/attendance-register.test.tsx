import type { MockedResponse } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { AttendanceRegister, registerWindow } from './attendance-register';
import { ProgrammeAttendeesDocument, RecordAttendanceDocument } from './operations';

const NOW = Date.parse('2026-12-10T12:00:00.000Z');
const sessions = [
  {
    id: 's1',
    position: 1,
    theme: 'Feedback',
    startsAt: '2026-12-01T09:00:00.000Z',
    endsAt: '2026-12-01T10:30:00.000Z',
  },
  {
    id: 's2',
    position: 2,
    theme: 'Simulation',
    startsAt: '2026-12-08T09:00:00.000Z',
    endsAt: '2026-12-08T10:30:00.000Z',
  },
];

const attendees = {
  request: { query: ProgrammeAttendeesDocument, variables: { programmeId: 'p1' } },
  result: {
    data: {
      programmeApplications: {
        __typename: 'ProgrammeApplicationConnection',
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [
          { id: 'a1', member: { id: 'm1', displayName: 'Ada Obi' } },
          { id: 'a2', member: { id: 'm2', displayName: 'Ben Obi' } },
        ].map((node) => ({
          __typename: 'ProgrammeApplicationEdge',
          node: {
            __typename: 'ProgrammeApplication',
            ...node,
            member: { __typename: 'Member', ...node.member },
          },
        })),
      },
    },
  },
};

const record = (sessionId: string, memberIds: string[], result: object) => ({
  request: { query: RecordAttendanceDocument, variables: { sessionId, memberIds } },
  result,
});

const renderRegister = (mocks: MockedResponse[]) =>
  renderPage(<AttendanceRegister programmeId="p1" sessions={sessions} now={() => NOW} />, [
    attendees,
    ...mocks,
  ]);

describe('attendance register', () => {
  it('lists the accepted attendees, asks for at least one tick, and saves the ticked ones in one call', async () => {
    const user = userEvent.setup();
    renderRegister([
      record('s2', ['m1', 'm2'], {
        data: {
          recordAttendance: {
            __typename: 'AttendanceRecorded',
            sessionId: 's2',
            recorded: ['m2'],
            alreadyRecorded: ['m1'],
          },
        },
      }),
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Session' }), 's2');
    expect(screen.getByText(/can be recorded until/)).toHaveTextContent(/7 days after it ends/);
    await screen.findByRole('checkbox', { name: 'Ada Obi' });
    await user.click(screen.getByRole('button', { name: 'Save the register (0 attendees)' }));
    expect(
      screen.getByRole('group', { name: /Who attended \(2 accepted attendees\)/ }),
    ).toHaveAccessibleDescription(/Tick at least one attendee/);

    await user.click(screen.getByRole('checkbox', { name: 'Ada Obi' }));
    await user.click(screen.getByRole('checkbox', { name: 'Ben Obi' }));
    await user.click(screen.getByRole('button', { name: 'Save the register (2 attendees)' }));
    const saved = await screen.findByText('Register saved: 1 newly recorded, 1 already recorded.');
    expect(saved.closest('[role="status"]')).not.toBeNull();
  });

  it('explains a closed window and shows the service’s refusal in words', async () => {
    const user = userEvent.setup();
    renderRegister([
      record('s1', ['m1'], {
        errors: [
          {
            message: 'the register for this session closed 7 days after it ended',
            extensions: { code: 'FAILED_PRECONDITION' },
          },
        ],
      }),
    ]);
    expect(screen.getByText(/late-recording window for this session closed/)).toBeInTheDocument();
    await user.click(await screen.findByRole('checkbox', { name: 'Ada Obi' }));
    await user.click(screen.getByRole('button', { name: 'Save the register (1 attendee)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'the register for this session closed 7 days after it ended',
    );
    expect(screen.queryByText(/Register saved/)).toBeNull();
  });

  it('opens at the start and closes 7 days after the end', () => {
    const session = sessions[0];
    expect(registerWindow(session, Date.parse('2026-12-01T08:59:00.000Z')).state).toBe('notYet');
    expect(registerWindow(session, Date.parse('2026-12-08T10:29:00.000Z')).state).toBe('open');
    expect(registerWindow(session, Date.parse('2026-12-08T10:31:00.000Z')).state).toBe('closed');
  });
});
