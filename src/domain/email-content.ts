// What an e-mail says, in one language: the words the outbox keeps, laid out as text and HTML only when sent.

import { z } from "zod";

/** Label and value pairs are shown as a list (deadline, agreement, …); items as bullets (what a notice lacks). */
export const emailContentSchema = z.object({
  lang: z.enum(["fr", "en"]),
  subject: z.string().min(1),
  heading: z.string(),
  paragraphs: z.array(z.string()).readonly(),
  facts: z.array(z.tuple([z.string(), z.string()]).readonly()).readonly(),
  items: z.array(z.string()).readonly().optional(),
});
export type EmailContent = z.output<typeof emailContentSchema>;

/** One e-mail as it goes out: a subject, plain text and HTML. */
export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
