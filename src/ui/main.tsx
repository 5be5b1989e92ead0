/**
 * Browser entry: boots the playground (a share/demo link, the saved workspace or the
 * demo, the backend on its worker pool, autosave) and mounts it into `#root`. All
 * engine work runs in the pool's Web Workers; this module only wires and renders.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { PlaygroundContext } from './app/context.js';
import { createBrowserBackend } from './backend/browser.js';
import { bootPlayground } from './state/boot.js';
import { demoSession } from './demos/demo-session.js';
import { DEMOS } from './demos/builtin.js';
import { openingFromHash } from './share/open-link.js';
import { workerChoices } from './state/settings.js';
import { clearState } from './state/persist.js';
import './styles.css';

// A share or demo link opens its workspace; the hash then goes, so a reload restores
// the autosaved state (PLAYGROUND.md "Share URL format").
const opening = openingFromHash(
  location.hash,
  DEMOS,
  Math.max(...workerChoices(navigator.hardwareConcurrency)),
);
const { playground, autosave } = bootPlayground(
  localStorage,
  (settings) => createBrowserBackend(settings, settings.workers),
  opening,
);
if (opening !== null) {
  if (opening.demo !== null) demoSession(playground).show(opening.demo);
  history.replaceState(history.state, '', location.pathname + location.search);
}
// A link pasted into the address bar of an open page: open it like a fresh visit.
addEventListener('hashchange', () => {
  if (openingFromHash(location.hash) !== null) location.reload();
});
addEventListener('pagehide', () => autosave.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') autosave.flush();
});

/** Reset everything: forget the saved workspace and start again with the demo. */
function resetEverything(): void {
  autosave.stop();
  clearState(localStorage);
  location.reload();
}

// A small typed hook for tests to wait for idle (never a replacement for the clicks).
declare global {
  interface Window {
    ddirPlayground?: { idle(): Promise<void> };
  }
}
window.ddirPlayground = { idle: () => playground.idle() };

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PlaygroundContext.Provider value={playground}>
        <App onResetEverything={resetEverything} />
      </PlaygroundContext.Provider>
    </StrictMode>,
  );
}
