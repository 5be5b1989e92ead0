/**
 * The file tabs: one tab per file (alphabetical), the active one selected; the session
 * script is marked. Arrow keys move between tabs (roving focus), as a tablist should.
 */
import { useRef } from 'react';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { fileNames } from '../state/files.js';

/** The file tab strip. */
export function FileTabs() {
  const playground = usePlayground();
  const files = usePlaygroundState((s) => s.files);
  const active = usePlaygroundState((s) => s.active);
  const script = usePlaygroundState((s) => s.script);
  const names = fileNames(files);
  const list = useRef<HTMLDivElement>(null);

  const select = (name: string): void => playground.store.setState({ active: name });
  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = names[(index + delta + names.length) % names.length];
    if (next === undefined) return;
    select(next);
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]');
    buttons?.[names.indexOf(next)]?.focus();
  };

  return (
    <div className="file-tabs" role="tablist" aria-label="Files" ref={list}>
      {names.map((name, index) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className="file-tab"
          onClick={() => select(name)}
          onKeyDown={(e) => onKeyDown(e, index)}
          title={name === script ? `${name} — the session script Run script and Step use` : name}
        >
          {name}
          {name === script && (
            <span className="script-mark" aria-label="(session script)">
              {' '}
              ▶
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
