/**
 * One installed program (or generated source): name, origin, inputs, imports, exports
 * with their importer counts, a feed form per input of a user program, and Drop —
 * disabled, with the drop gate's reason as its description, while other programs import
 * one of its traces. Under the exports, a bar per worker: the records this program's
 * arrangements hold on each of the pool's workers (how its data is sharded).
 */
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { FeedForm } from './FeedForm.js';
import type { ProgramInfo, TraceInfo } from '../../server/events.js';

/** Why `program` cannot be dropped now, or null. */
export function dropBlocker(program: ProgramInfo, traces: readonly TraceInfo[]): string | null {
  const blocking = traces.filter((t) => program.exports.includes(t.name) && t.importers > 0);
  if (blocking.length === 0) return null;
  const what = blocking.map((t) => `"${t.name}" (${t.importers} importer${t.importers === 1 ? '' : 's'})`);
  return `Cannot drop ${program.name} while other programs import ${what.join(', ')}: drop them first.`;
}

/** One bar per worker, as wide as its share of the program's records (PLAYGROUND.md part 6). */
function WorkerShares({ program }: { readonly program: string }) {
  const shares = usePlaygroundState((s) => s.plans.find((p) => p.program === program)?.recordsPerWorker);
  if (shares === undefined || shares.length === 0) return null;
  const total = shares.reduce((a, b) => a + b, 0);
  return (
    <>
      <dt>workers</dt>
      <dd>
        <ul className="worker-shares" aria-label={`records per worker of ${program}`}>
          {shares.map((records, i) => (
            <li key={i} data-worker={i} data-records={records} title={`worker ${i}: ${records} records`}>
              <span className="worker-index">w{i}</span>
              <span
                className="worker-bar"
                style={{ width: `${total === 0 ? 0 : (100 * records) / total}%` }}
              />
              <span className="muted">{records}</span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** A program's card (see the module header). */
export function ProgramCard({
  program,
  traces,
}: {
  readonly program: ProgramInfo;
  readonly traces: readonly TraceInfo[];
}) {
  const playground = usePlayground();
  const blocker = dropBlocker(program, traces);
  const importers = new Map(traces.map((t) => [t.name, t.importers]));
  return (
    <article className="program-card" aria-label={`program ${program.name}`}>
      <header>
        <h3>{program.name}</h3>
        <span className={`origin origin-${program.origin}`}>{program.origin}</span>
        <button
          type="button"
          className="drop"
          disabled={blocker !== null}
          aria-description={blocker ?? undefined}
          title={blocker ?? `drop ${program.name}`}
          onClick={() => void playground.run(`drop ${program.name}`, 'button')}
        >
          Drop
        </button>
      </header>
      <dl>
        <dt>inputs</dt>
        <dd>{program.inputs.length === 0 ? '—' : program.inputs.join(', ')}</dd>
        <dt>imports</dt>
        <dd>{program.imports.length === 0 ? '—' : program.imports.join(', ')}</dd>
        <dt>exports</dt>
        <dd>
          {program.exports.length === 0
            ? '—'
            : program.exports.map((name, i) => (
                <span key={name}>
                  {i > 0 && ', '}
                  {name}{' '}
                  <span className="muted">
                    ({importers.get(name) ?? 0} importer{importers.get(name) === 1 ? '' : 's'})
                  </span>
                </span>
              ))}
        </dd>
        <WorkerShares program={program.name} />
      </dl>
      {blocker !== null && <p className="muted small">{blocker}</p>}
      {program.origin === 'program' &&
        program.inputs.map((input) => <FeedForm key={input} program={program.name} input={input} />)}
    </article>
  );
}
