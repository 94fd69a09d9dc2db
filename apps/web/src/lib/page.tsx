import { Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { commonMessages } from './messages';

/** A page's heading: sets the document title (what a screen reader announces on navigation) and the one h1. */
export function Page({
  title,
  intro,
  children,
  width = 960,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  useEffect(() => {
    document.title = `${title} · ${commonMessages.appName}`;
  }, [title]);
  return (
    <Stack maw={width} gap="md">
      <Title order={1}>{title}</Title>
      {intro && <Text c="dark.6">{intro}</Text>}
      {children}
    </Stack>
  );
}
