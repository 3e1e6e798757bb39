// The colour chip of an action type; the name next to it carries the meaning. Styled by CSS
// classes (app/globals.css): it is on every row of the tasks and actions lists.
export function TypeLabel({ name, color }: { name: string; color: string }) {
  return (
    <span className="type-label">
      <i aria-hidden="true" style={{ backgroundColor: color }} />
      {name}
    </span>
  );
}
