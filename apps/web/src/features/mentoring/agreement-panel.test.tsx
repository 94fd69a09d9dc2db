import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RelationshipFieldsFragment } from '../../gql/graphql';
import { renderPage } from '../../testing/render';
import { agreementValidation, ProposeAgreement } from './agreement-panel';

const relationship: RelationshipFieldsFragment = {
  id: 'r1',
  status: 'ACTIVE',
  health: 'ON_TRACK',
  kind: 'MENTORING',
  startedAt: '2026-11-01T10:00:00.000Z',
  lastCheckInAt: null,
  requestMessage: null,
  responseMessage: null,
  mentor: { id: 'm1', displayName: 'Dr Ada Obi' },
  mentee: { id: 'm2', displayName: 'Sam Reed' },
  agreement: null,
};

describe('mentoring agreement form', () => {
  it('names each problem at its field and focuses the first', async () => {
    const user = userEvent.setup();
    renderPage(<ProposeAgreement relationship={relationship} />);
    const cadence = screen.getByRole('textbox', { name: /days between check-ins/i });
    await user.clear(cadence);
    await user.click(screen.getByRole('button', { name: 'Propose agreement' }));
    const goals = screen.getByRole('combobox', { name: /goals of the relationship/i });
    expect(goals).toHaveAttribute('aria-invalid', 'true');
    expect(goals).toHaveAccessibleDescription(/at least one goal/);
    expect(cadence).toHaveAccessibleDescription(/from 7 to 90/);
    expect(screen.getByLabelText(/ends on/i)).toHaveAccessibleDescription(/Required/);
    await waitFor(() => expect(goals).toHaveFocus());
  });

  it('accepts a cadence of 7 to 90 whole days and an end after today', () => {
    const rules = agreementValidation('2026-12-01');
    expect(rules.meetingCadenceDays(7)).toBeNull();
    expect(rules.meetingCadenceDays(91)).not.toBeNull();
    expect(rules.meetingCadenceDays(14.5)).not.toBeNull();
    expect(rules.endsAt('2026-12-01')).not.toBeNull();
    expect(rules.endsAt('2027-06-30')).toBeNull();
  });
});
