"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { undoImport } from "@/lib/imports/undo-import";

const undo = authedAction(
  z.object({ importId: z.string().min(1).max(40) }),
  async ({ importId }, actor) => {
    const result = await undoImport(db, actor, importId);
    revalidatePath(`/prospects/importer/${importId}`);
    return result;
  },
  { permission: "prospect:create" },
);

export async function undoImportAction(importId: string) {
  return undo({ importId });
}
