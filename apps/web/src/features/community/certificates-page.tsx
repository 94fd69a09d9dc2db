import { Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { communityMessages as t } from './messages';
import { MyCertificatesDocument } from './operations';
import { CertificateCard } from './programme-page';

/** `/certificates`: the member's own certificates (`myCertificates`, newest first, 20 at a time). */
export default function CertificatesPage() {
  const query = useQuery(MyCertificatesDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.certificatesTitle} intro={t.certificatesIntro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.myCertificates.totalCount === 0 ? (
            <Text>{t.noCertificates}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm">{t.certificateCount(data.myCertificates.totalCount)}</Text>
              {nodes(data.myCertificates).map((certificate) => (
                <CertificateCard key={certificate.id} certificate={certificate} />
              ))}
              <ShowMore query={query} path={['myCertificates']} label={t.moreCertificates} />
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
