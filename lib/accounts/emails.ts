// The invitation and password-reset e-mails. Names typed by admins are escaped by the layout.
import { formatDateTime } from "@/lib/format";
import { renderEmailLayout } from "@/lib/mail/layout";
import { sanitizeHeader } from "@/lib/mail/escape";

export type RenderedEmail = { subject: string; html: string; text: string };

export function renderInvitationEmail(input: { url: string; name: string; organisation: string | null; expiresAt: Date }): RenderedEmail {
  const body = renderEmailLayout({
    heading: "Votre accès au CRM Partenaires",
    preheader: "Choisissez votre mot de passe pour activer votre compte.",
    paragraphs: [
      `Bonjour ${input.name},`,
      input.organisation
        ? `Un compte a été créé pour vous au sein de ${input.organisation} sur le CRM Partenaires.`
        : "Un compte a été créé pour vous sur le CRM Partenaires.",
      `Choisissez votre mot de passe avec le lien ci-dessous. Il est personnel, ne sert qu'une fois et expire le ${formatDateTime(input.expiresAt)}.`,
    ],
    action: { label: "Choisir mon mot de passe", url: input.url },
    footer: "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte ne sera utilisable sans vous.",
  });
  return { subject: sanitizeHeader("Votre accès au CRM Partenaires"), ...body };
}

export function renderPasswordResetEmail(input: { url: string; name: string; expiresAt: Date }): RenderedEmail {
  const body = renderEmailLayout({
    heading: "Réinitialisation de votre mot de passe",
    preheader: "Choisissez un nouveau mot de passe.",
    paragraphs: [
      `Bonjour ${input.name},`,
      "Une réinitialisation du mot de passe de votre compte CRM Partenaires a été demandée.",
      `Choisissez un nouveau mot de passe avec le lien ci-dessous. Il ne sert qu'une fois et expire le ${formatDateTime(input.expiresAt)}.`,
    ],
    action: { label: "Choisir un nouveau mot de passe", url: input.url },
    footer: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
  });
  return { subject: sanitizeHeader("Réinitialisation de votre mot de passe"), ...body };
}
