// French labels and limits of attachments, shared by server pages and the client upload form.
import type { AttachmentCategory } from "@/lib/generated/prisma/enums";

export const ATTACHMENT_CATEGORY_LABELS: Record<AttachmentCategory, string> = {
  GENERAL: "Document général",
  BALANCE_SHEET: "Dernier bilan",
  ID_DOCUMENT: "Pièce d'identité",
  COMPANY_REGISTRATION: "Extrait Kbis",
  BANK_DETAILS: "RIB",
};

export const ATTACHMENT_CATEGORIES = Object.keys(ATTACHMENT_CATEGORY_LABELS) as [
  AttachmentCategory,
  ...AttachmentCategory[],
];

export const ALLOWED_TYPES_DESCRIPTION = "PDF, images (PNG, JPEG, WebP, GIF, HEIC), Word, Excel, PowerPoint, OpenDocument";

// A hint for the browser's file picker only; the server decides from the content.
export const FILE_INPUT_ACCEPT =
  ".pdf,.png,.jpg,.jpeg,.webp,.gif,.heic,.heif,.doc,.docx,.xls,.xlsx,.pptx,.odt,.ods,application/pdf,image/*";

const sizeFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

// 1536 → "1,5 Ko"; 15728640 → "15 Mo" (binary multiples, as file managers show them).
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? "s" : ""}`;
  if (bytes < 1024 * 1024) return `${sizeFormatter.format(bytes / 1024)} Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${sizeFormatter.format(bytes / (1024 * 1024))} Mo`;
  return `${sizeFormatter.format(bytes / (1024 * 1024 * 1024))} Go`;
}

export function fileTooLargeMessage(maxBytes: number): string {
  return `Le fichier dépasse la taille maximale autorisée (${formatFileSize(maxBytes)}).`;
}

export const EMPTY_FILE_MESSAGE = "Le fichier est vide.";
export const MISSING_FILE_MESSAGE = "Choisissez un fichier à joindre.";
export const UNSUPPORTED_TYPE_MESSAGE = `Ce type de fichier n'est pas accepté. Formats acceptés : ${ALLOWED_TYPES_DESCRIPTION}.`;
