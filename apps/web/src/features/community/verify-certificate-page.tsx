import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { focusFirstError } from '../../lib/forms';
import { messageOf } from '../../lib/errors';
import { Page } from '../../lib/page';
import { PageLoading } from '../../app/page-loading';
import { communityMessages as t } from './messages';
import { VerifyCertificateDocument } from './operations';

function Verdict({ code }: { code: string }) {
  const query = useQuery(VerifyCertificateDocument, { variables: { code }, fetchPolicy: 'network-only' });
  if (query.loading) return <PageLoading />;
  const result = query.data?.verifyCertificate;
  if (query.error && !result) {
    // a malformed code is refused before any lookup: for the reader it is simply not a certificate
    return (
      <Alert color="red" role="alert">
        {messageOf(query.error)} {t.invalid}
      </Alert>
    );
  }
  return result?.valid ? (
    <Alert color="green" role="status">
      {t.valid(result.memberName ?? '', result.programmeTitle ?? '')}
    </Alert>
  ) : (
    <Alert color="red" role="alert">
      {t.invalid}
    </Alert>
  );
}

/** Public: the URL printed on a certificate (`/verify-certificate/<code>`) answers validity, name and programme only. */
export default function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { code },
    validate: { code: (value) => (value.trim() ? null : t.required) },
  });
  const submit = form.onSubmit(
    ({ code: typed }) => void navigate(`/verify-certificate/${encodeURIComponent(typed.trim())}`),
    focusFirstError,
  );
  return (
    <Page title={t.verifyTitle} intro={t.verifyIntro} width={560}>
      <form onSubmit={submit} noValidate aria-label={t.verifyTitle}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t.code}
            description={t.codeHint}
            autoComplete="off"
            required
            style={{ flex: 1 }}
            {...form.getInputProps('code')}
          />
          <Button type="submit">{t.verify}</Button>
        </Group>
      </form>
      <Stack>{code && <Verdict key={code} code={code} />}</Stack>
    </Page>
  );
}
