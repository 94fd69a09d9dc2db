import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { communityMessages as t } from './messages';
import { CommunityFeedDocument, EditAnnouncementDocument, PostAnnouncementDocument } from './operations';

interface AnnouncementValues {
  title: string;
  body: string;
  link: string;
}

const required = (value: string) => (value.trim() ? null : t.required);

/**
 * A moderator's announcement: posted to the community's feed, or (given `editing`) replaced in place. The server
 * checks the same rules and names the field of any it refuses.
 */
export function AnnouncementForm({
  communityId,
  editing,
  onDone,
}: {
  communityId: string;
  editing?: { id: string } & AnnouncementValues;
  onDone?: () => void;
}) {
  const refetch = { refetchQueries: [{ query: CommunityFeedDocument, variables: { communityId } }] };
  const [post] = useMutation(PostAnnouncementDocument, refetch);
  const [edit] = useMutation(EditAnnouncementDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AnnouncementValues>({
    initialValues: {
      title: editing?.title ?? '',
      body: editing?.body ?? '',
      link: editing?.link ?? '',
    },
    validate: { title: required, body: required },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const input = { title: values.title.trim(), body: values.body.trim(), link: values.link.trim() || null };
    try {
      if (editing) await edit({ variables: { id: editing.id, input } });
      else await post({ variables: { communityId, input } });
      notifications.show({ color: 'green', message: editing ? t.announcementSaved : t.posted });
      if (!editing) form.reset();
      onDone?.();
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={editing ? t.editTitle : t.postTitle}>
      <Stack gap="sm">
        <FormProblem problem={problem} />
        <TextInput label={t.announcementTitle} required {...form.getInputProps('title')} />
        <Textarea label={t.announcementBody} required rows={3} {...form.getInputProps('body')} />
        <TextInput type="url" label={t.announcementLink} {...form.getInputProps('link')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {editing ? t.saveAnnouncement : t.post}
          </Button>
          {editing && onDone && (
            <Button variant="subtle" onClick={onDone}>
              {t.cancel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
