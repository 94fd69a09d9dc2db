import { createTheme, Notification, type CSSVariablesResolver } from '@mantine/core';
import { commonMessages } from '../lib/messages';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  focusRing: 'auto',
  components: {
    // a notification's close button is an icon: it needs a name (axe: button-name)
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': commonMessages.dismiss } },
    }),
  },
});

/**
 * WCAG 2.2 AA contrast (4.5:1 for text): Mantine's default "dimmed" grey (descriptions, section titles), its
 * field-error red and its light-variant text (active navigation, light badges) are too faint on white; darker shades pass (axe checks it).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // field errors: Mantine's red-6 is 3.3:1 on white
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-color-green-light-color': 'var(--mantine-color-green-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-yellow-9)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-orange-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});
