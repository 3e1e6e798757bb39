import { describe, expect, it } from "vitest";
import { renderOnboardingLinkEmail, renderReadyAlertEmail } from "@/lib/onboarding/emails";

const hostile = `<img src=x onerror=alert(1)> "Dupont" & Fils\r\nBcc: victime@exemple.test`;

describe("onboarding e-mails", () => {
  it("carry the client's unique link, escape typed names and keep subjects on one line", () => {
    const url = "https://crm.exemple.test/onboarding/AbC_-123";
    const mail = renderOnboardingLinkEmail({
      url,
      companyName: hostile,
      contactName: "Camille <b>Martin</b>",
      expiresAt: new Date("2026-11-29T12:00:00Z"),
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain("finalisez votre inscription");
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain(url);
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).not.toContain("<b>Martin</b>");
    expect(mail.text).toContain("Bonjour Camille <b>Martin</b>,");
    expect(mail.text).toContain("29/11/2026");
    expect(mail.text).toMatch(/pièce d'identité du représentant légal/);
    expect(mail.text).toMatch(/Kbis/);
    expect(mail.text).toMatch(/RIB/);
  });

  it("tell the sales inbox which file is ready, from whom, and how to reach the contact", () => {
    const mail = renderReadyAlertEmail({
      appUrl: "https://crm.exemple.test",
      prospect: { id: "p1", name: hostile, siren: "123456789", city: "Lyon" },
      partnerName: "Cabinet Durand",
      referredBy: "Claire Durand",
      contact: { name: "Camille Martin", email: "camille@exemple.test", phone: "+33612345678" },
      readyAt: new Date("2026-11-22T09:30:00Z"),
    });
    expect(mail.subject.startsWith("Dossier prêt à démarrer : ")).toBe(true);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.text).toContain("SIREN : 123 456 789");
    expect(mail.text).toContain("Partenaire : Cabinet Durand");
    expect(mail.text).toContain("Téléphone : 06 12 34 56 78");
    expect(mail.text).toContain("22/11/2026 10:30");
    expect(mail.text).toContain("https://crm.exemple.test/dossiers-prets");
  });
});
