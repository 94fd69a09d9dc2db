/** What one tab tells the others of this browser about the session they share (one refresh cookie). */
export type SessionSignal = 'signed-in' | 'signed-out';

const CHANNEL = 'praxis-session';

/**
 * A BroadcastChannel between the tabs of this origin: signing out in one tab signs out the others at once (they
 * would otherwise show a signed-in page until their access token's next refresh failed), and signing in in one
 * lets a signed-out tab pick up the new session. Nothing but the signal's name crosses; no token.
 */
export function openSessionChannel(onSignal: (signal: SessionSignal) => void): {
  post(signal: SessionSignal): void;
  close(): void;
} {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data === 'signed-in' || event.data === 'signed-out') onSignal(event.data);
  };
  return { post: (signal) => channel.postMessage(signal), close: () => channel.close() };
}
