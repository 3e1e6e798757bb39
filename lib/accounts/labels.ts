// French labels of the authentication log's event kinds; shared by the log page and its filter.
export const AUTH_EVENT_LABELS = {
  SIGN_IN: "Connexion",
  SIGN_IN_FAILED: "Échec de connexion",
  SIGN_IN_THROTTLED: "Connexion bloquée (trop de tentatives)",
  SIGN_OUT: "Déconnexion",
  PASSWORD_CHANGED: "Mot de passe modifié",
  PASSWORD_SET: "Mot de passe choisi (lien)",
  PASSWORD_RESET_REQUESTED: "Réinitialisation demandée",
  MFA_ENROLLED: "Double authentification activée",
  MFA_DISABLED: "Double authentification désactivée",
  MFA_FAILED: "Code de double authentification refusé",
  MFA_RECOVERY_USED: "Code de secours utilisé",
  SESSION_REVOKED: "Session fermée",
  SESSIONS_REVOKED: "Toutes les sessions fermées",
  USER_INVITED: "Utilisateur invité",
  INVITATION_RESENT: "Invitation renvoyée",
  USER_UPDATED: "Utilisateur modifié",
  USER_DEACTIVATED: "Utilisateur désactivé",
  USER_REACTIVATED: "Utilisateur réactivé",
  PARTNER_DEACTIVATED: "Organisation désactivée",
  PARTNER_REACTIVATED: "Organisation réactivée",
} as const;

export type AuthEventKind = keyof typeof AUTH_EVENT_LABELS;

export const AUTH_EVENT_KINDS = Object.keys(AUTH_EVENT_LABELS) as AuthEventKind[];
