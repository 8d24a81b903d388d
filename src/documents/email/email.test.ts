import { describe, expect, it } from "vitest";
import { type Breach, nextBreachNotice, parseBreachDetails } from "../../domain/breach.js";
import { calendarFor } from "../../domain/calendar.js";
import { receiveRequest } from "../../domain/data-subject-request.js";
import type { EmailContent } from "../../domain/email-content.js";
import { DEFAULT_REMINDER_CONFIG, reminderPoints } from "../../domain/reminder-schedule.js";
import { openObjectionWindows, parseSubprocessorChange } from "../../domain/subprocessor-change.js";
import { renderBreachNoticeEmail } from "./breach-notice-email.js";
import { duePhrase } from "./due-phrase.js";
import { composeEmail } from "./email-layout.js";
import { basisPhrase, renderObligationNoticeEmail } from "./obligation-notice-email.js";
import { renderReminderEmail } from "./reminder-email.js";
import { renderRequestForwardingEmail } from "./request-forwarding-email.js";
import { renderSubprocessorChangeEmail } from "./subprocessor-change-email.js";

/** Each renderer writes the words; the tests read them as sent, laid out as text and HTML. */
function laidOut<A extends unknown[]>(render: (...args: A) => EmailContent) {
  return (...args: A) => composeEmail(render(...args));
}
const breachNoticeEmail = laidOut(renderBreachNoticeEmail);
const obligationNoticeEmail = laidOut(renderObligationNoticeEmail);
const reminderEmail = laidOut(renderReminderEmail);
const requestForwardingEmail = laidOut(renderRequestForwardingEmail);
const subprocessorChangeEmail = laidOut(renderSubprocessorChangeEmail);

const at = (iso: string) => Date.parse(iso);
const paris = "Europe/Paris";

describe("the e-mail layout", () => {
  const email = composeEmail({
    lang: "fr",
    subject: "Objet\r\nBcc: victim@example.org",
    heading: 'École <script>alert("x")</script>',
    paragraphs: ["Tom & Jerry"],
    facts: [["Accord", "<b>DPA</b>"]],
    items: ["a < b"],
  });

  it("escapes everything it puts in HTML and keeps the plain text as written", () => {
    expect(email.html).toContain("École &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(email.html).toContain("Tom &amp; Jerry");
    expect(email.html).toContain("&lt;b&gt;DPA&lt;/b&gt;");
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain('École <script>alert("x")</script>');
    expect(email.text).toContain("Accord : <b>DPA</b>");
  });

  it("keeps the subject on one line, so no header can be slipped in", () => {
    expect(email.subject).toBe("Objet Bcc: victim@example.org");
  });
});

describe("a due instant told to people", () => {
  it("names the last day included when the deadline expires at midnight", () => {
    const due = at("2026-05-13T00:00:00+02:00");
    expect(duePhrase(due, paris, "fr")).toBe("jusqu'au mardi 12 mai 2026 inclus, heure de Paris");
    expect(duePhrase(due, paris, "en")).toBe("up to and including Tuesday 12 May 2026, Paris time");
  });

  it("gives the hour and the zone otherwise", () => {
    const due = at("2026-05-09T11:00:00+02:00");
    expect(duePhrase(due, paris, "fr")).toBe("avant le samedi 9 mai 2026 à 11:00 (heure de Paris)");
    expect(duePhrase(due, "Europe/Brussels", "en")).toBe(
      "before Saturday 9 May 2026 at 11:00 (Brussels time)",
    );
  });
});

describe("the reminder e-mail", () => {
  const due = at("2026-05-13T00:00:00+02:00");
  const points = reminderPoints(due, DEFAULT_REMINDER_CONFIG, paris);
  const input = {
    what: {
      fr: "transmettre la demande au responsable de traitement",
      en: "forward the request to the controller",
    },
    due,
    timeZone: paris,
    counterparty: "Collège Jean Moulin",
    agreement: "DPA ENT 2026",
    obligationId: "obl-17",
  };

  it("says how long is left before the deadline, in French by default", () => {
    const email = reminderEmail({ ...input, point: points[0] as (typeof points)[number] }, "fr");
    expect(email.subject).toBe(
      "[art28] Échéance dans 7 jours : transmettre la demande au responsable de traitement",
    );
    expect(email.text).toContain("Échéance : jusqu'au mardi 12 mai 2026 inclus, heure de Paris");
  });

  it("says how long is really left when a reminder goes out late", () => {
    const email = reminderEmail(
      { ...input, point: points[0] as (typeof points)[number], sentAt: at("2026-05-09T12:00:00+02:00") },
      "en",
    );
    expect(email.subject).toMatch(/^\[art28\] Due in 3 days: /);
  });

  it("counts the late reminders in English", () => {
    const late = points.find((p) => p.kind === "late" && p.lateCount === 2);
    const email = reminderEmail({ ...input, point: late as (typeof points)[number] }, "en");
    expect(email.subject).toBe("[art28] Overdue (reminder no. 2): forward the request to the controller");
    expect(email.text).toContain("The deadline has passed.");
  });
});

describe("the breach notice e-mail", () => {
  const breach: Breach = {
    ...parseBreachDetails({
      natures: ["confidentiality"],
      discoveredAt: at("2026-05-07T09:40:00+02:00"),
      awareAt: at("2026-05-07T10:15:00+02:00"),
      description: "A storage bucket was publicly readable.",
      dataCategories: ["identification"],
    }),
    id: "b1",
    recordedBy: "vendor",
    side: "processor",
  };
  const notice = nextBreachNotice(breach, [], at("2026-05-07T12:00:00+02:00"));

  it("gives the Art. 33(3) content known so far and lists what will follow", () => {
    const input = {
      notice,
      processor: "EdTech SAS",
      controller: "Lycée Kléber",
      timeZone: paris,
      authorityDue: null,
    };
    const both = { fr: breachNoticeEmail(input, "fr"), en: breachNoticeEmail(input, "en") };
    expect(both.fr.subject).toBe("[art28] Violation de données — Notification initiale — EdTech SAS");
    expect(both.fr.text).toContain("Connaissance établie : jeudi 7 mai 2026 à 10:15 (heure de Paris)");
    expect(both.fr.text).toContain("- point de contact (art. 33(3)(b))");
    expect(both.en.text).toContain("People affected (approx.): not known yet");
  });
});

describe("the sub-processor change e-mail", () => {
  const change = {
    ...parseSubprocessorChange({
      kind: "addition",
      subprocessor: { name: "HostCo", activity: "hosting", location: "FR" },
      announcedAt: at("2026-12-10T09:00:00+01:00"),
    }),
    id: "c1",
    processorId: "vendor",
  };
  const agreement = (silence: "accepted" | "refused") => ({
    agreementId: "a",
    controllerId: "college",
    processorId: "vendor",
    terms: {
      durations: { subprocessor_objection_period: { amount: 14, unit: "days" as const } },
      objectionSilence: silence,
    },
    calendar: calendarFor("FR"),
  });

  it("tells each controller when its window closes and what its silence means", () => {
    const [accepting] = openObjectionWindows(change, [agreement("accepted")]);
    const [refusing] = openObjectionWindows(change, [agreement("refused")]);
    const common = { change, processor: "EdTech SAS", controller: "Collège", timeZone: paris };
    const a = subprocessorChangeEmail({ ...common, window: accepting ?? null }, "fr");
    const r = subprocessorChangeEmail({ ...common, window: refusing ?? null }, "en");
    expect(a.text).toContain(
      "Fin du délai d'opposition : jusqu'au jeudi 24 décembre 2026 inclus, heure de Paris",
    );
    expect(a.text).toContain("votre silence vaudra acceptation");
    expect(r.text).toContain("requires express authorisation");
  });
});

describe("the request forwarding e-mail", () => {
  it("names the right and the controller's own deadline, without the request's content", () => {
    const request = receiveRequest({
      id: "r1",
      right: "post_mortem_directives",
      receivedBy: "processor",
      receivedAt: at("2026-05-07T16:20:00+02:00"),
      controllerCountry: "FR",
    });
    const email = requestForwardingEmail(
      {
        request,
        processor: "EdTech SAS",
        controller: "Collège",
        timeZone: paris,
        answerDue: at("2026-06-12T00:00:00+02:00"),
      },
      "fr",
    );
    expect(email.subject).toContain("directives relatives au sort des données après la mort");
    expect(email.text).toContain(
      "Votre réponse à la personne : jusqu'au jeudi 11 juin 2026 inclus, heure de Paris",
    );
  });
});

describe("the notice of a new obligation", () => {
  it("says where the deadline comes from, and that a qualifier was interpreted", () => {
    expect(
      basisPhrase(
        { kind: "term", termId: "audit_notice", duration: { amount: 15, unit: "working_days" } },
        "fr",
      ),
    ).toBe("délai fixé par l'accord : 15 jours ouvrés");
    expect(
      basisPhrase(
        {
          kind: "interpreted",
          termId: "breach_notification_to_controller",
          qualifier: "without_undue_delay",
          duration: { amount: 48, unit: "hours" },
        },
        "en",
      ),
    ).toBe('the agreement says "without undue delay", read as 48 hours under the organisation\'s settings');
    expect(
      basisPhrase(
        { kind: "statute", rule: "GDPR Art. 33(1)", duration: { amount: 72, unit: "hours" } },
        "fr",
      ),
    ).toBe("délai légal : 72 heures (GDPR Art. 33(1))");
  });

  it("renders the duty, its deadline and its reference", () => {
    const email = obligationNoticeEmail(
      {
        obligationId: "obl-9",
        what: { fr: "corriger la non-conformité majeure", en: "correct the major finding" },
        due: at("2026-07-16T00:00:00+02:00"),
        basis: { kind: "term", termId: "corrective_action_plan", duration: { amount: 30, unit: "days" } },
        timeZone: paris,
        counterparty: "Académie",
        agreement: null,
      },
      "en",
    );
    expect(email.subject).toBe("[art28] New obligation: correct the major finding");
    expect(email.text).toContain("Deadline: up to and including Wednesday 15 July 2026, Paris time");
    expect(email.text).toContain("Reference: obl-9");
  });
});
