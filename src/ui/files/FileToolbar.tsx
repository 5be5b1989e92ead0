/**
 * File actions for the active file: New, Rename, Delete (asks first), Upload, Download,
 * and "Use as script" for a `.txt` file. Names are checked as they are typed.
 */
import { useRef, useState } from 'react';
import { AskDialog } from '../app/Dialog.js';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import {
  addFile,
  deleteFile,
  fileNameProblem,
  freeName,
  renameFile,
  uploadSizeProblem,
} from '../state/files.js';
import type { AskDialogProps } from '../app/Dialog.js';

type Asking = Omit<AskDialogProps, 'onClose'> & { readonly then: (action: string, text: string) => void };

/** Saves `text` as a download named `name`. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file toolbar (see the module header). */
export function FileToolbar() {
  const playground = usePlayground();
  const { store } = playground;
  const files = usePlaygroundState((s) => s.files);
  const active = usePlaygroundState((s) => s.active);
  const script = usePlaygroundState((s) => s.script);
  const [asking, setAsking] = useState<Asking | null>(null);
  const upload = useRef<HTMLInputElement>(null);
  const count = Object.keys(files).length;

  const newFile = (): void =>
    setAsking({
      title: 'New file',
      message: '.ddp or .ddir for a program, .txt for a session script.',
      input: {
        label: 'File name',
        initial: freeName('untitled.ddp', files),
        validate: (v) => fileNameProblem(v, files),
      },
      actions: [{ label: 'Create', value: 'create' }],
      then: (_, name) => store.setState((s) => addFile(s, name, '')),
    });
  const rename = (): void =>
    setAsking({
      title: `Rename ${active}`,
      input: {
        label: 'New name',
        initial: active,
        validate: (v) => (v === active ? 'Type a different name.' : fileNameProblem(v, files)),
      },
      actions: [{ label: 'Rename', value: 'rename' }],
      then: (_, name) => store.setState((s) => renameFile(s, active, name)),
    });
  const remove = (): void =>
    setAsking({
      title: `Delete ${active}?`,
      message: 'The file is removed from this browser. Installed programs keep running.',
      actions: [{ label: 'Delete', value: 'delete', danger: true }],
      then: () => store.setState((s) => deleteFile(s, active)),
    });

  const onUpload = async (list: FileList | null): Promise<void> => {
    for (const file of Array.from(list ?? [])) {
      // Checked before reading, so a huge file is never loaded into the tab.
      const tooBig = uploadSizeProblem(file.size);
      if (tooBig !== null) {
        store.setState({ notice: `Could not add ${file.name}: ${tooBig}` });
        continue;
      }
      const text = await file.text();
      const s = store.getState();
      const name = file.name in s.files ? freeName(file.name, s.files) : file.name;
      const problem = fileNameProblem(name, s.files);
      if (problem === null) store.setState((st) => addFile(st, name, text));
      else store.setState({ notice: `Could not add ${file.name}: ${problem}` });
    }
    if (upload.current) upload.current.value = '';
  };

  return (
    <div className="file-toolbar" role="toolbar" aria-label="File actions">
      <button type="button" onClick={newFile}>
        New
      </button>
      <button type="button" onClick={rename}>
        Rename
      </button>
      <button
        type="button"
        onClick={remove}
        disabled={count <= 1}
        aria-description={count <= 1 ? 'The last file cannot be deleted.' : undefined}
      >
        Delete
      </button>
      <button type="button" onClick={() => upload.current?.click()}>
        Upload
      </button>
      <input
        ref={upload}
        type="file"
        accept=".ddp,.ddir,.txt"
        multiple
        hidden
        onChange={(e) => void onUpload(e.target.files)}
      />
      <button type="button" onClick={() => download(active, files[active] ?? '')}>
        Download
      </button>
      {active.endsWith('.txt') && active !== script && (
        <button
          type="button"
          onClick={() => store.setState({ script: active, scriptCursor: 0, highlight: null })}
        >
          Use as script
        </button>
      )}
      {asking !== null && (
        <AskDialog
          {...asking}
          onClose={(answer) => {
            setAsking(null);
            if (answer !== null) asking.then(answer.action, answer.text);
          }}
        />
      )}
    </div>
  );
}
