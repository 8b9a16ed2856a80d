import type { DiffStatus } from './status-marks';
import { statusText } from './status-marks';

export function StatusBadge({ status }: { status: DiffStatus }) {
  return (
    <span className={`status-badge status-${status}`}>
      {statusText(status)}
    </span>
  );
}
