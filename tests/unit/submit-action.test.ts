import { describe, expect, it, vi } from "vitest";
import { actionError, actionOk } from "@/lib/action-result";
import { NETWORK_ERROR, submitAction } from "@/lib/forms/submit-action";

function target(networkError?: string) {
  return { fields: ["name", "siren"], setError: vi.fn(), setFormError: vi.fn(), networkError };
}

describe("submitAction", () => {
  it("hands back the data of a successful action, touching no message", async () => {
    const t = target();
    expect(await submitAction(async () => actionOk({ id: "x" }), t)).toEqual({ data: { id: "x" } });
    expect(t.setFormError).not.toHaveBeenCalled();
    expect(t.setError).not.toHaveBeenCalled();
  });

  it("puts each field error under its own field and the rest in the form's message", async () => {
    const t = target();
    const result = await submitAction(
      async () => actionError("Vérifiez les champs.", { name: ["Le nom est obligatoire."], other: ["Ignoré"], siren: [] }),
      t,
    );
    expect(result).toBeUndefined();
    expect(t.setFormError).toHaveBeenCalledWith("Vérifiez les champs.");
    expect(t.setError).toHaveBeenCalledTimes(1);
    expect(t.setError).toHaveBeenCalledWith("name", { message: "Le nom est obligatoire." });
  });

  it("turns a request that never came back into the network message, the form's own when given", async () => {
    const fails = async (): Promise<never> => {
      throw new TypeError("Failed to fetch");
    };
    const plain = target();
    expect(await submitAction(fails, plain)).toBeUndefined();
    expect(plain.setFormError).toHaveBeenCalledWith(NETWORK_ERROR);
    const own = target("Le rappel n'a pas pu être enregistré.");
    await submitAction(fails, own);
    expect(own.setFormError).toHaveBeenCalledWith("Le rappel n'a pas pu être enregistré.");
  });
});
