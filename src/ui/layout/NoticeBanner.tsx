/** A dismissible banner for the store's `notice` (storage problems, restored saves). */
import { usePlayground, usePlaygroundState } from '../app/context.js';

/** The notice banner; nothing when there is no notice. */
export function NoticeBanner() {
  const { store } = usePlayground();
  const notice = usePlaygroundState((s) => s.notice);
  if (notice === null) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" onClick={() => store.setState({ notice: null })}>
        Dismiss
      </button>
    </div>
  );
}
