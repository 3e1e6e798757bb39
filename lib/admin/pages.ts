// The administration pages, each behind its permission: the « Administration » menu entry and
// its index page list the ones the actor may open.
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import { GLOSSARY } from "@/lib/labels/glossary";

export type AdminPage = { href: string; label: string; description: string; permission: Permission };

export const ADMIN_PAGES: readonly AdminPage[] = [
  {
    href: "/admin/partenaires",
    label: "Partenaires",
    description: "Les organisations partenaires, leurs coordonnées et leur convention (taux de commission).",
    permission: "partner:manage",
  },
  {
    href: "/admin/utilisateurs",
    label: "Utilisateurs",
    description: "Inviter, modifier, désactiver les comptes ; fermer leurs sessions, réinitialiser un mot de passe.",
    permission: "user:manage:partner",
  },
  {
    href: "/admin/journal-securite",
    label: "Journal de sécurité",
    description: "Connexions, échecs, changements de mot de passe et de double authentification, actions sur les comptes.",
    permission: "security-log:view",
  },
  {
    href: "/admin/reference",
    label: "Listes de référence",
    description: "Types de prospect, origines et types d'action (couleur, catégorie, modèles d'e-mail).",
    permission: "reference:manage",
  },
  {
    href: "/admin/outbox",
    label: "Boîte d'envoi",
    description: "Les e-mails envoyés ou en attente, et leur relance.",
    permission: "outbox:view",
  },
  {
    href: "/admin/api-keys",
    label: GLOSSARY.apiKeys,
    description: "Les clés de la plateforme de financement pour l'API factures.",
    permission: "apikey:manage",
  },
  {
    href: "/admin/releves",
    label: "Relevés de commissions",
    description: "Les relevés mensuels des partenaires : préparation, ajustements, validation, paiement et export comptable.",
    permission: "commission:manage",
  },
];

export function adminPagesFor(role: Role): AdminPage[] {
  return ADMIN_PAGES.filter((page) => can(role, page.permission));
}
