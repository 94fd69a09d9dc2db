import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import type { DemographicsInput, MyDemographicsQuery } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { Page } from '../../lib/page';
import { PageLoading } from '../../app/page-loading';
import { demographicsMessages as t } from './messages';
import {
  EraseMyDemographicsDocument,
  MyDemographicsDocument,
  RecordDemographicsDocument,
} from './operations';

/** A question as a group of radio buttons: its options in the order given, "Prefer not to say" among them. */
function Question({
  label,
  description,
  options,
  inputProps,
}: {
  label: string;
  description?: string;
  options: Record<string, string>;
  inputProps: ReturnType<ReturnType<typeof useForm<DemographicsInput>>['getInputProps']>;
}) {
  return (
    <Radio.Group label={label} description={description} {...inputProps}>
      <Stack gap={6} mt="xs">
        {Object.entries(options).map(([value, text]) => (
          <Radio key={value} value={value} label={text} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function DemographicsForm({ current }: { current: MyDemographicsQuery['myDemographics'] }) {
  const [record] = useMutation(RecordDemographicsDocument, {
    refetchQueries: [MyDemographicsDocument],
  });
  const [erase, erasing] = useMutation(EraseMyDemographicsDocument, {
    refetchQueries: [MyDemographicsDocument],
  });
  const form = useForm<DemographicsInput>({
    initialValues: {
      gender: current?.gender ?? 'PREFER_NOT_TO_SAY',
      ethnicityGroup: current?.ethnicityGroup ?? 'PREFER_NOT_TO_SAY',
      disability: current?.disability ?? 'PREFER_NOT_TO_SAY',
      firstGenerationHigherEducation: current?.firstGenerationHigherEducation ?? 'PREFER_NOT_TO_SAY',
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await record({ variables: { input: values } });
      notifications.show({ color: 'green', message: t.saved });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  const eraseAnswers = async () => {
    try {
      const { data } = await erase();
      form.reset();
      notifications.show({ message: data?.eraseMyDemographics ? t.erased : t.nothingToErase });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t.title}>
      <Stack gap="lg">
        <Question label={t.gender} options={t.genders} inputProps={form.getInputProps('gender')} />
        <Question
          label={t.ethnicityGroup}
          description={t.ethnicityHint}
          options={t.ethnicities}
          inputProps={form.getInputProps('ethnicityGroup')}
        />
        <Question label={t.disability} options={t.yesNo} inputProps={form.getInputProps('disability')} />
        <Question
          label={t.firstGeneration}
          options={t.yesNo}
          inputProps={form.getInputProps('firstGenerationHigherEducation')}
        />
        {current && <Text size="sm">{t.lastSaved(new Date(current.updatedAt).toLocaleString())}</Text>}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.save}
          </Button>
          {current && (
            <Button
              variant="outline"
              color="red"
              loading={erasing.loading}
              onClick={() => void eraseAnswers()}
            >
              {t.eraseButton}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

export default function DemographicsPage() {
  const { data, error, loading } = useQuery(MyDemographicsDocument, { fetchPolicy: 'network-only' });
  return (
    <Page title={t.title} width={720}>
      <Alert color="indigo" title={t.why} role="note">
        <Stack gap={4}>
          <Text size="sm">{t.voluntary}</Text>
          <Text size="sm">{t.aggregate}</Text>
          <Text size="sm">{t.erase}</Text>
        </Stack>
      </Alert>
      {loading && !data ? (
        <PageLoading />
      ) : error && !data ? (
        <Alert color="red" role="alert">
          {messageOf(error)}
        </Alert>
      ) : (
        <DemographicsForm
          key={data?.myDemographics?.updatedAt ?? 'none'}
          current={data?.myDemographics ?? null}
        />
      )}
    </Page>
  );
}
