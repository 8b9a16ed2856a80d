import { useEffect, useRef } from 'react';
import type { BlockStatus, NormalizedBlock } from '@/results/model';
import { boxToPixels } from '@/results/geometry';
import { statusMark } from '../status-marks';
import { blockName } from '../block-name';
import { typeColour, typeFill } from './block-style';

interface BlockBoxProps {
  block: NormalizedBlock;
  status: BlockStatus | null;
  pageWidth: number;
  pageHeight: number;
  selected: boolean;
  /** Removed blocks are the baseline's, drawn where they used to be. */
  onSelect: () => void;
}

/**
 * A block's box over the page: a real button (click or Enter selects the
 * block), outlined in its type's colour. A difference from the baseline
 * shows as an outline style AND a symbol badge, never by colour alone.
 */
export function BlockBox({
  block,
  status,
  pageWidth,
  pageHeight,
  selected,
  onSelect,
}: BlockBoxProps) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Bring a block selected elsewhere (another pane, the Blocks list) into view.
    if (selected)
      ref.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  if (!block.box) return null;
  const px = boxToPixels(block.box, pageWidth, pageHeight);
  const differs = status !== null && status !== 'unchanged';
  const name = blockName(block, status);
  return (
    <button
      ref={ref}
      type="button"
      className={[
        'block-box',
        differs ? `block-box--${status}` : '',
        selected ? 'block-box--selected' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{
        left: px.left,
        top: px.top,
        width: Math.max(px.width, 4),
        height: Math.max(px.height, 4),
        // Smaller boxes on top, so a line inside a table stays clickable;
        // the DOM (and so the tab order) stays in reading order.
        zIndex: stackOrder(block.box),
        borderColor: typeColour(block.type),
        backgroundColor:
          status === 'removed' ? undefined : typeFill(block.type),
      }}
      aria-label={name}
      aria-pressed={selected}
      title={differs ? `${statusMark(status)} ${name}` : name}
      onClick={onSelect}
    >
      {differs ? (
        <span className="block-box__badge" aria-hidden="true">
          {statusMark(status)}
        </span>
      ) : null}
    </button>
  );
}

function stackOrder(box: { width: number; height: number }): number {
  const area = Math.min(1, Math.max(0, box.width * box.height));
  return 2 + Math.round((1 - area) * 1000);
}

/** A baseline box drawn faintly under the candidate's, for comparison. */
export function GhostBox({
  block,
  pageWidth,
  pageHeight,
}: {
  block: NormalizedBlock;
  pageWidth: number;
  pageHeight: number;
}) {
  if (!block.box) return null;
  const px = boxToPixels(block.box, pageWidth, pageHeight);
  return (
    <div
      className="ghost-box"
      aria-hidden="true"
      style={{
        left: px.left,
        top: px.top,
        width: px.width,
        height: px.height,
        borderColor: typeColour(block.type),
      }}
    />
  );
}
