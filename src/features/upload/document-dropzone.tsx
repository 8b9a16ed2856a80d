/** Placeholder until the feature lands. */
export function DocumentDropzone() {
  return (
    <section aria-label="Documents">
      <h2>Documents</h2>
    </section>
  );
}
