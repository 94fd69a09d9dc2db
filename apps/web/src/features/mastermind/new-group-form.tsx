import { Button, Group, NumberInput, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ChosenMembers } from '../../lib/chosen-members';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { MemberPicker } from '../../lib/member-picker';
import { useSession } from '../../session/session-context';
import { mastermindMessages as t } from './messages';
import { CreateMastermindGroupDocument, MyMastermindGroupsDocument } from './operations';

/** What the service accepts (`CreateMastermindGroupInput`): 4 to 10 people in all, the facilitator included. */
export const GROUP_RULES = {
  nameMax: 120,
  others: { min: 3, max: 9 },
  cadence: { min: 7, max: 90 },
  tagMax: 80,
};

type Person = { id: string; displayName: string };

type Values = {
  name: string;
  facilitatorId: string;
  memberIds: string[];
  cadenceDays: number | string;
  tags: string[];
};

/**
 * Forms a Mastermind group. A member forms one they facilitate; an admin may name another facilitator (the service
 * refuses anyone else). People are found by name with the shared member picker and listed, each removable.
 */
export function NewGroupForm() {
  const session = useSession();
  const navigate = useNavigate();
  const me: Person | null = session.member
    ? { id: session.member.id, displayName: session.member.displayName }
    : null;
  const admin = session.hasRole('ADMIN');
  const [people, setPeople] = useState<Record<string, Person>>(() => (me ? { [me.id]: me } : {}));
  const [problem, setProblem] = useState<string | null>(null);
  const [create] = useMutation(CreateMastermindGroupDocument, {
    refetchQueries: [MyMastermindGroupsDocument],
  });
  const form = useForm<Values>({
    initialValues: { name: '', facilitatorId: me?.id ?? '', memberIds: [], cadenceDays: 28, tags: [] },
    validate: {
      name: (value) =>
        !value.trim()
          ? t.required
          : value.trim().length > GROUP_RULES.nameMax
            ? t.nameTooLong(GROUP_RULES.nameMax)
            : null,
      facilitatorId: (value) => (value ? null : t.facilitatorNeeded),
      memberIds: (value) =>
        value.length < GROUP_RULES.others.min || value.length > GROUP_RULES.others.max
          ? t.groupSize(GROUP_RULES.others.min, GROUP_RULES.others.max)
          : null,
      cadenceDays: (value) =>
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= GROUP_RULES.cadence.min &&
        value <= GROUP_RULES.cadence.max
          ? null
          : t.cadenceRange(GROUP_RULES.cadence.min, GROUP_RULES.cadence.max),
      tags: (value) =>
        value.some((tag) => tag.length > GROUP_RULES.tagMax) ? t.tagTooLong(GROUP_RULES.tagMax) : null,
    },
  });
  const name = (id: string) => people[id]?.displayName ?? id;
  const remember = (person: Person) => setPeople((known) => ({ ...known, [person.id]: person }));
  const addMember = (person: Person) => {
    remember(person);
    form.insertListItem('memberIds', person.id);
    form.clearFieldError('memberIds');
  };
  const setFacilitator = (person: Person) => {
    remember(person);
    form.setFieldValue('facilitatorId', person.id);
    form.setFieldValue(
      'memberIds',
      form.getValues().memberIds.filter((id) => id !== person.id),
    );
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: values.name.trim(),
            facilitatorId: values.facilitatorId || (me?.id ?? ''),
            memberIds: values.memberIds,
            cadenceDays: Number(values.cadenceDays),
            tags: values.tags,
          },
        },
      });
      notifications.show({ color: 'green', message: t.groupCreated(values.name.trim()) });
      if (data) void navigate(`/mentoring/mastermind/${data.createMastermindGroup.id}`);
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  const memberIds = form.values.memberIds;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-group">
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-group">
          {t.newGroupTitle}
        </Title>
        <Text size="sm">{t.newGroupIntro}</Text>
        <FormProblem problem={problem} />
        <TextInput
          label={t.groupName}
          required
          maxLength={GROUP_RULES.nameMax}
          {...form.getInputProps('name')}
        />
        <Text size="sm" id="facilitator">
          {form.values.facilitatorId === me?.id
            ? t.youFacilitate
            : t.facilitator(name(form.values.facilitatorId))}
        </Text>
        {admin && (
          <MemberPicker
            label={t.chooseFacilitator}
            description={t.chooseFacilitatorHint}
            exclude={[form.values.facilitatorId]}
            pickLabel={t.makeFacilitator}
            onPick={setFacilitator}
            error={typeof form.errors.facilitatorId === 'string' ? form.errors.facilitatorId : null}
            dataPath="facilitatorId"
          />
        )}
        <ChosenMembers
          id="group-people"
          title={t.groupPeople(memberIds.length + 1)}
          ids={memberIds}
          name={name}
          empty={t.noPeopleYet}
          removeLabel={t.removePerson}
          onRemove={(index) => form.removeListItem('memberIds', index)}
          picker={{
            label: t.addPeople,
            description: t.groupSize(GROUP_RULES.others.min, GROUP_RULES.others.max),
            exclude: [form.values.facilitatorId],
            pickLabel: t.addPerson,
            onPick: addMember,
            error: typeof form.errors.memberIds === 'string' ? form.errors.memberIds : null,
            dataPath: 'memberIds',
          }}
        />
        <NumberInput
          label={t.cadence}
          description={t.cadenceHint}
          min={GROUP_RULES.cadence.min}
          max={GROUP_RULES.cadence.max}
          allowDecimal={false}
          clampBehavior="none"
          {...form.getInputProps('cadenceDays')}
        />
        <TagsInput label={t.tags} description={t.tagsHint} {...form.getInputProps('tags')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {form.submitting ? t.creatingGroup : t.createGroup}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
