// The GDPR Art. 28(2)–(4) checklist: for each thing the contract must stipulate, whether the agreement
// does (present), does in part (partial) or does not (missing), with the sentences that show it.

import type { SubprocessorAuthorization } from "../domain/terms.js";
import type { ChecklistItem, ChecklistStatus } from "./analysis.js";
import type { DocumentView } from "./extract/document-view.js";
import { spaced } from "./extract/folded-text.js";

/** One element a checklist item needs; the item is present when all its elements are found. */
interface Element {
  readonly pattern: RegExp;
  /** Only sentences whose own text, lead-in or heading also matches this pattern count. */
  readonly within?: RegExp;
}

interface ChecklistRule {
  readonly id: string;
  readonly elements: readonly Element[];
}

const DELETION = spaced(
  /\bsupprim\w*|\bsuppression\b|\beffac\w*|\bdetrui\w*|\bdestruction\b|\bdelet\w*|\beras\w*|\bdestroy\w*/,
);
const RETURNING = spaced(/\brestitu\w*|\brenvo\w*|\brenvoyer\b|\bretourn\w*|\breturn\w*/);
const SUBPROCESSING = spaced(
  /\bsous-?traitants? ulterieurs?\b|\bsous-?traitance\b|\bautres? sous-?traitants?\b|\bsub-?processors?\b|\bsub-?processing\b|\bsubcontract\w*/,
);
const DATA_SUBJECT_RIGHTS = spaced(
  /\bdemandes? (?:d'exercice|de droits?|des personnes)\b|\bexercice (?:de leurs |des |de ses )?droits\b|\bdroits des personnes\b|\bdata subjects?'? (?:rights|requests?)\b|\brights of (?:the )?data subjects?\b|\bchapitre iii\b|\bchapter iii\b/,
);

const WRITTEN_RULES: readonly ChecklistRule[] = [
  {
    // Art. 28(3), first sentence: the contract sets out the processing.
    id: "28.3.subject",
    elements: [
      {
        pattern:
          /\bobjet (?:du|de la|des) (?:traitements?|sous-?traitance|prestation)\b|\bobjet (?:de l'accord|de la convention|du (?:present )?(?:accord|contrat|dpa))\b|\bsubject[- ]matter\b|\bobjet et (?:la )?duree\b/,
      },
      {
        pattern:
          /\bduree (?:du|des|de la) (?:traitements?|sous-?traitance|prestation|contrat|convention|accord)\b|\bduration of (?:the )?(?:processing|agreement|contract)\b|\bobjet et (?:la )?duree\b|\bsubject[- ]matter and duration\b/,
      },
      {
        pattern:
          /\bnature (?:du|des|de la) traitements?\b|\bnature et (?:la )?finalite\b|\bnature of (?:the )?processing\b|\bnature and purpose\b|\boperations de traitement\b|\bprocessing operations\b/,
      },
      {
        pattern:
          /\bfinalites? (?:du|des|de la) traitements?\b|\bnature et (?:la )?finalite\b|\bfinalites?\b|\bpurposes? of (?:the )?processing\b|\bnature and purpose\b/,
      },
      {
        pattern:
          /\b(?:types?|categories?) (?:de |des )?donnees\b|\b(?:types?|categories) of (?:personal )?data\b/,
      },
      {
        pattern:
          /\bcategories? (?:de |des )?personnes concernees\b|\bcategories of data subjects\b|\bpersonnes concernees\b|\bdata subjects\b/,
      },
    ],
  },
  {
    id: "28.3.a",
    elements: [
      {
        pattern: spaced(
          /\binstructions? (?:documentees?|ecrites?)\b|\bsur instruction\b|\bconformement aux instructions\b|\bdocumented instructions?\b|\b(?:written|documented) instructions?\b|\bon (?:the )?(?:documented )?instructions?\b|\bonly (?:act|process\w*) on\b/,
        ),
      },
      {
        pattern: spaced(/\btransf[eé]r\w*/),
        within: spaced(
          /\binstruction\w*|\bautorisation\b|\bauthori[sz]ation\b|\bpays tiers\b|\bthird countr/,
        ),
      },
    ],
  },
  {
    // Art. 28(3), second subparagraph: the processor informs the controller of an infringing instruction.
    id: "28.3.a-infringement",
    elements: [
      {
        pattern: spaced(
          /\binstruction\w*[^.]{0,160}\b(?:violation|contraire|enfrein\w*|illicite|infring\w*|violat\w*|breach\w*|unlawful)|\b(?:violation|contraire|infring\w*|unlawful)\b[^.]{0,80}\binstruction\w*|\binstruction contestee\b/,
        ),
        within: spaced(
          /\binform\w*|\balert\w*|\bnotifi\w*|\bsignal\w*|\bnotify\b|\btell\b|\bimmediately\b|\bimmediatement\b/,
        ),
      },
    ],
  },
  {
    id: "28.3.b",
    elements: [
      {
        // A "politique de confidentialité" is a privacy notice, not the staff's duty of confidentiality.
        pattern:
          /(?<!politique de )\bconfidentialit\w*|(?<!privacy )\bconfidentiality\b|\bconfidentiel\w*|\bconfidential\b/,
      },
      {
        pattern: spaced(
          /\bpersonnes? (?:autorisees?|habilitees?)\b|\bpersonnel\b|\bcollaborateurs?\b|\bsalaries\b|\bemployes\b|\bemployees\b|\bstaff\b|\bauthori[sz]ed (?:persons|personnel|to process)\b|\bpreposes\b/,
        ),
        within: spaced(/\bconfidenti\w*/),
      },
    ],
  },
  {
    // Art. 28(3)(c) and Art. 32.
    id: "28.3.c",
    elements: [
      {
        pattern: spaced(
          /\bmesures? (?:de securite )?techniques? et organisationnelles?\b|\btechnical and organi[sz]ational (?:security )?measures\b|\btoms?\b|\bmesures de securite\b|\bsecurity measures\b/,
        ),
      },
      {
        pattern: spaced(
          /\barticle 32\b|\bart\. 32\b|\bniveau de securite (?:adapte|approprie)\b|\bappropriate to the risk\b|\badapte au risque\b|\bchiffrement\b|\bencryption\b|\bpseudonymi\w*/,
        ),
      },
    ],
  },
  {
    // Art. 28(3)(d), referring to 28(2) and (4).
    id: "28.3.d",
    elements: [
      {
        pattern: spaced(
          /\bautorisation\b|\bauthori[sz]ation\b|\bapproval\b|\bconsent\b|\baccord prealable\b/,
        ),
        within: SUBPROCESSING,
      },
      {
        pattern: spaced(
          /\bmemes obligations\b|\bobligations equivalentes\b|\bsame (?:data protection )?obligations\b|\bequivalent obligations\b|\bimpos\w* [^.]{0,60}obligations\b|\bflow[- ]down\b/,
        ),
        within: SUBPROCESSING,
      },
    ],
  },
  {
    // Art. 28(3)(e).
    id: "28.3.e",
    elements: [
      { pattern: DATA_SUBJECT_RIGHTS },
      {
        pattern: spaced(
          /\baid\w*|\bassist\w*|\bcooper\w*|\bcollabor\w*|\bhelp\w*|\bsupport\w*|\btransmet\w*|\bforward\w*/,
        ),
        within: DATA_SUBJECT_RIGHTS,
      },
    ],
  },
  {
    // Art. 28(3)(f): Art. 32 to 36.
    id: "28.3.f",
    elements: [
      {
        pattern: spaced(
          /\bviolations? (?:de |des )?donnees\b|\bdata breach\w*|\bpersonal data breach\w*|\barticle 33\b|\barticle 34\b/,
        ),
      },
      {
        pattern: spaced(
          /\banalyses? d'impact\b|\baipd\b|\bdpia\b|\bdata protection impact assessment\b|\barticle 35\b/,
        ),
      },
      {
        pattern: spaced(
          /\bconsultation prealable\b|\bprior consultation\b|\barticle 36\b|\bconsulter (?:la cnil|l'autorite)\b/,
        ),
      },
      {
        pattern: spaced(
          /\barticle 32\b|\bsecurite du traitement\b|\bobligation de securite\b|\bsecurity of (?:the )?processing\b/,
        ),
      },
    ],
  },
  {
    // Art. 28(3)(g).
    id: "28.3.g",
    elements: [
      {
        pattern: DELETION,
        within: spaced(
          /\bfin\b|\bissue\b|\bterme\b|\bexpiration\b|\bresiliation\b|\bcessation\b|\bend\b|\btermination\b|\bexpiry\b|\bsort des donnees\b/,
        ),
      },
      { pattern: RETURNING, within: spaced(/\bdonnees\b|\bdata\b/) },
    ],
  },
  {
    // Art. 28(3)(h).
    id: "28.3.h",
    elements: [
      {
        pattern: spaced(
          /\binformations? necessaires?\b[^.]{0,80}\bdemontrer\b|\ball information necessary\b|\binformation necessary to demonstrate\b|\bdemontrer le respect\b|\bdemonstrate compliance\b|\bpreuves de conformite\b/,
        ),
      },
      { pattern: spaced(/\baudit\w*|\binspections?\b/) },
    ],
  },
  {
    // Art. 28(2).
    id: "28.2",
    elements: [
      {
        pattern: spaced(/\bautorisation\b|\bauthori[sz]\w*|\bapproval\b|\bconsent\b/),
        within: SUBPROCESSING,
      },
      { pattern: spaced(/\binform\w*|\bnotifi\w*|\bpreavis\b|\bnotice\b|\bnotify\b/), within: SUBPROCESSING },
      { pattern: spaced(/\bobjection\w*|\bobject\w*|\boppos\w*|\brefus\w*/), within: SUBPROCESSING },
    ],
  },
  {
    // Art. 28(4).
    id: "28.4",
    elements: [
      {
        pattern: spaced(
          /\bmemes obligations\b|\bobligations equivalentes\b|\bsame (?:data protection )?obligations\b|\bequivalent obligations\b|\bimpos\w* [^.]{0,60}obligations\b/,
        ),
        within: SUBPROCESSING,
      },
      {
        pattern: spaced(
          /\bpleinement responsable\b|\bentierement responsable\b|\bfully (?:liable|responsible)\b|\bremains? (?:fully )?(?:liable|responsible)\b|\bdemeure responsable\b|\breste (?:pleinement )?responsable\b/,
        ),
      },
    ],
  },
];

interface CompiledRule extends ChecklistRule {
  /** Matches wherever one of the elements' patterns does: a cheap first test for each place. */
  readonly any: RegExp;
}

/** The rules with their phrases matching across any white space (see `spaced`). */
const RULES: readonly CompiledRule[] = WRITTEN_RULES.map((rule) => {
  const elements = rule.elements.map((element) => ({
    pattern: spaced(element.pattern),
    ...(element.within === undefined ? {} : { within: spaced(element.within) }),
  }));
  return { id: rule.id, elements, any: new RegExp(elements.map((e) => `(?:${e.pattern.source})`).join("|")) };
});

/** How many sentences each item quotes at most. */
const MAX_QUOTES = 3;

/** A place that can show a checklist element: a sentence, or a heading ("4.2 Durée du traitement"). */
interface Evidence {
  readonly text: string;
  /** Text of the GDPR reproduced in the document: it shows what the law asks, not what the parties agreed. */
  readonly quotesLaw: boolean;
  readonly folded: string;
  readonly context: readonly string[];
}

function evidenceOf(view: DocumentView): Evidence[] {
  const sentences = view.sentences.map((s) => ({
    text: s.sentence.text,
    quotesLaw: s.quotesLaw,
    folded: s.folded,
    context: [s.leadIn, s.heading],
  }));
  const headings = view.structure.headings.map((h) => ({
    // The heading as a reader sees it, without its markdown hashes.
    text: view.text.slice(h.start, h.end).replace(/^#+\s*/, ""),
    quotesLaw: false,
    folded: view.folded.slice(h.start, h.end),
    context: [],
  }));
  return [...sentences, ...headings];
}

function matches(element: Element, evidence: Evidence): boolean {
  if (!element.pattern.test(evidence.folded)) return false;
  if (element.within === undefined) return true;
  return (
    element.within.test(evidence.folded) || evidence.context.some((c) => element.within?.test(c) === true)
  );
}

/**
 * The Art. 28 checklist for an agreement, in the order of the Article. Under a specific authorisation of
 * sub-processors, Art. 28(2) needs no notice of changes nor objection window: each one is authorised.
 */
export function checklistOf(
  view: DocumentView,
  authorization: SubprocessorAuthorization | null,
): ChecklistItem[] {
  const evidence = evidenceOf(view);
  return RULES.map((rule) => {
    const elements =
      rule.id === "28.2" && authorization === "specific" ? rule.elements.slice(0, 1) : rule.elements;
    // For each element, the place that shows it and the most of the item's other elements besides:
    // "les personnes autorisées … obligation de confidentialité" beats two scattered half-mentions.
    const best: (Evidence | undefined)[] = elements.map(() => undefined);
    const bestCount: number[] = elements.map(() => 0);
    for (const place of evidence) {
      // A place that shows every element of the item cannot be bettered.
      if (bestCount.every((count) => count === elements.length)) break;
      if (!rule.any.test(place.folded)) continue;
      const matched = elements.map((element) => matches(element, place));
      const found = matched.filter(Boolean).length;
      if (found === 0) continue;
      // The parties' own clause, even a thinner one, outranks the law they reproduce.
      const count = place.quotesLaw ? found / 10 : found;
      matched.forEach((isMatch, k) => {
        if (isMatch && count > (bestCount[k] ?? 0)) {
          best[k] = place;
          bestCount[k] = count;
        }
      });
    }
    const quotes: string[] = [];
    for (const place of best) {
      if (place !== undefined && !quotes.includes(place.text) && quotes.length < MAX_QUOTES)
        quotes.push(place.text);
    }
    // An element only the reproduced law states is not stipulated: at best the item is partial.
    const shown = best.filter((place) => place !== undefined).length;
    const stipulated = best.filter((place) => place !== undefined && !place.quotesLaw).length;
    const status: ChecklistStatus =
      stipulated === elements.length ? "present" : shown === 0 ? "missing" : "partial";
    return { id: rule.id, status, quotes };
  });
}
