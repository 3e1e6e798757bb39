// Shared by the upload and delete forms (browser) and their server handlers.
import { z } from "zod";
import "@/lib/zod-fr";
import { ATTACHMENT_CATEGORIES } from "@/lib/attachments/labels";

const id = z.string().trim().min(1).max(64);

// The text fields of the multipart upload; the file itself is checked by storeAttachment().
export const uploadAttachmentFieldsSchema = z.object({
  prospectId: id,
  category: z.enum(ATTACHMENT_CATEGORIES, { error: "Choisissez une catégorie de document." }),
});

export type UploadAttachmentFields = z.infer<typeof uploadAttachmentFieldsSchema>;

export const deleteAttachmentSchema = z.object({ id });

export type DeleteAttachmentInput = z.infer<typeof deleteAttachmentSchema>;
