/**
 * Export (PLAYGROUND.md part 9): the header's `Export` button downloads the session as a
 * zip — the program files, the session script with `install` paths naming the files of
 * the folder, and a README on running it with the reference `ddir_server` or `ddir run`
 * (`share/bundle.ts`, `share/zip.ts`). Problems (an `install` of a missing file) are
 * reported in the notice banner; the bundle is still written.
 */
import { downloadFile } from './download.js';
import { unchangedDemo } from '../demos/builtin.js';
import { usePlayground } from '../app/context.js';
import { exportBundle } from '../../share/bundle.js';
import { zipStore } from '../../share/zip.js';

/** The Export button (see the module header). */
export function ExportButton() {
  const playground = usePlayground();
  const exportZip = (): void => {
    const { files, script, settings } = playground.store.getState();
    const demo = unchangedDemo(files, script);
    const bundle = exportBundle({
      files,
      script,
      folder: demo?.name ?? 'ddir-session',
      ...(demo === undefined ? {} : { title: demo.meta.title }),
      workers: settings.workers,
    });
    downloadFile(`${bundle.folder}.zip`, zipStore(bundle.entries, new Date()), 'application/zip');
    if (bundle.problems.length > 0) {
      playground.store.setState({
        notice: `Exported ${bundle.folder}.zip, but: ${bundle.problems.join('; ')}.`,
      });
    }
  };
  return (
    <button
      type="button"
      onClick={exportZip}
      title="Download the programs and the session script as a zip the reference ddir_server runs"
    >
      Export
    </button>
  );
}
