/**
 * The console log: a region named `Console` listing command echoes, server events
 * (`EventView`; runs of inspect updates grouped by label) and the playground's notes.
 * It follows the newest entry unless the reader has scrolled up. A polite live region
 * announces each command's outcome in a few words.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { usePlaygroundState } from '../app/context.js';
import { EventView, InspectGroup } from './EventView.js';
import type { ConsoleEntry } from '../state/console-log.js';
import type { InspectEvent } from '../../server/events.js';

type Item =
  | { readonly kind: 'entry'; readonly entry: ConsoleEntry }
  | {
      readonly kind: 'inspect';
      readonly id: number;
      readonly label: string;
      readonly program: string;
      readonly events: InspectEvent[];
    };

/** Groups consecutive inspect events with the same label and program. */
function group(entries: readonly ConsoleEntry[]): Item[] {
  const items: Item[] = [];
  for (const entry of entries) {
    if (entry.kind === 'event' && entry.event.event === 'inspect') {
      const e = entry.event;
      const last = items.at(-1);
      if (last?.kind === 'inspect' && last.label === e.label && last.program === e.program)
        last.events.push(e);
      else items.push({ kind: 'inspect', id: entry.id, label: e.label, program: e.program, events: [e] });
    } else items.push({ kind: 'entry', entry });
  }
  return items;
}

/** A few words about the latest command's outcome, for the live region. */
function announcement(entries: readonly ConsoleEntry[]): string {
  const last = entries.at(-1);
  if (last === undefined) return '';
  if (last.kind === 'note') return last.text;
  if (last.kind === 'command') return `${last.line}: done`;
  const e = last.event;
  switch (e.event) {
    case 'tick':
      return `Tick: now epoch ${e.epoch}`;
    case 'peek':
      return `peek ${e.trace}: ${e.rows.length} rows`;
    case 'error':
      return `Error: ${e.message}`;
    case 'installed':
      return `Installed ${e.name}`;
    case 'dropped':
      return `Dropped ${e.name}`;
    default:
      return `${e.event}`;
  }
}

function EntryView({ entry }: { readonly entry: ConsoleEntry }) {
  switch (entry.kind) {
    case 'command':
      return (
        <li className="console-command">
          <span className="prompt" aria-hidden="true">
            ›{' '}
          </span>
          {entry.line}
          {entry.scriptLine !== undefined && <span className="muted"> (line {entry.scriptLine})</span>}
        </li>
      );
    case 'note':
      return <li className={`console-note ${entry.tone}`}>{entry.text}</li>;
    case 'event':
      return <EventView event={entry.event} />;
  }
}

/** The console log (see the module header). */
export function ConsoleLog() {
  const entries = usePlaygroundState((s) => s.console);
  const running = usePlaygroundState((s) => s.running);
  const items = useMemo(() => group(entries), [entries]);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el !== null && following.current) el.scrollTop = el.scrollHeight;
  }, [items, running]);

  return (
    <section className="console-log" aria-label="Console">
      <div
        className="console-scroll"
        ref={scroller}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {entries.length === 0 ? (
          <p className="muted empty">
            Results of commands appear here. Try Run script, or type a command below.
          </p>
        ) : (
          <ol>
            {items.map((item) =>
              item.kind === 'entry' ? (
                <EntryView key={item.entry.id} entry={item.entry} />
              ) : (
                <InspectGroup key={item.id} label={item.label} program={item.program} events={item.events} />
              ),
            )}
            {running !== null && (
              <li className="console-command running" aria-busy="true">
                <span className="prompt" aria-hidden="true">
                  ›{' '}
                </span>
                {running} <span className="muted">— running… (Stop interrupts it)</span>
              </li>
            )}
          </ol>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement(entries)}
      </p>
    </section>
  );
}
