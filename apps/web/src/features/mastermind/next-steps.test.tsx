import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NextStepFieldsFragment } from '../../gql/graphql';
import { renderPage } from '../../testing/render';
import { Steps } from './mastermind-group-page';

const step = (id: string, text: string, memberId: string, done = false) =>
  ({
    __typename: 'MastermindNextStep',
    id,
    text,
    setAt: '2026-12-02T08:00:00.000Z',
    done,
    doneAt: null,
    member: { __typename: 'Member', id: memberId, displayName: `Person ${memberId}` },
  }) as NextStepFieldsFragment;

describe('Mastermind next steps', () => {
  it('names the step on each of the viewer’s “Mark done” buttons, and offers none on others’ steps', () => {
    renderPage(
      <Steps
        viewerId="m1"
        steps={[
          step('s1', 'Draft the ethics form', 'm1'),
          step('s2', 'Book the venue', 'm1'),
          step('s3', 'Read two papers', 'm2'),
        ]}
      />,
    );
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Mark done: Draft the ethics form',
      'Mark done: Book the venue',
    ]);
    expect(screen.getByRole('button', { name: 'Mark done: Book the venue' })).toHaveTextContent('Mark done');
  });
});
