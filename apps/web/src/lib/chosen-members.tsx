import { Group, List, Text, Title } from '@mantine/core';
import type { ComponentProps } from 'react';
import { MemberPicker } from './member-picker';
import { RemoveButton } from './remove-button';

/**
 * A form's list of people: those chosen so far under a heading, each with a remove button naming whom it removes
 * (a line saying so when nobody is chosen yet), then the member picker that adds more, hiding those listed.
 */
export function ChosenMembers({
  id,
  title,
  ids,
  name,
  empty,
  removeLabel,
  onRemove,
  picker,
}: {
  /** The heading's id, which names the list. */
  id: string;
  title: string;
  ids: readonly string[];
  name: (id: string) => string;
  empty: string;
  removeLabel: (name: string) => string;
  onRemove: (index: number) => void;
  /** The picker's props; `exclude` adds to the people listed. */
  picker: ComponentProps<typeof MemberPicker>;
}) {
  return (
    <>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {ids.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <List aria-labelledby={id} listStyleType="none" spacing={4}>
          {ids.map((chosen, index) => (
            <List.Item key={chosen}>
              <Group gap="xs" wrap="nowrap">
                <RemoveButton label={removeLabel(name(chosen))} onClick={() => onRemove(index)} />
                <Text size="sm">{name(chosen)}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <MemberPicker {...picker} exclude={[...ids, ...(picker.exclude ?? [])]} />
    </>
  );
}
