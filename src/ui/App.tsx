/**
 * The playground page: header (title, epoch, workers, budget), then a resizable split —
 * file tabs, file actions and the editor on the left; Console / Traces / Programs /
 * Plan / Time grid / Timeline tabs on the right. On a phone-sized screen a switch shows
 * one side at a time. The page only renders the store; all engine work runs in the backend's Web Workers.
 */
import { useState } from 'react';
import { usePlaygroundState } from './app/context.js';
import { ConsolePanel } from './console/ConsolePanel.js';
import { EditorPane } from './files/EditorPane.js';
import { FileTabs } from './files/FileTabs.js';
import { FileToolbar } from './files/FileToolbar.js';
import { ResultsTabs } from './layout/ResultsTabs.js';
import { Split } from './layout/Split.js';
import { StatusBar } from './layout/StatusBar.js';
import { NoticeBanner } from './layout/NoticeBanner.js';
import { NarrativePanel } from './demos/NarrativePanel.js';
import { HeaderActions } from './share/HeaderActions.js';
import { ProgramsPanel } from './programs/ProgramsPanel.js';
import { PlanPanel } from './plan/PlanPanel.js';
import { TimeGridPanel } from './timegrid/TimeGridPanel.js';
import { TimelinePanel } from './timeline/TimelinePanel.js';
import { TracesSlot } from './TracesSlot.js';

function Count({ n }: { readonly n: number }) {
  return n === 0 ? null : <span className="tab-count">{n}</span>;
}

/** The playground (see the module header); `onResetEverything` forgets the workspace. */
export function App({ onResetEverything }: { readonly onResetEverything: () => void }) {
  const [view, setView] = useState<'editor' | 'results'>('editor');
  const traces = usePlaygroundState((s) => s.traces.length);
  const programs = usePlaygroundState((s) => s.list?.programs.length ?? 0);

  return (
    <div className="app">
      <header className="app-header">
        <h1>DDIR Playground</h1>
        <StatusBar />
        <HeaderActions />
        <div className="view-switch" role="group" aria-label="Show">
          <button type="button" aria-pressed={view === 'editor'} onClick={() => setView('editor')}>
            Editor
          </button>
          <button type="button" aria-pressed={view === 'results'} onClick={() => setView('results')}>
            Results
          </button>
        </div>
      </header>
      <NoticeBanner />
      <NarrativePanel />
      <main className="main">
        <Split
          view={view}
          left={
            <section className="files-pane" aria-label="Files and editor">
              <div className="files-bar">
                <FileTabs />
                <FileToolbar />
              </div>
              <EditorPane />
            </section>
          }
          right={
            <ResultsTabs
              tabs={[
                {
                  id: 'console',
                  label: 'Console',
                  panel: <ConsolePanel onResetEverything={onResetEverything} />,
                },
                {
                  id: 'traces',
                  label: (
                    <>
                      Traces <Count n={traces} />
                    </>
                  ),
                  panel: <TracesSlot />,
                },
                {
                  id: 'programs',
                  label: (
                    <>
                      Programs <Count n={programs} />
                    </>
                  ),
                  panel: <ProgramsPanel />,
                },
                { id: 'plan', label: 'Plan', panel: <PlanPanel /> },
                { id: 'timegrid', label: 'Time grid', panel: <TimeGridPanel /> },
                { id: 'timeline', label: 'Timeline', panel: <TimelinePanel /> },
              ]}
            />
          }
        />
      </main>
    </div>
  );
}
