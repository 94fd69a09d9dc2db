import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { messageOf, type FieldMap } from '../../lib/errors';
import { fundingAvailableError, fundingAvailableMoney } from './competition-money';
import { ListField } from '../../lib/list-field';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDate, toLocalInput } from '../../lib/format';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { PhaseBadge } from '../competitions/competition-details';
import { adminMessages as t } from './messages';
import { AdminCompetitionsDocument, CreateCompetitionDocument } from './operations';

interface Criterion {
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

const DAY = 86_400_000;

function defaultCompetition() {
  const now = Date.now();
  return {
    title: '',
    description: '',
    opensAt: toLocalInput(new Date(now)),
    closesAt: toLocalInput(new Date(now + 30 * DAY)),
    judgingEndsAt: toLocalInput(new Date(now + 60 * DAY)),
    reviewsPerEntry: 3,
    judgeMaxLoad: 10,
    winnersCount: 3,
    blind: true,
    currency: 'GBP',
    fundingAvailable: 10000 as number | string,
    protectedHoursAvailable: 200,
    requiresInterInstitutionalTeam: true,
    maxTeamSize: 5,
    criteria: [{ name: '', guidance: '', weight: 1, scaleMin: 1, scaleMax: 5 }] as Criterion[],
  };
}

/** The API's fields the form names otherwise: the money as one amount, the eligibility rules at the top level. */
const COMPETITION_FIELDS: FieldMap = {
  fundingAvailableMoney: 'fundingAvailable',
  'fundingAvailableMoney.currency': 'currency',
  'eligibility.requiresInterInstitutionalTeam': 'requiresInterInstitutionalTeam',
  'eligibility.maxTeamSize': 'maxTeamSize',
};

function CreateCompetitionForm() {
  const navigate = useNavigate();
  const [create] = useMutation(CreateCompetitionDocument, { refetchQueries: [AdminCompetitionsDocument] });
  // the defaults start from today, computed once
  const [initialValues] = useState(defaultCompetition);
  const required = (value: string) => (value.trim() ? null : t.required);
  const form = useForm({
    initialValues,
    validate: {
      title: required,
      fundingAvailable: (value, values) => fundingAvailableError(value, values.currency),
      criteria: { name: required },
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const { data } = await create({
        variables: {
          input: {
            title: values.title.trim(),
            description: values.description,
            opensAt: new Date(values.opensAt).toISOString(),
            closesAt: new Date(values.closesAt).toISOString(),
            judgingEndsAt: new Date(values.judgingEndsAt).toISOString(),
            reviewsPerEntry: values.reviewsPerEntry,
            judgeMaxLoad: values.judgeMaxLoad,
            winnersCount: values.winnersCount,
            blind: values.blind,
            currency: values.currency.trim().toUpperCase(),
            fundingAvailableMoney: fundingAvailableMoney(values.fundingAvailable, values.currency),
            protectedHoursAvailable: values.protectedHoursAvailable,
            criteria: values.criteria,
            eligibility: {
              requiresInterInstitutionalTeam: values.requiresInterInstitutionalTeam,
              maxTeamSize: values.maxTeamSize,
              allowedCareerStages: [],
            },
          },
        },
      });
      notifications.show({ color: 'green', message: t.created });
      if (data) void navigate(`/admin/competitions/${data.createCompetition.id}`);
    } catch (error) {
      if (!showFieldErrors(form, error, { wording: t.dateRules, fields: COMPETITION_FIELDS }))
        notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  const f = t.fields;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create">
      <Stack>
        <Title order={2} id="create">
          {t.createTitle}
        </Title>
        <TextInput label={f.title} required {...form.getInputProps('title')} />
        <Textarea label={f.description} autosize minRows={2} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="datetime-local" label={f.opensAt} {...form.getInputProps('opensAt')} />
          <TextInput type="datetime-local" label={f.closesAt} {...form.getInputProps('closesAt')} />
          <TextInput type="datetime-local" label={f.judgingEndsAt} {...form.getInputProps('judgingEndsAt')} />
          <NumberInput
            label={f.reviewsPerEntry}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('reviewsPerEntry')}
          />
          <NumberInput
            label={f.judgeMaxLoad}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('judgeMaxLoad')}
          />
          <NumberInput
            label={f.winnersCount}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('winnersCount')}
          />
          <TextInput label={f.currency} maxLength={3} {...form.getInputProps('currency')} />
          <NumberInput label={f.fundingAvailable} min={0} {...form.getInputProps('fundingAvailable')} />
          <NumberInput label={f.hours} min={0} {...form.getInputProps('protectedHoursAvailable')} />
          <NumberInput
            label={f.maxTeamSize}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('maxTeamSize')}
          />
        </SimpleGrid>
        <Checkbox label={f.blind} {...form.getInputProps('blind', { type: 'checkbox' })} />
        <Checkbox
          label={f.interInstitutional}
          {...form.getInputProps('requiresInterInstitutionalTeam', { type: 'checkbox' })}
        />
        <Title order={3}>{t.rubric}</Title>
        <ListField
          form={form}
          path="criteria"
          labels={{ item: t.criterion, remove: t.removeCriterion, add: t.addCriterion }}
          newItem={() => ({ name: '', guidance: '', weight: 1, scaleMin: 1, scaleMax: 5 })}
          actions={
            <Button type="submit" loading={form.submitting}>
              {t.createButton}
            </Button>
          }
        >
          {(index) => (
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t.criterionName(index)}
                required
                {...form.getInputProps(`criteria.${index}.name`)}
              />
              <TextInput
                label={t.criterionGuidance(index)}
                {...form.getInputProps(`criteria.${index}.guidance`)}
              />
              <NumberInput
                label={t.criterionWeight(index)}
                min={0.1}
                w={120}
                {...form.getInputProps(`criteria.${index}.weight`)}
              />
              <NumberInput
                label={t.criterionMin(index)}
                allowDecimal={false}
                w={120}
                {...form.getInputProps(`criteria.${index}.scaleMin`)}
              />
              <NumberInput
                label={t.criterionMax(index)}
                allowDecimal={false}
                w={120}
                {...form.getInputProps(`criteria.${index}.scaleMax`)}
              />
            </Group>
          )}
        </ListField>
      </Stack>
    </form>
  );
}

export default function AdminCompetitionsPage() {
  const query = useQuery(AdminCompetitionsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.title} intro={t.intro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.competitions.edges.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <Stack gap="xs">
              {nodes(data.competitions).map((competition) => (
                <Card key={competition.id} withBorder>
                  <Group justify="space-between">
                    <Anchor component={Link} to={`/admin/competitions/${competition.id}`}>
                      {t.manage(competition.title)}
                    </Anchor>
                    <Group gap="xs">
                      <PhaseBadge phase={competition.phase} />
                      <Text size="sm">{formatDate(competition.closesAt)}</Text>
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ShowMore query={query} path={['competitions']} label={t.moreCompetitions} />
      <CreateCompetitionForm />
    </Page>
  );
}
