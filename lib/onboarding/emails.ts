// The two e-mails a « Prêt à démarrer » sends: the alert to the sales inbox and the client's
// unique link. Everything typed by users goes through renderEmailLayout (escaped) and the
// subjects through sanitizeHeader, so a company called "<b>X</b>\r\nBcc: …" stays text.
import { formatDateTime, formatSiren } from "@/lib/format";
import { renderEmailLayout } from "@/lib/mail/layout";
import { sanitizeHeader } from "@/lib/mail/escape";
import { formatPhoneForDisplay } from "@/lib/validation/phone";

export type RenderedEmail = { subject: string; html: string; text: string };

export type ReadyAlertInput = {
  appUrl: string;
  prospect: { id: string; name: string; siren: string | null; city: string | null };
  partnerName: string | null;
  referredBy: string | null;
  contact: { name: string; email: string; phone: string | null };
  readyAt: Date;
};

export function renderReadyAlertEmail(input: ReadyAlertInput): RenderedEmail {
  const { prospect, contact } = input;
  const details = [
    { label: "Entreprise", value: prospect.name },
    ...(prospect.siren ? [{ label: "SIREN", value: formatSiren(prospect.siren) }] : []),
    ...(prospect.city ? [{ label: "Ville", value: prospect.city }] : []),
    { label: "Partenaire", value: input.partnerName ?? "Aucun (dossier direct)" },
    ...(input.referredBy ? [{ label: "Apporté par", value: input.referredBy }] : []),
    { label: "Contact favori", value: contact.name },
    { label: "E-mail", value: contact.email },
    ...(contact.phone ? [{ label: "Téléphone", value: formatPhoneForDisplay(contact.phone) }] : []),
    { label: "Prêt depuis le", value: formatDateTime(input.readyAt) },
  ];
  const body = renderEmailLayout({
    heading: "Nouveau dossier prêt à démarrer",
    preheader: `${prospect.name} est prêt à démarrer.`,
    paragraphs: [
      `Le dossier ${prospect.name} vient de passer en « Prêt à démarrer ».`,
      "Le client a reçu par e-mail un lien pour vérifier ses informations et déposer ses documents. Attribuez-vous le dossier depuis la liste des dossiers prêts à démarrer.",
    ],
    details,
    action: { label: "Ouvrir les dossiers prêts à démarrer", url: `${input.appUrl}/dossiers-prets` },
    footer: "Vous recevez ce message à l'adresse de l'équipe commerciale du CRM Partenaires.",
  });
  return { subject: sanitizeHeader(`Dossier prêt à démarrer : ${prospect.name}`), ...body };
}

export type OnboardingLinkEmailInput = {
  url: string;
  companyName: string;
  contactName: string;
  expiresAt: Date;
};

export function renderOnboardingLinkEmail(input: OnboardingLinkEmailInput): RenderedEmail {
  const body = renderEmailLayout({
    heading: "Finalisez votre inscription",
    preheader: "Vérifiez vos informations et déposez vos documents en moins de cinq minutes.",
    paragraphs: [
      `Bonjour ${input.contactName},`,
      `Pour démarrer avec nous, il nous reste à vérifier les informations de ${input.companyName} et à recevoir trois documents :`,
      "• la pièce d'identité du représentant légal\n• un extrait Kbis\n• un RIB de l'entreprise",
      "Cela prend moins de cinq minutes, depuis un téléphone ou un ordinateur. Aucun compte n'est nécessaire.",
      `Ce lien est personnel et ne peut servir qu'une fois. Il expire le ${formatDateTime(input.expiresAt)}.`,
    ],
    action: { label: "Vérifier mes informations", url: input.url },
    footer:
      "Vous recevez ce message parce que votre entreprise a demandé à ouvrir un compte. Si vous n'êtes pas concerné, ignorez-le : rien ne sera fait sans vous.",
  });
  return { subject: sanitizeHeader(`${input.companyName} : finalisez votre inscription`), ...body };
}
