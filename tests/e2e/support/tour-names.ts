// The long-data tour's names, shared by its data script and its spec (no database import here,
// so the spec's runner never loads the Prisma client).
export const TOUR_MARKER = "Tournée";
export const TOUR_PROSPECTS = 220;
export const TOUR_NAME_LENGTH = 120;

const LONG_NAME_TAIL =
  "Compagnie générale de transports frigorifiques, de logistique urbaine et d'entreposage du Grand Est et de Bourgogne";

// Exactly 120 characters, numbered so each name is unique and findable.
export function tourCompanyName(index: number): string {
  const head = `${TOUR_MARKER} ${String(index).padStart(3, "0")} `;
  return `${head}${LONG_NAME_TAIL.repeat(2)}`.slice(0, TOUR_NAME_LENGTH);
}
