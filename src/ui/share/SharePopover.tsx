/**
 * Share (PLAYGROUND.md part 7): the header's `Share` button copies the workspace's link
 * to the clipboard (falling back to selecting it for Ctrl+C) and shows it in a textbox
 * named `Share link` with its length; a link too long to paste comfortably can also be
 * downloaded as a text file. "Run on open" decides the link's `run` field. Nothing is
 * sent anywhere: the whole workspace is in the link.
 */
import { useRef, useState } from 'react';
import { downloadFile } from './download.js';
import { shareLink } from './share-link.js';
import { usePlayground } from '../app/context.js';
import { LONG_LINK } from '../../share/link.js';
import './share.css';

type Copied = 'copied' | 'select' | null;

/** Copies `text`: the async clipboard API, else a selected textbox and execCommand. */
async function copy(text: string, input: HTMLInputElement | null): Promise<Copied> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (input === null) return 'select';
    input.focus();
    input.select();
    try {
      return document.execCommand('copy') ? 'copied' : 'select';
    } catch {
      return 'select';
    }
  }
}

/** The Share button and its popover (see the module header). */
export function ShareButton() {
  const playground = usePlayground();
  const [open, setOpen] = useState(false);
  const [run, setRun] = useState(true);
  const [link, setLink] = useState<{ url: string; demo: string | null } | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const input = useRef<HTMLInputElement>(null);

  const make = async (runOnOpen: boolean): Promise<void> => {
    const next = shareLink(playground.store.getState(), location.href, runOnOpen);
    setLink(next);
    setCopied(null);
    setCopied(await copy(next.url, input.current));
  };

  const long = link !== null && link.url.length > LONG_LINK;
  return (
    <div className="popover-anchor">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="share-popover"
        onClick={() => {
          if (open) setOpen(false);
          else {
            setOpen(true);
            void make(run);
          }
        }}
      >
        Share
      </button>
      {open && link !== null && (
        <div
          id="share-popover"
          className="popover share-popover"
          role="dialog"
          aria-label="Share"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <label>
            Share link
            <input
              ref={input}
              readOnly
              value={link.url}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p className="small" aria-live="polite">
            <span data-testid="share-length">{link.url.length.toLocaleString('en')} characters</span>
            {' · '}
            {copied === 'copied'
              ? 'copied to the clipboard'
              : copied === 'select'
                ? 'select it and copy (Ctrl+C)'
                : 'copying…'}
          </p>
          {link.demo !== null ? (
            <p className="muted small">
              The files are the unchanged demo “{link.demo}”, so the link names it instead of carrying them.
            </p>
          ) : (
            <label className="share-run">
              <span>
                <input
                  type="checkbox"
                  checked={run}
                  onChange={(e) => {
                    setRun(e.target.checked);
                    void make(e.target.checked);
                  }}
                />{' '}
                Run the script when the link opens
              </span>
            </label>
          )}
          {long && (
            <p className="small share-long">
              This link is long: some chat and mail tools cut links this size. Send it as a file instead.
            </p>
          )}
          <p className="muted small">The link holds the whole workspace; nothing is stored on a server.</p>
          <div className="ask-actions">
            <button type="button" className="primary" onClick={() => void make(run)}>
              Copy
            </button>
            {long && (
              <button
                type="button"
                onClick={() => downloadFile('ddir-share-link.txt', `${link.url}\n`, 'text/plain')}
              >
                Download link
              </button>
            )}
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
