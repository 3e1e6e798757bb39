import type { Role } from "@/lib/generated/prisma/enums";

// The signed-in user as every query and action sees it, re-read from the database per request.
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
};
