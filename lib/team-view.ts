// Managers come to « Tâches », « Calendrier » and the home « Prochaines actions » to see their
// team's work; sales reps come for their own. This is only the default: the « Utilisateurs »
// filter still narrows a manager's view to chosen people.
import type { Role } from "@/lib/generated/prisma/enums";

export function defaultsToTeamView(role: Role): boolean {
  return role === "MANAGER";
}
