import { Text } from '@mantine/core';

/** Why a pair scores what it scores: each reason with its points. */
export function Reasons({ reasons }: { reasons: ReadonlyArray<{ detail: string; points: number }> }) {
  return <Text size="xs">{reasons.map((reason) => `${reason.detail} (+${reason.points})`).join(' · ')}</Text>;
}
