/**
 * The code editor's public face: the `CodeEditor` component, the diagnostics it
 * reports, and the file-name → language rule. Importing this module does not load
 * Monaco; the component fetches it on first render.
 */
export { CodeEditor } from './CodeEditor.js';
export type { CodeEditorProps } from './CodeEditor.js';
export type { EditorDiagnostic } from './check-protocol.js';
export { languageOf, LANGUAGE_IDS } from './grammar.js';
export type { LanguageId } from './grammar.js';
