// The one shape of every e-mail art28 sends: a subject, plain text, and simple HTML with everything escaped.
// Applied when a message is sent; the outbox keeps the words (EmailContent).

import escapeHtml from "escape-html";
import type { Language } from "../../domain/duration.js";
import type { EmailContent, RenderedEmail } from "../../domain/email-content.js";

const FOOTER: Readonly<Record<Language, string>> = {
  fr: "Message envoyé par art28, le registre des accords de sous-traitance (RGPD art. 28). Ne répondez pas à ce courriel.",
  en: "Sent by art28, the register of data-processing agreements (GDPR Art. 28). Please do not reply to this e-mail.",
};

/** French typography puts a space before a colon; English does not. */
export function colon(lang: Language): string {
  return lang === "fr" ? " : " : ": ";
}

/** Subject lines carry no line breaks: a header injection would otherwise be one value away. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

export function composeEmail(content: EmailContent): RenderedEmail {
  const subject = oneLine(content.subject);
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...content.facts.map(([label, value]) => `${label}${colon(content.lang)}${value}`),
    ...(content.items && content.items.length > 0 ? ["", ...content.items.map((i) => `- ${i}`)] : []),
    "",
    "-- ",
    FOOTER[content.lang],
    "",
  ].join("\n");
  const html = [
    "<!doctype html>",
    `<html lang="${content.lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">',
    `<h1 style="font-size: 1.2em">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    content.facts.length > 0
      ? `<dl>${content.facts.map(([label, value]) => `<dt><strong>${escapeHtml(label)}</strong></dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>`
      : "",
    content.items && content.items.length > 0
      ? `<ul>${content.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`
      : "",
    `<p style="color: #555; font-size: 0.9em">${escapeHtml(FOOTER[content.lang])}</p>`,
    "</body></html>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
  return { subject, text, html };
}
