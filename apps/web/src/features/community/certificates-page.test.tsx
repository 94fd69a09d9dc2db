import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import CertificatesPage from './certificates-page';
import { MyCertificatesDocument } from './operations';
import { pagedAnswers } from '../../testing/answers';

const certificate = (id: string, title: string) => ({
  __typename: 'Certificate',
  id,
  programmeId: `p-${id}`,
  verificationCode: `CODE-${id}`,
  verificationUrl: `https://praxis.example.org/verify-certificate/CODE-${id}`,
  memberName: 'Ada Obi',
  programmeTitle: title,
  sessionsHeld: 7,
  issuedAt: '2026-11-30T10:00:00.000Z',
  sessionsAttended: [],
});

const page = pagedAnswers(MyCertificatesDocument, 'myCertificates', 'Certificate');

describe('certificates page', () => {
  it('lists the member’s certificates from myCertificates and shows older ones on request', async () => {
    const user = userEvent.setup();
    renderPage(<CertificatesPage />, [
      page(null, [certificate('c2', 'Teaching on the wards')], 'cursor-1'),
      page('cursor-1', [certificate('c1', 'Research in medical education')], null),
    ]);
    expect(await screen.findByRole('article', { name: 'Teaching on the wards' })).toBeInTheDocument();
    expect(screen.getByText('2 certificates.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show older certificates' }));
    expect(await screen.findByRole('article', { name: 'Research in medical education' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show older certificates' })).toBeNull();
  });
});
