import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { ApplyForm } from './apply-form';
import { ApplyToProgrammeDocument } from './operations';
import { sessionCodeProblem } from './validation';

describe('programme application form', () => {
  it('asks for a motivation at its field and focuses it', async () => {
    const user = userEvent.setup();
    renderPage(<ApplyForm programmeId="p1" />);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const motivation = screen.getByRole('textbox', { name: /why would you like/i });
    expect(motivation).toHaveAttribute('aria-invalid', 'true');
    expect(motivation).toHaveAccessibleDescription(/Required/);
    await waitFor(() => expect(motivation).toHaveFocus());
  });

  it('explains the privacy of the optional questions and sends only the answers given', async () => {
    const user = userEvent.setup();
    const input = {
      motivation: 'I teach students on the wards.',
      wideningParticipation: { firstGenerationHigherEducation: 'YES', disability: 'PREFER_NOT_TO_SAY' },
    };
    const applied = {
      request: { query: ApplyToProgrammeDocument, variables: { programmeId: 'p1', input } },
      result: {
        data: {
          applyToProgramme: {
            __typename: 'MyProgrammeApplication',
            id: 'a1',
            programmeId: 'p1',
            status: 'SUBMITTED',
            appliedAt: '2026-12-01T08:00:00.000Z',
            waitlistPosition: null,
            offerExpiresAt: null,
            decidedAt: null,
          },
        },
      },
    };
    renderPage(<ApplyForm programmeId="p1" />, [applied]);
    const firstGeneration = screen.getByRole('radiogroup', { name: /first in your family/i });
    expect(screen.getByRole('group', { name: /widening participation/i })).toHaveAccessibleDescription(
      /seen by nobody but you/,
    );
    await user.type(screen.getByRole('textbox', { name: /why would you like/i }), input.motivation);
    await user.click(firstGeneration.querySelector('input[value="YES"]') as HTMLElement);
    const disability = screen.getByRole('radiogroup', { name: /disability/i });
    await user.click(disability.querySelector('input[value="PREFER_NOT_TO_SAY"]') as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your application is in.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('session code', () => {
  it('accepts six letters or digits, forgiving spaces and dashes', () => {
    expect(sessionCodeProblem('')).toBe('Required');
    expect(sessionCodeProblem('ab3-d9k')).toBeNull();
    expect(sessionCodeProblem('AB3D9')).toMatch(/Six/);
  });
});
