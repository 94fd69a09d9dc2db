import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { institutionSearch } from '../testing/answers';
import { renderPage } from '../testing/render';
import { InstitutionPicker } from './institution-picker';

/** A lead's scope: their two institutions, the first chosen. */
function LeadScope() {
  const [value, setValue] = useState<string | null>('i1');
  const [label, setLabel] = useState<string | null>(null);
  return (
    <>
      <InstitutionPicker
        label="Institution"
        nothingFound="None"
        known={[{ value: 'i1', label: 'Leeds' }]}
        only={['i1', 'i7']}
        labelOf={(institution) => institution.name}
        value={value}
        onChange={(next, named) => {
          setValue(next);
          setLabel(named);
        }}
      />
      <p>Chosen: {label}</p>
    </>
  );
}

describe('InstitutionPicker', () => {
  it('searches by name on the server and offers only the institutions allowed', async () => {
    const user = userEvent.setup();
    renderPage(<LeadScope />, [
      institutionSearch(null, [{ id: 'i2', name: 'Aberdeen' }]),
      institutionSearch('York', [
        { id: 'i7', name: 'York Teaching' },
        { id: 'i8', name: 'York Royal' },
      ]),
    ]);
    const picker = screen.getByRole('combobox', { name: 'Institution' });
    expect(picker).toHaveValue('Leeds');
    await user.click(picker);
    expect(await screen.findByRole('option', { name: 'Leeds' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Aberdeen' })).not.toBeInTheDocument();
    await user.clear(picker);
    await user.type(picker, 'York');
    const york = await screen.findByRole('option', { name: 'York Teaching' });
    expect(screen.queryByRole('option', { name: 'York Royal' })).not.toBeInTheDocument();
    await user.click(york);
    expect(picker).toHaveValue('York Teaching');
    expect(screen.getByText('Chosen: York Teaching')).toBeInTheDocument();
  });
});
