import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { communityMessages as t } from './messages';
import { CommunitiesDocument, CreateCommunityDocument } from './operations';

/** Admins start a community: its name, what it is about, and interests that suggest it to members. */
export function NewCommunityForm() {
  const [create] = useMutation(CreateCommunityDocument, { refetchQueries: [CommunitiesDocument] });
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', description: '', interests: '' },
    validate: { name: (value: string) => (value.trim() ? null : t.required) },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const interests = values.interests
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    try {
      const { data } = await create({
        variables: { input: { name: values.name.trim(), description: values.description.trim(), interests } },
      });
      if (data)
        notifications.show({ color: 'green', message: t.communityCreated(data.createCommunity.name) });
      form.reset();
    } catch (error) {
      // the interests go as a list and are typed as one text
      if (!showFieldErrors(form, error, { fields: { interests: 'interests' } })) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t.newCommunityTitle}>
      <Stack gap="sm">
        <FormProblem problem={problem} />
        <TextInput label={t.communityName} required {...form.getInputProps('name')} />
        <Textarea label={t.communityDescription} rows={2} {...form.getInputProps('description')} />
        <TextInput
          label={t.communityInterests}
          description={t.programmeFields.interestsHint}
          {...form.getInputProps('interests')}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.createCommunity}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
