import { ActionIcon } from '@mantine/core';

/** Removes one item of a form's list (a criterion, a session, an action); `label` names which, for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="outline" color="red" aria-label={label} onClick={onClick}>
      ×
    </ActionIcon>
  );
}
