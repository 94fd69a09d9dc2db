import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/**
 * Where `notifications.show()` appears: its own chunk (with its transitions and styles), loaded after the first
 * render, since no first page shows a notification (those shown earlier wait in Mantine's store).
 */
export default function AppNotifications() {
  return <Notifications position="top-right" />;
}
