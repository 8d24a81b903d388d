import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

function json(args: string[]) {
  const run = runCli(["deadline", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { expires: string; calendar: string; timeZone: string; lastDay: string };
}

describe("art28 deadline", () => {
  it.each([
    ["2026-05-07T10:15:00+02:00", "72 hours", "FR", "2026-05-10T11:00:00+02:00"],
    ["2026-03-28T10:15:00+01:00", "24 hours", "FR", "2026-03-29T12:00:00+02:00"],
    ["2026-05-07T16:00:00+02:00", "30 days", "FR", "2026-06-09T00:00:00+02:00"],
    ["2026-05-01T10:00:00+02:00", "3 working days", "FR", "2026-05-07T00:00:00+02:00"],
    ["2026-01-31T10:00:00+01:00", "1 month", "FR", "2026-03-03T00:00:00+01:00"],
    ["2026-04-01T09:00:00+02:00", "5 working days", "FR", "2026-04-10T00:00:00+02:00"],
    ["2026-04-01T09:00:00+02:00", "5 working days", "FR-ALSACE-MOSELLE", "2026-04-11T00:00:00+02:00"],
  ])("from %s, %s in %s, expires at %s", (from, period, calendar, expected) => {
    expect(json(["--from", from, "--period", period, "--calendar", calendar]).expires).toBe(expected);
  });

  it("prints the calendar, its zone and the last day in JSON", () => {
    expect(json(["--from", "2026-05-07T10:15:00+02:00", "--period", "72 heures"])).toMatchObject({
      expires: "2026-05-10T11:00:00+02:00",
      calendar: "FR",
      timeZone: "Europe/Paris",
      lastDay: "2026-05-10",
      extensions: [],
    });
  });

  it("accepts the French and word forms of a period", () => {
    const run = json([
      "--from",
      "2026-05-01T10:00:00+02:00",
      "--period",
      "trois (3) jours ouvrés",
      "--calendar",
      "FR-67",
    ]);
    expect(run.expires).toBe("2026-05-07T00:00:00+02:00");
    expect(run.calendar).toBe("FR-ALSACE-MOSELLE");
  });

  it("answers in one French sentence by default", () => {
    const run = runCli(["deadline", "--from", "2026-05-07T10:15:00+02:00", "--period", "72 heures"]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain("expire le dimanche 10 mai 2026 à 11:00, heure de Paris");
  });

  it("answers in English with --lang en, and says why the period was extended", () => {
    const run = runCli([
      "--lang",
      "en",
      "deadline",
      "--from",
      "2026-05-07T16:00:00+02:00",
      "--period",
      "30 days",
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("expires on Tuesday 9 June 2026 at 00:00, Paris time");
    expect(run.stdout).toContain("Regulation 1182/71, Art. 3(4)");
  });

  it.each([
    [["--from", "2026-05-07T10:15:00", "--period", "72 hours"], "--from"],
    [["--from", "yesterday", "--period", "72 hours"], "--from"],
    [["--from", "2026-05-07T10:15:00+02:00", "--period", "soon"], "--period"],
    [["--from", "2026-05-07T10:15:00+02:00", "--period", "sans délai"], "--period"],
    [["--from", "2026-05-07T10:15:00+02:00", "--period", "72 hours", "--calendar", "DE"], "--calendar"],
    [["--from", "2026-05-07", "--period", "72 hours"], "--from"],
    [["--period", "72 hours"], "--from"],
  ])("refuses bad input %j with exit 2 and one line naming %s", (args, argument) => {
    const run = runCli(["deadline", ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(argument);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("says what a bad period accepts, in English when asked", () => {
    const run = runCli(["deadline", "--from", "2026-05-07T10:15:00+02:00", "--period", "soon"], {
      ART28_LANG: "en",
    });
    expect(run.stderr).toContain('--period : "soon" is not a period — expected: an amount and a unit');
  });

  it("ends one day from Friday 15 May 2026 at 09:00 with Monday 18 May: Art. 3(5) reads the period as stated", () => {
    const run = json(["--from", "2026-05-15T09:00:00+02:00", "--period", "1 jour"]);
    expect(run.expires).toBe("2026-05-19T00:00:00+02:00");
    expect(run.lastDay).toBe("2026-05-18");
  });

  it("says a one-day period from 7 May 2026 runs up to and including Monday 11 May", () => {
    const run = runCli(["deadline", "--from", "2026-05-07", "--period", "1 jour"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("soit jusqu'au lundi 11 mai 2026 inclus");
    expect(run.stdout).not.toContain("§ 5");
  });

  it("ends one day from 2 April 2026 in Moselle with Tuesday 7 April, past Good Friday and Easter Monday", () => {
    expect(json(["--from", "2026-04-02", "--period", "1 jour", "--calendar", "FR-57"]).lastDay).toBe(
      "2026-04-07",
    );
  });

  it("accepts the unit ids its JSON prints as a period", () => {
    const run = runCli([
      "deadline",
      "--from",
      "2026-05-01T10:00:00+02:00",
      "--period",
      "3 working_days",
      "--json",
    ]);
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout) as { period: { amount: number; unit: string }; expires: string };
    expect(view.period).toEqual({ amount: 3, unit: "working_days" });
    expect(view.expires).toBe("2026-05-07T00:00:00+02:00");
    const again = runCli([
      "deadline",
      "--from",
      "2026-05-01T10:00:00+02:00",
      "--period",
      `${view.period.amount} ${view.period.unit}`,
    ]);
    expect(again.status).toBe(0);
  });

  it.each([
    [["--from", "9999-12-31", "--period", "1 jour"], "--from", "1950"],
    [["--from", "2026-05-07T10:00:00+25:00", "--period", "1 jour"], "--from", "+25:00"],
    [["--from", "2026-11-31", "--period", "1 jour"], "--from", "2026-11-31"],
  ])("blames the argument at fault for %j: %s", (args, argument, says) => {
    const run = runCli(["deadline", ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^art28: ${argument} : `));
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toContain("--period");
  });

  it("refuses a language it does not speak instead of answering in French", () => {
    for (const [args, env, argument] of [
      [["--lang", "de", "deadline", "--from", "2026-05-07", "--period", "1 jour"], {}, "--lang"],
      [["deadline", "--from", "2026-05-07", "--period", "1 jour"], { ART28_LANG: "de" }, "ART28_LANG"],
    ] as const) {
      const run = runCli([...args], env);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(
        `${argument} : art28 ne parle pas « de » — attendu : fr (par défaut) ou en`,
      );
    }
  });

  it("documents its exit codes in --help", () => {
    const run = runCli(["--help"]);
    expect(run.stdout).toContain("Codes de sortie : 0 fait ; 1 refusé par l'état du registre");
    expect(run.stdout).toContain("2 entrée invalide");
    expect(runCli(["--lang", "en", "--help"]).stdout).toContain("Exit codes: 0 done; 1 refused");
  });

  it("prints its help in French", () => {
    const run = runCli(["deadline", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Utilisation : art28 deadline");
  });
});
