/** The header's Demos, Share and Export buttons. */
import { ExportButton } from './ExportButton.js';
import { ShareButton } from './SharePopover.js';
import { DemosButton } from '../demos/DemoGallery.js';

/** Demos (the gallery), Share (a link) and Export (a zip). */
export function HeaderActions() {
  return (
    <div className="header-actions" role="group" aria-label="Demos and sharing">
      <DemosButton />
      <ShareButton />
      <ExportButton />
    </div>
  );
}
