import { Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page: an h2 that names the section for assistive technology. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}
