// The wizard's validation, in a chunk of its own: the one prospect schema (the server action
// parses with it too), with zod and the phone metadata it needs. Fetched by the wizard after
// its first paint (see prospect-wizard.tsx), so the prospect file's first-load JavaScript
// stays within its budget (issue 14).
import { zodResolver } from "@hookform/resolvers/zod";
import { prospectFormSchema } from "@/lib/prospects/prospect-form-schema";

// raw: the server parses the same values with the same schema.
export const prospectResolver = zodResolver(prospectFormSchema, undefined, { raw: true });
