import { Button, Card, Group, Stack } from '@mantine/core';
import type { FormArrayElement, UseFormReturnType } from '@mantine/form';
import { useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { RemoveButton } from './remove-button';

/** The names of a form's fields that hold lists. */
type ListPath<V> = { [K in keyof V & string]: V[K] extends ReadonlyArray<unknown> ? K : never }[keyof V &
  string];

type ListFieldProps<V, K extends ListPath<V>> = {
  form: UseFormReturnType<V>;
  /** The form's list, e.g. `'sessions'`. */
  path: K;
  /** The item "add" appends. */
  newItem: () => FormArrayElement<V, K>;
  /** Names of item `index` (its group), of its remove button, and of the add button; from the feature's text. */
  labels: { item: (index: number) => string; remove: (index: number) => string; add: string };
  /** The fewest items the list may keep: no remove button below it. */
  min?: number;
  /** The fields of item `index`. */
  children: (index: number) => ReactNode;
  /** Buttons shown beside "add" (e.g. the form's submit). */
  actions?: ReactNode;
};

/**
 * A form's repeatable group of fields (a rubric's criteria, a programme's sessions, an action plan's actions): each
 * item a named fieldset with its own remove button, then the add button. Focus follows the change, so a keyboard
 * user is never left on a button that vanished: an added item's first field takes focus, and after a removal the
 * add button does.
 */
export function ListField<V, K extends ListPath<V>>({
  form,
  path,
  newItem,
  labels,
  min = 1,
  children,
  actions,
}: ListFieldProps<V, K>) {
  const items = useRef<Array<HTMLFieldSetElement | null>>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const count = (form.values[path] as ReadonlyArray<unknown>).length;
  const add = () => {
    // rendered at once, so the new item's first field exists to take focus
    flushSync(() => form.insertListItem(path, newItem()));
    items.current[count]?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  };
  const remove = (index: number) => {
    flushSync(() => form.removeListItem(path, index));
    addButton.current?.focus();
  };
  return (
    <Stack gap="sm">
      {Array.from({ length: count }, (_, index) => (
        <Card
          key={index}
          withBorder
          component="fieldset"
          aria-label={labels.item(index)}
          ref={(element: HTMLFieldSetElement | null) => {
            items.current[index] = element;
          }}
        >
          {children(index)}
          {count > min && (
            <Group justify="flex-end" mt="xs">
              <RemoveButton label={labels.remove(index)} onClick={() => remove(index)} />
            </Group>
          )}
        </Card>
      ))}
      <Group>
        <Button ref={addButton} variant="outline" onClick={add}>
          {labels.add}
        </Button>
        {actions}
      </Group>
    </Stack>
  );
}
