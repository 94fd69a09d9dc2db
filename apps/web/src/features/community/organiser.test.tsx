import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { AnnouncementForm } from './announcement-form';
import { ProgrammeForm, toProgrammeInput } from './new-programme-page';
import { SelectApplicantsDocument } from './operations';
import { SelectionForm } from './organiser-panel';
import type { ProgrammeValues } from './programme-form';

describe('new programme form', () => {
  it('shows every problem at its field, sessions included, and focuses the first', async () => {
    const user = userEvent.setup();
    renderPage(<ProgrammeForm communityId="c1" />);
    await user.click(screen.getByRole('button', { name: 'Create the programme' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByRole('group', { name: /for whom/i })).toHaveAccessibleDescription(
      'Choose at least one career stage',
    );
    const theme = screen.getByRole('textbox', { name: 'Session 1: theme' });
    expect(theme).toHaveAccessibleDescription(/Required/);
    expect(screen.getByRole('textbox', { name: 'Session 1: joining link' })).toHaveAccessibleDescription(
      /online session needs a joining link/,
    );
  });

  it('adds and removes sessions', async () => {
    const user = userEvent.setup();
    renderPage(<ProgrammeForm communityId={null} />);
    await user.click(screen.getByRole('button', { name: 'Add a session' }));
    expect(screen.getByRole('textbox', { name: 'Session 2: theme' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove session 2' }));
    expect(screen.queryByRole('textbox', { name: 'Session 2: theme' })).toBeNull();
  });

  it('sends each session on its own clock and zone, and lists from lines and commas', () => {
    const values: ProgrammeValues = {
      title: ' Teaching on the wards ',
      description: '',
      audience: ['RESIDENT'],
      capacity: 12,
      mode: 'IN_PERSON',
      applicationOpensAt: '2026-12-01T09:00',
      applicationClosesAt: '2026-12-10T17:00',
      sessions: [
        {
          theme: 'Feedback',
          startsAt: '2027-01-05T18:30',
          timeZone: 'Asia/Kolkata',
          durationMinutes: 90,
          joiningLink: '',
        },
      ],
      reflectionQuestions: 'What will you change?\n\n  What surprised you?',
      certificateMinSharePercent: 70,
      interests: 'simulation, , feedback',
    };
    const input = toProgrammeInput(values, 'c1');
    expect(input.title).toBe('Teaching on the wards');
    expect(input.sessions[0]).toEqual({
      theme: 'Feedback',
      localDate: '2027-01-05',
      localTime: '18:30',
      timeZone: 'Asia/Kolkata',
      durationMinutes: 90,
      joiningLink: null,
    });
    expect(input.reflectionQuestions).toEqual(['What will you change?', 'What surprised you?']);
    expect(input.interests).toEqual(['simulation', 'feedback']);
  });
});

describe('selecting applicants', () => {
  it('shows a busy state, then how many got a place and how many wait', async () => {
    const user = userEvent.setup();
    const selected = {
      request: {
        query: SelectApplicantsDocument,
        variables: { programmeId: 'p1', policy: 'FIRST_COME', seed: null },
      },
      // long enough to see the busy state on a loaded machine
      delay: 1000,
      result: {
        data: {
          selectApplicants: {
            __typename: 'SelectionResult',
            policy: 'FIRST_COME',
            seed: null,
            accepted: 12,
            waitlisted: 3,
            programme: { __typename: 'Programme', id: 'p1', selectionPolicy: 'FIRST_COME', selectedAt: null },
          },
        },
      },
    };
    renderPage(<SelectionForm programmeId="p1" selectedAt={null} closesAt="2026-12-10T17:00:00.000Z" />, [
      selected,
    ]);
    await user.click(screen.getByRole('radio', { name: /first come/i }));
    expect(screen.queryByRole('textbox', { name: /seed/i })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Select applicants' }));
    expect(await screen.findByRole('button', { name: /selecting/i })).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('12 places confirmed, 3 on the waiting list');
  });

  it('puts a refused seed at its field', async () => {
    const user = userEvent.setup();
    const refused = {
      request: {
        query: SelectApplicantsDocument,
        variables: { programmeId: 'p1', policy: 'PRIORITY_THEN_LOTTERY', seed: 'x' },
      },
      result: {
        errors: [
          {
            message: 'Invalid input',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'seed', rule: 'length', message: 'must be 1 to 200 characters' }],
            },
          },
        ],
      },
    };
    renderPage(<SelectionForm programmeId="p1" selectedAt={null} closesAt="2026-12-10T17:00:00.000Z" />, [
      refused,
    ]);
    await user.type(screen.getByRole('textbox', { name: /seed/i }), 'x');
    await user.click(screen.getByRole('button', { name: 'Select applicants' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /seed/i })).toHaveAccessibleDescription(/^Must be 1 to 200/),
    );
  });
});

describe('announcement form', () => {
  it('asks for a title and a message at their fields', async () => {
    const user = userEvent.setup();
    renderPage(<AnnouncementForm communityId="c1" />);
    const form = screen.getByRole('form', { name: 'Post an announcement' });
    await user.click(within(form).getByRole('button', { name: 'Post' }));
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(/Required/);
  });
});
