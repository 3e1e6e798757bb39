"use client";

// Replaces the root layout when it fails itself: a French page of its own (no app styles are
// loaded here, so the few styles it needs are inline), with a retry.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", background: "#f8fafc", color: "#0f172a", margin: 0 }}>
        <title>Erreur · CRM Partenaires</title>
        <main role="alert" style={{ maxWidth: "36rem", margin: "0 auto", padding: "4rem 1rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem", fontWeight: 600 }}>Service momentanément indisponible</h1>
          <p style={{ marginTop: "0.75rem", color: "#475569" }}>
            L’application n’a pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste,
            contactez l’administrateur.
          </p>
          {digest ? <p style={{ marginTop: "0.5rem", fontSize: "0.75rem", color: "#64748b" }}>Référence : {digest}</p> : null}
          <button
            type="button"
            onClick={() => retry()}
            style={{ marginTop: "1.5rem", padding: "0.5rem 1rem", borderRadius: "0.375rem", border: 0, background: "#1d4ed8", color: "white", fontWeight: 600, cursor: "pointer" }}
          >
            Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
