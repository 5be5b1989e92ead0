/**
 * Loads Monaco for the playground: the editor core API plus only the features the DDIR
 * editor uses (no TypeScript/JSON/CSS/HTML language services, no other languages), and
 * its editor worker bundled by Vite (`?worker`), so the editor works offline and under
 * the built page's Content Security Policy (`script-src 'self'`, `worker-src 'self'
 * blob:`). Importing this module has that one side effect; it re-exports the API.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

// Editor features (each registers itself on import).
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/toggleTabFocusMode/register';

self.MonacoEnvironment = {
  // Monaco's own worker (text diffing, links); the DDIR checker has its own worker.
  getWorker: () => new EditorWorker({ name: 'monaco-editor' }),
};

export { monaco };
