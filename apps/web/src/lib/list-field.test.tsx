import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../testing/render';
import { ListField } from './list-field';

function Steps() {
  const form = useForm({ initialValues: { steps: [{ text: 'first' }] } });
  return (
    <ListField
      form={form}
      path="steps"
      labels={{
        item: (index) => `Step ${index + 1}`,
        remove: (index) => `Remove step ${index + 1}`,
        add: 'Add a step',
      }}
      newItem={() => ({ text: '' })}
    >
      {(index) => (
        <TextInput label={`Step ${index + 1}: text`} {...form.getInputProps(`steps.${index}.text`)} />
      )}
    </ListField>
  );
}

describe('list field', () => {
  it('keeps at least one item, names each group and its remove button, and moves focus with the change', async () => {
    const user = userEvent.setup();
    renderPage(<Steps />);
    expect(screen.getByRole('group', { name: 'Step 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove step/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Step 2: text' })).toHaveFocus());
    await user.keyboard('second');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Step 3: text' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add a step' })).toHaveFocus());
    expect(screen.getByRole('textbox', { name: 'Step 1: text' })).toHaveValue('second');
    expect(screen.getAllByRole('group')).toHaveLength(2);
  });
});
