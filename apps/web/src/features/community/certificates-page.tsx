import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { appendPage, nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { communityMessages as t } from './messages';
import { MyCertificatesDocument } from './operations';
import { CertificateCard } from './programme-page';

/** `/certificates`: the member's own certificates (`myCertificates`, newest first, 20 at a time). */
export default function CertificatesPage() {
  const query = useQuery(MyCertificatesDocument, { fetchPolicy: 'cache-and-network' });
  const more = () =>
    query.fetchMore({
      variables: { after: query.data?.myCertificates.pageInfo.endCursor },
      updateQuery: appendPage('myCertificates'),
    });
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
              {data.myCertificates.pageInfo.hasNextPage && (
                <Group>
                  <Button variant="subtle" loading={query.loading} onClick={() => void more()}>
                    {t.moreCertificates}
                  </Button>
                </Group>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
