// Zod's built-in messages in French, for any rule a schema does not word itself.
// Imported for its side effect by shared schemas, so the browser and the server agree.
// Only the French locale is imported: `z.locales` would pull every language into every route's
// first-load JavaScript (66.5 kB gzip measured in issue 14).
import { z } from "zod";
import fr from "zod/v4/locales/fr.js";

z.config(fr());
