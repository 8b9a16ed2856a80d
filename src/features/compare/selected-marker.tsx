/** The visible "selected block" label: text, not colour alone. */
export function SelectedMarker() {
  return <strong className="selected-marker">● Selected</strong>;
}
