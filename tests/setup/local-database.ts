// resetDatabase() empties every table: never let the harness near a database on another host.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabaseUrl(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("URL de base de test invalide / invalid test database URL.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Les tests d'intégration refusent la base sur l'hôte « ${host} » : ils vident toutes ses tables. ` +
        `Utilisez une base locale (localhost, 127.0.0.1, ::1) ou laissez TEST_DATABASE_URL vide pour une base jetable.\n` +
        `Integration tests refuse a database on host "${host}": they truncate every table. Use a local database.`,
    );
  }
}

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
