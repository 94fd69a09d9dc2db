import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadRoute } from './app/routes';
import { session } from './session/session-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// A first load needs the session check (the refresh cookie may hold a session) and the page's chunk. Both are
// asked for now, side by side, rather than the check after the first render and the chunk when the router
// reaches the route; SessionProvider shares the refresh in flight. React renders once the chunk is here, so the
// page renders at once instead of a loading fallback that React reveals later (routes.tsx, preloadRoute).
void session.refresh();
void preloadRoute(window.location.pathname).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
