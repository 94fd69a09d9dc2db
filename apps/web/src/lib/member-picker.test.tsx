import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { foundMember, memberSearch } from '../testing/answers';
import { renderPage } from '../testing/render';
import { MemberPicker } from './member-picker';

describe('MemberPicker', () => {
  it('searches by name, hides people already chosen, announces the count and hands the pick over', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    renderPage(
      <MemberPicker
        label="Find people to invite by name"
        pickLabel={(name) => `Invite ${name}`}
        exclude={['m2']}
        onPick={onPick}
      />,
      [
        memberSearch('Obi', null, [
          foundMember('m1', 'Ada Obi', 'North Hospital'),
          foundMember('m2', 'Ben Obi', 'South Hospital'),
        ]),
      ],
    );
    const input = screen.getByRole('searchbox', { name: 'Find people to invite by name' });
    expect(input).toHaveAccessibleDescription('At least 2 letters of their name.');
    await user.type(input, 'Obi');
    const invite = await screen.findByRole('button', { name: 'Invite Ada Obi' });
    expect(screen.getByText('Ada Obi · North Hospital · Resident')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite Ben Obi' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('1 person found.');

    await user.click(invite);
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 'm1', displayName: 'Ada Obi' }));
    await waitFor(() => expect(input).toHaveValue(''));
  });

  it('filters by role when asked and says when nobody matches', async () => {
    const user = userEvent.setup();
    renderPage(
      <MemberPicker
        label="Find a judge by name"
        role="JUDGE"
        pickLabel={(name) => `Add ${name}`}
        onPick={vi.fn()}
      />,
      [memberSearch('Zed', 'JUDGE', [])],
    );
    await user.type(screen.getByRole('searchbox', { name: 'Find a judge by name' }), 'Zed');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Nobody matches that name.'));
  });

  it('shows a refused pick in words and keeps the search to try again', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn().mockRejectedValue(new Error('Ada Obi is already on the team.'));
    renderPage(<MemberPicker label="Find people" pickLabel={(name) => `Invite ${name}`} onPick={onPick} />, [
      memberSearch('Ada', null, [foundMember('m1', 'Ada Obi', 'North Hospital')]),
    ]);
    const input = screen.getByRole('searchbox', { name: 'Find people' });
    await user.type(input, 'Ada');
    await user.click(await screen.findByRole('button', { name: 'Invite Ada Obi' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ada Obi is already on the team.');
    expect(input).toHaveValue('Ada');
  });

  it('ties a form error to the search field', () => {
    renderPage(
      <MemberPicker
        label="Find people to add"
        pickLabel={(name) => `Add ${name}`}
        onPick={vi.fn()}
        error="3 to 9 people besides the facilitator."
      />,
    );
    const input = screen.getByRole('searchbox', { name: 'Find people to add' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/3 to 9 people besides the facilitator\./);
  });
});
