import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { RelationshipFieldsFragment } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { Section } from '../../lib/section';
import { mentoringMessages as t } from './messages';
import { AgreeToAgreementDocument, SetAgreementDocument } from './operations';

export interface AgreementValues {
  goals: string[];
  meetingCadenceDays: number | string;
  endsAt: string;
}

/** The client's checks of an agreement (the server checks again and names the field). */
export function agreementValidation(today: string) {
  return {
    goals: (value: string[]) => (value.length > 0 ? null : t.needGoal),
    meetingCadenceDays: (value: number | string) =>
      Number.isInteger(value) && Number(value) >= 7 && Number(value) <= 90 ? null : t.cadenceRange,
    endsAt: (value: string) => (!value ? t.required : value > today ? null : t.endsInFuture),
  };
}

/** Propose (and so agree to) an agreement, or a change to it; a form pre-filled with the current one. */
export function ProposeAgreement({ relationship }: { relationship: RelationshipFieldsFragment }) {
  const [setAgreement] = useMutation(SetAgreementDocument);
  const today = new Date().toISOString().slice(0, 10);
  const current = relationship.agreement;
  const form = useForm<AgreementValues>({
    initialValues: {
      goals: current?.goals ?? [],
      meetingCadenceDays: current?.meetingCadenceDays ?? 28,
      endsAt: current?.endsAt.slice(0, 10) ?? '',
    },
    validate: agreementValidation(today),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await setAgreement({
        variables: {
          relationshipId: relationship.id,
          input: {
            goals: values.goals,
            meetingCadenceDays: Number(values.meetingCadenceDays),
            // the end of the chosen day, so "ends on" includes it
            endsAt: `${values.endsAt}T23:59:59.000Z`,
          },
        },
      });
      notifications.show({ color: 'green', message: t.proposed });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="propose-agreement">
      <Stack gap="xs" mt="sm">
        <Title order={3} size="h5" id="propose-agreement">
          {current ? t.changeTitle : t.proposeTitle}
        </Title>
        <Text size="sm">{t.proposeHint}</Text>
        <TagsInput
          label={t.agreementGoals}
          description={t.goalsHint}
          required
          {...form.getInputProps('goals')}
        />
        <NumberInput
          label={t.agreementCadence}
          min={7}
          max={90}
          allowDecimal={false}
          required
          {...form.getInputProps('meetingCadenceDays')}
        />
        <TextInput
          type="date"
          label={t.agreementEnds}
          min={today}
          required
          {...form.getInputProps('endsAt')}
        />
        <Group>
          <Button type="submit" variant="outline" loading={form.submitting}>
            {t.propose}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The agreement: what it says, who has agreed, agreeing to the other side's proposal, proposing a change. */
export function AgreementPanel({
  relationship,
  viewerId,
}: {
  relationship: RelationshipFieldsFragment;
  viewerId: string | undefined;
}) {
  const [agree, agreeing] = useMutation(AgreeToAgreementDocument);
  const agreement = relationship.agreement;
  const iMentor = relationship.mentor.id === viewerId;
  const other = iMentor ? relationship.mentee.displayName : relationship.mentor.displayName;
  const iAgreed = agreement ? (iMentor ? agreement.mentorAgreed : agreement.menteeAgreed) : false;
  const accept = async () => {
    try {
      await agree({ variables: { relationshipId: relationship.id } });
      notifications.show({ color: 'green', message: t.agreedNow });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Section id="agreement" title={t.agreementTitle}>
      {agreement ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" color={agreement.agreed ? 'green' : 'yellow'}>
              {agreement.agreed ? t.agreed : iAgreed ? t.waitingForOther(other) : t.proposedBy(other)}
            </Badge>
          </Group>
          <Text size="sm">{agreement.goals.join(' · ')}</Text>
          <Text size="sm">
            {t.cadence(agreement.meetingCadenceDays)} · {t.endsOn(formatDate(agreement.endsAt))}
          </Text>
          {!agreement.agreed && !iAgreed && (
            <Alert color="yellow" role="status">
              <Group justify="space-between">
                <Text size="sm">{t.proposedBy(other)}</Text>
                <Button size="xs" loading={agreeing.loading} onClick={() => void accept()}>
                  {t.agree}
                </Button>
              </Group>
            </Alert>
          )}
        </Stack>
      ) : (
        <Text size="sm">{t.noAgreement}</Text>
      )}
      {relationship.status === 'ACTIVE' && <ProposeAgreement relationship={relationship} />}
    </Section>
  );
}
