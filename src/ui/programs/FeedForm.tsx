/**
 * The feed form of one program input: key / val / time / diff fields in the command-line
 * value syntax (SERVER.md), a Feed button, and "Paste JSON rows" to feed many rows at
 * once. Every feed goes through the console like a typed command.
 */
import { useId, useState } from 'react';
import { usePlayground } from '../app/context.js';
import { feedLine, jsonRowsToFeedLines } from './feed-lines.js';
import type { FeedFields } from './feed-lines.js';

const EMPTY: FeedFields = { key: '', val: '', time: '', diff: '' };

/** The feed form for `program`'s input `input`. */
export function FeedForm({ program, input }: { readonly program: string; readonly input: number }) {
  const playground = usePlayground();
  const [fields, setFields] = useState<FeedFields>(EMPTY);
  const [pasting, setPasting] = useState(false);
  const [json, setJson] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const name = `${program} input ${input}`;

  const field = (key: keyof FeedFields, label: string, placeholder: string) => (
    <label className={`feed-field feed-${key}`}>
      <span>{label}</span>
      <input
        value={fields[key]}
        placeholder={placeholder}
        spellCheck={false}
        aria-label={`${label} for ${name}`}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
    </label>
  );

  const feedJson = (): void => {
    const result = jsonRowsToFeedLines(program, input, json);
    if ('error' in result) return setProblem(result.error);
    setProblem(null);
    setJson('');
    setPasting(false);
    for (const line of result.lines) void playground.run(line, 'form');
  };

  return (
    <div className="feed-form">
      <form
        aria-label={`Feed ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          void playground.run(feedLine(program, input, fields), 'form');
          setFields({ ...fields, key: '', val: '' });
        }}
      >
        <span className="feed-input">in {input}</span>
        {field('key', 'key', '1,2')}
        {field('val', 'val', '_')}
        {field('time', 'time', 'now')}
        {field('diff', 'diff', '+1')}
        <button type="submit">Feed</button>
        <button type="button" className="link" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          Paste JSON rows
        </button>
      </form>
      {pasting && (
        <div className="paste-rows">
          <textarea
            aria-label={`JSON rows for ${name}`}
            aria-describedby={problemId}
            placeholder="[[[1,2], [], 1], [[2,3], []]]  — [key, val, diff] per row"
            value={json}
            spellCheck={false}
            onChange={(e) => setJson(e.target.value)}
          />
          <div>
            <button type="button" onClick={feedJson} disabled={json.trim() === ''}>
              Feed rows
            </button>{' '}
            <span id={problemId} className="problem" role="alert">
              {problem ?? ''}
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
