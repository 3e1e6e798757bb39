import { describe, expect, it } from "vitest";
import {
  reminderBody,
  reminderEmailKey,
  reminderNotificationKey,
  reminderTitle,
} from "@/lib/reminders/claim-reminders";
import { INVALID_REMINDER_TIME, reminderFormSchema } from "@/lib/reminders/schemas";

describe("reminderFormSchema", () => {
  it("accepts a Paris date and time, or an empty value meaning « remove »", () => {
    expect(reminderFormSchema.parse({ actionId: "a1", reminderAt: "2026-11-23T09:30", byEmail: true })).toEqual({
      actionId: "a1",
      reminderAt: "2026-11-23T09:30",
      byEmail: true,
    });
    expect(reminderFormSchema.parse({ actionId: "a1", reminderAt: "" })).toEqual({ actionId: "a1", reminderAt: "", byEmail: false });
  });

  it("refuses impossible or absurd times with a French message", () => {
    for (const reminderAt of ["2026-02-30T10:00", "demain", "20266-01-01T10:00", "1999-12-31T23:00", "2026-11-23 09:30:00Z"]) {
      const result = reminderFormSchema.safeParse({ actionId: "a1", reminderAt, byEmail: false });
      expect(result.success, reminderAt).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.message).toBe(INVALID_REMINDER_TIME);
    }
  });

  it("requires the task", () => {
    expect(reminderFormSchema.safeParse({ actionId: " ", reminderAt: "" }).success).toBe(false);
  });
});

describe("reminder wording and keys", () => {
  const reminderAt = new Date("2026-11-22T13:30:00Z");

  it("keys a notification by task, user and alarm time, and an e-mail by task and alarm time", () => {
    expect(reminderNotificationKey("act1", "usr1", reminderAt)).toBe("reminder:act1:usr1:2026-11-22T13:30:00.000Z");
    expect(reminderEmailKey("act1", reminderAt)).toBe("reminder:act1:2026-11-22T13:30:00.000Z");
    // A moved alarm is a new reminder.
    expect(reminderEmailKey("act1", new Date("2026-11-22T13:31:00Z"))).not.toBe(reminderEmailKey("act1", reminderAt));
  });

  it("names the task, the prospect and the due time in Paris", () => {
    expect(reminderTitle("Rappeler M. Dupont")).toBe("Rappel : Rappeler M. Dupont");
    expect(reminderBody({ prospectName: "Dupont SA", dueAt: new Date("2026-11-22T15:00:00Z") })).toBe(
      "Dupont SA — échéance le 22/11/2026 16:00",
    );
    expect(reminderBody({ prospectName: "Dupont SA", dueAt: null })).toBe("Dupont SA — sans échéance");
  });
});
