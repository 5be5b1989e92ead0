/**
 * The command line: a textbox named `Command`. Enter runs it (even while another command
 * runs — it is queued), ↑/↓ walk the history of typed commands, Tab completes commands,
 * program, trace and file names (listing the candidates when ambiguous).
 */
import { useState } from 'react';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { complete } from './complete.js';

/** The console's command line (see the module header). */
export function CommandLine() {
  const playground = usePlayground();
  const history = usePlaygroundState((s) => s.commandHistory);
  const list = usePlaygroundState((s) => s.list);
  const files = usePlaygroundState((s) => s.files);
  const [text, setText] = useState('');
  const [position, setPosition] = useState<number | null>(null);
  const [options, setOptions] = useState<string[]>([]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void playground.run(text);
      setText('');
      setPosition(null);
      setOptions([]);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      if (history.length === 0) return;
      event.preventDefault();
      const up = event.key === 'ArrowUp';
      const current = position ?? history.length;
      const next = Math.max(0, Math.min(history.length, current + (up ? -1 : 1)));
      setPosition(next);
      setText(history[next] ?? '');
    } else if (event.key === 'Tab' && !event.shiftKey && text.trim() !== '') {
      const result = complete(text, {
        programs: (list?.programs ?? []).map((p) => p.name),
        traces: (list?.traces ?? []).map((t) => t.name),
        files: Object.keys(files).sort(),
      });
      if (result.options.length === 0) return;
      event.preventDefault();
      setText(result.text);
      setOptions(result.options.length > 1 ? result.options : []);
    }
  };

  return (
    <div className="command-line">
      <span className="prompt" aria-hidden="true">
        ›
      </span>
      <input
        type="text"
        aria-label="Command"
        placeholder="install, feed, tick, peek, list, drop, help — Tab completes, ↑ recalls"
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOptions([]);
        }}
        onKeyDown={onKeyDown}
      />
      {options.length > 0 && (
        <p className="completion-options" role="status">
          {options.join('  ')}
        </p>
      )}
    </div>
  );
}
