import { typeColour, typeFill } from './block-style';
import { statusMark } from '../status-marks';
import { DIFFERENCE_STATUSES } from '@/results/page-marks';

interface TypeLegendProps {
  types: { type: string; count: number }[];
  hidden: ReadonlySet<string>;
  onToggle: (type: string, shown: boolean) => void;
  showDifferenceKey: boolean;
}

/** The colour of each block type, with a switch to show or hide its boxes. */
export function TypeLegend({
  types,
  hidden,
  onToggle,
  showDifferenceKey,
}: TypeLegendProps) {
  return (
    <div className="type-legend">
      <fieldset>
        <legend>Block types</legend>
        {types.length === 0 ? <p>No blocks with boxes.</p> : null}
        {types.map(({ type, count }) => (
          <label key={type} className="type-legend__item">
            <input
              type="checkbox"
              aria-label={`Show ${type} blocks`}
              checked={!hidden.has(type)}
              onChange={(e) => onToggle(type, e.target.checked)}
            />
            <span
              className="type-legend__swatch"
              aria-hidden="true"
              style={{
                borderColor: typeColour(type),
                background: typeFill(type),
              }}
            />
            {type} ({count})
          </label>
        ))}
      </fieldset>
      {showDifferenceKey ? (
        <ul className="type-legend__differences" aria-label="Difference marks">
          {DIFFERENCE_STATUSES.map((status) => (
            <li key={status}>
              <span
                className={`type-legend__sample block-box--${status}`}
                aria-hidden="true"
              >
                {statusMark(status)}
              </span>
              {status}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
