/**
 * `AskDialog`: a small modal question (`<dialog>`), optionally with a text field whose
 * value is checked as it is typed. Escape or Cancel closes it without an answer; the
 * first action is the default (Enter). Used to confirm deletes and resets and to name files.
 */
import { useEffect, useId, useRef, useState } from 'react';

/** One answer button. */
export interface DialogAction {
  readonly label: string;
  readonly value: string;
  readonly danger?: boolean;
}

/** What to ask. */
export interface AskDialogProps {
  readonly title: string;
  readonly message?: string;
  /** Present: a text field with this initial value, checked by `validate` (a problem or null). */
  readonly input?: {
    readonly label: string;
    readonly initial: string;
    readonly validate: (v: string) => string | null;
  };
  readonly actions: readonly DialogAction[];
  readonly onClose: (answer: { action: string; text: string } | null) => void;
}

/** A modal question (see the module header). */
export function AskDialog({ title, message, input, actions, onClose }: AskDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(input?.initial ?? '');
  const titleId = useId();
  const problemId = useId();
  const problem = input === undefined ? null : input.validate(text);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  const answer = (action: string): void => {
    if (problem !== null) return;
    onClose({ action, text });
  };

  return (
    <dialog
      ref={ref}
      className="ask-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose(null);
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          const first = actions[0];
          if (first) answer(first.value);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {message !== undefined && <p>{message}</p>}
        {input !== undefined && (
          <label className="ask-field">
            {input.label}
            <input
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={problem !== null}
              aria-describedby={problemId}
              spellCheck={false}
            />
            <span id={problemId} className="ask-problem">
              {problem ?? ''}
            </span>
          </label>
        )}
        <div className="ask-actions">
          {actions.map((a, i) => (
            <button
              key={a.value}
              type={i === 0 ? 'submit' : 'button'}
              className={a.danger === true ? 'danger' : i === 0 ? 'primary' : undefined}
              disabled={problem !== null}
              autoFocus={input === undefined && i === 0}
              onClick={i === 0 ? undefined : () => answer(a.value)}
            >
              {a.label}
            </button>
          ))}
          <button type="button" onClick={() => onClose(null)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
