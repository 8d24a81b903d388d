import { describe, expect, it } from "vitest";
import { formatInstant } from "./instant.js";
import {
  DEFAULT_REMINDER_CONFIG,
  nextReminder,
  type ReminderConfig,
  reminderPoints,
} from "./reminder-schedule.js";

const at = (iso: string) => Date.parse(iso);
const local = (instant: number) => formatInstant(instant, "Europe/Paris");
const zone = "Europe/Paris";
const due = at("2026-05-13T00:00:00+02:00");

describe("the reminders of a deadline", () => {
  it("fall 7 days and 1 day before, at the deadline, then daily once late", () => {
    const points = reminderPoints(due, DEFAULT_REMINDER_CONFIG, zone).slice(0, 5);
    expect(points.map((p) => `${p.kind} ${local(p.at)}`)).toEqual([
      "before 2026-05-06T00:00:00+02:00",
      "before 2026-05-12T00:00:00+02:00",
      "due 2026-05-13T00:00:00+02:00",
      "late 2026-05-14T00:00:00+02:00",
      "late 2026-05-15T00:00:00+02:00",
    ]);
  });

  it("count days in local time across a DST change", () => {
    const [weekBefore] = reminderPoints(at("2026-03-30T00:00:00+02:00"), DEFAULT_REMINDER_CONFIG, zone);
    expect(local(weekBefore?.at ?? NaN)).toBe("2026-03-23T00:00:00+01:00");
  });

  it("stop after the configured number of late reminders", () => {
    const config: ReminderConfig = { ...DEFAULT_REMINDER_CONFIG, maxLate: 3 };
    expect(reminderPoints(due, config, zone).filter((p) => p.kind === "late")).toHaveLength(3);
  });

  it("merge two offsets that land on the same instant", () => {
    const config: ReminderConfig = {
      before: [
        { amount: 24, unit: "hours" },
        { amount: 1, unit: "days" },
      ],
      atDue: false,
      lateEvery: null,
      maxLate: 0,
    };
    expect(reminderPoints(due, config, zone)).toHaveLength(1);
  });

  it("refuse an offset that is not a whole positive number", () => {
    const config: ReminderConfig = { ...DEFAULT_REMINDER_CONFIG, before: [{ amount: 0, unit: "days" }] };
    expect(() => reminderPoints(due, config, zone)).toThrowError(/whole number/);
  });
});

describe("the next reminder", () => {
  it("is the first point to come when nothing was sent", () => {
    const next = nextReminder({ due, now: at("2026-05-01T12:00:00+02:00"), timeZone: zone });
    expect(next?.kind).toBe("before");
    expect(local(next?.at ?? NaN)).toBe("2026-05-06T00:00:00+02:00");
  });

  it("skips the points that passed before the obligation existed", () => {
    const next = nextReminder({ due, now: at("2026-05-10T12:00:00+02:00"), timeZone: zone });
    expect(next?.kind).toBe("before");
    expect(local(next?.at ?? NaN)).toBe("2026-05-12T00:00:00+02:00");
  });

  it("is the deadline itself once the last 'before' reminder went out", () => {
    const next = nextReminder({
      due,
      now: at("2026-05-12T00:00:05+02:00"),
      timeZone: zone,
      lastSentAt: at("2026-05-12T00:00:05+02:00"),
    });
    expect(next?.kind).toBe("due");
  });

  it("collapses the points missed during a pause into one, sent now", () => {
    const next = nextReminder({
      due,
      now: at("2026-05-16T09:00:00+02:00"),
      timeZone: zone,
      lastSentAt: at("2026-05-06T00:00:10+02:00"),
    });
    expect(next).toMatchObject({ kind: "late", lateCount: 3 });
    expect(next?.at).toBeLessThanOrEqual(at("2026-05-16T09:00:00+02:00"));
  });

  it("comes daily once late, and is null when every reminder is spent", () => {
    const late = nextReminder({
      due,
      now: at("2026-05-14T00:01:00+02:00"),
      timeZone: zone,
      lastSentAt: at("2026-05-14T00:01:00+02:00"),
    });
    expect(local(late?.at ?? NaN)).toBe("2026-05-15T00:00:00+02:00");
    const config: ReminderConfig = { ...DEFAULT_REMINDER_CONFIG, maxLate: 1 };
    expect(
      nextReminder({
        due,
        now: at("2026-05-14T00:01:00+02:00"),
        timeZone: zone,
        config,
        lastSentAt: at("2026-05-14T00:01:00+02:00"),
      }),
    ).toBeNull();
  });
});
