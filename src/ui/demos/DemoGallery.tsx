/**
 * The demo gallery: a `Demos` header button opening a modal dialog with the list named
 * `Demos` — one card per demo (`data-demo` = its share name) with its title, one-line
 * summary and difficulty. Opening a demo replaces the files, so it asks first when the
 * workspace holds the user's own work (neither the default files nor an unchanged demo).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DEMOS, filesEqual, unchangedDemo } from './builtin.js';
import { useDemoSession } from './use-demo.js';
import { AskDialog } from '../app/Dialog.js';
import { usePlayground } from '../app/context.js';
import { DEFAULT_FILES } from '../state/defaults.js';
import type { Demo } from './builtin.js';
import './demos.css';

function GalleryDialog({ onClose }: { readonly onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const playground = usePlayground();
  const session = useDemoSession();
  const [confirm, setConfirm] = useState<Demo | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  const open = (demo: Demo): void => {
    onClose();
    void session.open(demo);
  };
  const choose = (demo: Demo): void => {
    const { files, script } = playground.store.getState();
    const pristine = filesEqual(files, DEFAULT_FILES) || unchangedDemo(files, script) !== undefined;
    if (pristine) open(demo);
    else setConfirm(demo);
  };

  return (
    <dialog
      ref={ref}
      className="gallery-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="gallery-head">
        <h2 id={titleId}>Demos</h2>
        <p className="muted small">
          Each demo opens its files and a narrative: Next step runs the script up to the next thing to watch;
          Run all runs it to the end.
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ul className="gallery" aria-label="Demos">
        {DEMOS.map((demo) => (
          <li key={demo.name} data-demo={demo.name}>
            <button type="button" className="demo-card" onClick={() => choose(demo)}>
              <span className="demo-card-title">{demo.meta.title}</span>
              <span className="demo-card-summary">{demo.meta.summary}</span>
              <span className="demo-card-tags">
                <span className={`difficulty difficulty-${demo.meta.difficulty}`}>
                  {demo.meta.difficulty}
                </span>
                {(demo.meta.predict ?? []).length > 0 && (
                  <span className="demo-card-predict">predict, then tick</span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {confirm !== null && (
        <AskDialog
          title={`Open "${confirm.meta.title}"?`}
          message="The demo's files replace the files in the playground, and your changes are lost. Download what you want to keep first."
          actions={[{ label: 'Replace my files', value: 'replace', danger: true }]}
          onClose={(answer) => {
            const demo = confirm;
            setConfirm(null);
            if (answer !== null) open(demo);
          }}
        />
      )}
    </dialog>
  );
}

/** The header's Demos button and its gallery (see the module header). */
export function DemosButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Demos
      </button>
      {open && <GalleryDialog onClose={() => setOpen(false)} />}
    </>
  );
}
