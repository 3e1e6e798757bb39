// The pages `npm run bench` measures, each as the role that uses it. Paths name rows of the
// deterministic generator (scripts/bench/generate.ts): bp5 has an opportunity, nested and
// chained actions, contacts and invoices-free history.
export type BenchRole = "ADMIN" | "MANAGER" | "SALES" | "PARTNER";
export type BenchPage = { key: string; role: BenchRole; path: string; label: string };

export const BENCH_PAGES: BenchPage[] = [
  { key: "partner-home", role: "PARTNER", path: "/", label: "Accueil partenaire" },
  { key: "partner-prospects", role: "PARTNER", path: "/prospects", label: "Prospects (partenaire)" },
  { key: "sales-home", role: "SALES", path: "/", label: "Accueil commercial" },
  { key: "manager-home", role: "MANAGER", path: "/", label: "Accueil manager" },
  { key: "prospects", role: "MANAGER", path: "/prospects", label: "Prospects, page 1" },
  { key: "prospects-name", role: "MANAGER", path: "/prospects?sort=name&dir=asc", label: "Prospects triés par nom" },
  { key: "prospects-search", role: "MANAGER", path: "/prospects?q=boul", label: "Prospects « boul »" },
  { key: "prospect-file", role: "SALES", path: "/prospects/bp5", label: "Fiche prospect" },
  { key: "calendar", role: "SALES", path: "/calendrier", label: "Calendrier (semaine)" },
  { key: "tasks", role: "SALES", path: "/taches", label: "Tâches" },
  { key: "report-done", role: "MANAGER", path: "/rapports/actions-faites", label: "Rapport « Actions faites »" },
  { key: "notifications", role: "MANAGER", path: "/notifications", label: "Notifications" },
];

// The mixed authenticated mix at c=10: six pages, three roles.
export const MIX_KEYS = ["partner-home", "prospects", "sales-home", "calendar", "tasks", "prospect-file"];

// The framework's own cost, measured in the same run: the lightest real page of the production
// server, through the same session check, layout and header (with its unread count) as every
// page, and nothing else (the reports index: four links). Its time less its own floor is what
// Next.js, React and the shared layout cost per view; the quick mode's gate subtracts it
// (scripts/bench/stats.ts).
export const FRAMEWORK_PAGE: BenchPage = { key: "framework", role: "MANAGER", path: "/rapports", label: "Référence : Rapports" };
