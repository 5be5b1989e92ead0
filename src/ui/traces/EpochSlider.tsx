/**
 * The "contents as of epoch" slider of a trace: a range over the complete epochs
 * 0..latest. At the right end the table follows the live contents; anywhere else it is
 * pinned to that epoch (and stays there while new ticks arrive) until the user slides
 * back or presses "Latest".
 */
import { useId } from 'react';

export interface EpochSliderProps {
  readonly name: string;
  /** The latest complete epoch (≥ 1 for the slider to be useful). */
  readonly latest: number;
  /** The pinned epoch, or null when following the latest. */
  readonly asOf: number | null;
  /** Pins an epoch (null: follow the latest). */
  readonly onPin: (epoch: number | null) => void;
}

/** The epoch slider above a trace's contents. */
export function EpochSlider(props: EpochSliderProps) {
  const id = useId();
  const { latest, asOf, onPin } = props;
  const shown = asOf ?? latest;
  return (
    <div className="trace-timebar">
      <label htmlFor={id}>As of epoch</label>
      <input
        id={id}
        type="range"
        min={0}
        max={latest}
        step={1}
        value={shown}
        aria-valuetext={asOf === null ? `epoch ${shown}, the latest` : `epoch ${shown}`}
        onChange={(e) => {
          const value = Number(e.currentTarget.value);
          onPin(value >= latest ? null : value);
        }}
      />
      <span className="trace-epoch-value" aria-hidden="true">
        {shown}
      </span>
      {asOf === null ? (
        <span className="trace-live">latest</span>
      ) : (
        <button type="button" onClick={() => onPin(null)}>
          Latest
        </button>
      )}
    </div>
  );
}
