// Zod's built-in messages in French, for any rule a schema does not word itself.
// Imported for its side effect by shared schemas, so the browser and the server agree.
import { z } from "zod";

z.config(z.locales.fr());
