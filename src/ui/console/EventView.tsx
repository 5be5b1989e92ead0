/**
 * One server event as the console shows it — structured, not a dump: a tick as a
 * divider, an install/drop as a one-liner, `peek` as a table, `list` as a summary, an
 * error in red with a link to its source place, `help` as text. Each carries
 * `data-event` = the event's JSON (the SERVER.md contract). Inspect updates are drawn by
 * `InspectGroup` (grouped by label).
 */
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { errorPlace, formatJson } from './format-json.js';
import type { ErrorEvent, InspectEvent, ListEvent, PeekEvent, ServerEvent } from '../../server/events.js';

function PeekView({ event }: { readonly event: PeekEvent }) {
  const title = `peek ${event.trace}${event.key === null ? '' : ` ${formatJson(event.key)}`}`;
  return (
    <li className="console-peek" data-event={JSON.stringify(event)}>
      <table className="peek-table" aria-label={title}>
        <caption>
          {title} — {event.rows.length} row{event.rows.length === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">val</th>
            <th scope="col">mult</th>
          </tr>
        </thead>
        <tbody>
          {event.rows.map((row, i) => (
            <tr key={i}>
              <td>{formatJson(row[0])}</td>
              <td>{formatJson(row[1])}</td>
              <td className="num">{row[2]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

function ListView({ event }: { readonly event: ListEvent }) {
  return (
    <li className="console-list" data-event={JSON.stringify(event)}>
      <div>
        epoch {event.epoch} · {event.programs.length} program{event.programs.length === 1 ? '' : 's'} ·{' '}
        {event.traces.length} trace{event.traces.length === 1 ? '' : 's'}
      </div>
      <ul>
        {event.programs.map((p) => (
          <li key={p.name}>
            <strong>{p.name}</strong> <span className="muted">({p.origin})</span> inputs [
            {p.inputs.join(', ')}]{p.imports.length > 0 && <> · imports {p.imports.join(', ')}</>}
            {p.exports.length > 0 && <> · exports {p.exports.join(', ')}</>}
          </li>
        ))}
        {event.traces.map((t) => (
          <li key={`t:${t.name}`}>
            trace <strong>{t.name}</strong>{' '}
            <span className="muted">
              · {t.importers} importer{t.importers === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function ErrorView({ event }: { readonly event: ErrorEvent }) {
  const playground = usePlayground();
  const script = usePlaygroundState((s) => s.script);
  const place = errorPlace(event, script);
  return (
    <li className="console-error" data-event={JSON.stringify(event)}>
      <span className="error-mark" aria-hidden="true">
        ✕{' '}
      </span>
      {event.message}
      {place !== null && (
        <>
          {' '}
          <button
            type="button"
            className="link"
            onClick={() => playground.openAt(place.file, place.line, place.col)}
          >
            {place.file}:{place.line}:{place.col}
          </button>
        </>
      )}
    </li>
  );
}

/** One event's view (inspect events are grouped elsewhere). */
export function EventView({ event }: { readonly event: ServerEvent }) {
  const data = JSON.stringify(event);
  switch (event.event) {
    case 'tick':
      return (
        <li
          className="console-tick"
          data-event={data}
          role="separator"
          aria-label={`tick: epoch ${event.epoch}`}
        >
          <span>tick → epoch {event.epoch}</span>
        </li>
      );
    case 'installed':
      return (
        <li className="console-ok" data-event={data}>
          ✓ installed <strong>{event.name}</strong>
        </li>
      );
    case 'dropped':
      return (
        <li className="console-ok" data-event={data}>
          ✓ dropped <strong>{event.name}</strong>
        </li>
      );
    case 'peek':
      return <PeekView event={event} />;
    case 'list':
      return <ListView event={event} />;
    case 'error':
      return <ErrorView event={event} />;
    case 'help':
      return (
        <li className="console-help" data-event={data}>
          <pre>{event.text}</pre>
        </li>
      );
    case 'inspect':
      return <InspectGroup label={event.label} program={event.program} events={[event]} />;
  }
}

/** Inspect updates of one label: `key val @ [epoch, i…] ±diff`, coloured by sign. */
export function InspectGroup({
  label,
  program,
  events,
}: {
  readonly label: string;
  readonly program: string;
  readonly events: readonly InspectEvent[];
}) {
  return (
    <li className="console-inspect">
      <div className="inspect-label">
        inspect <strong>{label}</strong>{' '}
        <span className="muted">
          in {program} · {events.length} update{events.length === 1 ? '' : 's'}
        </span>
      </div>
      <ul>
        {events.map((e, i) => (
          <li key={i} data-event={JSON.stringify(e)} className={e.diff > 0 ? 'plus' : 'minus'}>
            <span className="diff">{e.diff > 0 ? `+${e.diff}` : e.diff}</span> {formatJson(e.key)}
            <span className="muted"> ; </span>
            {formatJson(e.val)} <span className="time">@ [{e.time.join(', ')}]</span>
          </li>
        ))}
      </ul>
    </li>
  );
}
