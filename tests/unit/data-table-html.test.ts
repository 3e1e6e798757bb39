// The shared list table's server-rendered HTML: both renderings are there (a table for wide
// screens, cards for phones, with the roles the tours and screen readers use), and a page of
// rows stays small (issue 14: list pages were limited by rendering, « Tâches » sent 297 kB).
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ProspectListRow } from "@/lib/prospects/queries";

vi.mock("next/navigation", () => ({
  usePathname: () => "/prospects",
  useRouter: () => ({ push: () => undefined, refresh: () => undefined }),
}));
// The preferences' server action reaches the database; rendering never calls it.
vi.mock("@/lib/table-preferences/actions", () => ({ saveTablePreferencesAction: async () => ({ ok: true, data: null }) }));

const { ProspectTable } = await import("@/components/prospects/prospect-table");
const { parseProspectListParams } = await import("@/lib/prospects/schemas");

function rows(count: number): ProspectListRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    name: `Boulangerie Lefèvre et fils ${i}`,
    siren: String(100000000 + i * 7),
    city: i % 3 === 0 ? null : "Saint-Rémy-de-Provence",
    status: "IN_DISCUSSION",
    stage: i % 2 ? "PROSPECT" : "CLIENT",
    createdAt: new Date(Date.UTC(2025, 0, 1 + (i % 28))),
    partner: { id: "pa1", name: "Réseau Sud" },
  }));
}

function render(count: number): string {
  return renderToString(
    createElement(ProspectTable, {
      rows: rows(count),
      total: 5000,
      params: parseProspectListParams({ perPage: "50" }),
      query: {},
      showPartner: true,
      hasFilters: false,
    }),
  );
}

describe("DataTable server rendering", () => {
  it("renders each row once as a table row and once as a phone card, with the card's facts", () => {
    const html = render(3);
    expect(html).toContain('<caption id="');
    expect(html.match(/<tr[ >]/g)).toHaveLength(1 + 3);
    expect(html).toMatch(/<ul [^>]*aria-label="Liste des prospects"/);
    expect(html.match(/<li[ >]/g)).toHaveLength(3);
    // The card: title link, its two facts under their column names, both badges.
    const card = html.slice(html.indexOf("<li"), html.indexOf("</li>"));
    expect(card).toContain('href="/prospects/p0"');
    expect(card).toContain("<dt>Ville</dt><dd>—</dd>");
    expect(card).toContain("<dt>Créé le</dt>");
    expect(card).toContain("En discussion");
    expect(card).toContain("Client");
    expect(card).not.toContain("Réseau Sud");
  });

  it("keeps a cut cell's text whole in the page and leaves the bubble to the browser", () => {
    const html = render(2);
    expect(html).toContain('<span class="dt-cut">Saint-Rémy-de-Provence</span>');
    expect(html).not.toContain("texte-complet");
  });

  it("costs under 1.2 kB of HTML per row, table row and card together", () => {
    const perRow = (render(50).length - render(0).length) / 50;
    // 2.7 kB before the cells, cards and badges used short CSS classes and the per-cell
    // TruncatedText component went; 1.1 kB after.
    expect(perRow).toBeLessThan(1200);
  });
});
