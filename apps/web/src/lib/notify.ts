import { notifications } from '@mantine/notifications';
import { messageOf } from './errors';

/** Runs an action on a button: a green notice with `done` when it worked, the error in words when not. */
export async function withNotice(work: () => Promise<unknown>, done?: string): Promise<void> {
  try {
    await work();
    if (done) notifications.show({ color: 'green', message: done });
  } catch (error) {
    notifications.show({ color: 'red', message: messageOf(error) });
  }
}
