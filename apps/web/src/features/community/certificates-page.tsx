import { Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { communityMessages as t } from './messages';
import { MyCertificatesDocument } from './operations';
import { CertificateCard } from './programme-page';

export default function CertificatesPage() {
  const query = useQuery(MyCertificatesDocument);
  return (
    <Page title={t.certificatesTitle} intro={t.certificatesIntro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => {
          const certificates = nodes(data.programmes).flatMap((programme) =>
            programme.myCertificate ? [programme.myCertificate] : [],
          );
          return certificates.length === 0 ? (
            <Text>{t.noCertificates}</Text>
          ) : (
            <Stack gap="sm">
              {certificates.map((certificate) => (
                <CertificateCard key={certificate.id} certificate={certificate} />
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}
