import '@mantine/core/styles.css';
import './shared/global.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { cssVariablesResolver, theme } from './shared/theme.js';

/**
 * Pages are fetched on first use (App.tsx), and a new release removes the old release's chunks: a tab opened before it
 * reloads to get the new index.html rather than fail to open a page — once a minute at most, so a chunk missing for
 * another reason does not reload forever.
 */
window.addEventListener('vite:preloadError', (event) => {
  const key = 'motcua:chunk-reload';
  try {
    if (Date.now() - Number(sessionStorage.getItem(key) ?? 0) < 60_000) return;
    sessionStorage.setItem(key, String(Date.now()));
  } catch {
    return; // no storage: no guard against a loop, so no reload
  }
  event.preventDefault();
  window.location.reload();
});

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
);
