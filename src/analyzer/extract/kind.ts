// Says what kind of document an agreement is: a processor agreement (Art. 28), a joint-controller
// arrangement (Art. 26), or a kit of model agreements holding several of them.

import type { DocumentKind } from "../analysis.js";
import { spaced } from "./folded-text.js";
import { JOINT_CONTROLLERS } from "./legal-vocabulary.js";

const KIT = spaced(
  /\bkit (?:de conventionnement|contractuel|de contractualisation)\b|\bmodeles? (?:de |d')(?:conventions?|contrats?|clauses?|accords?)\b|\bmodel (?:clauses|contracts|agreements)\b|\btemplates? (?:agreements?|contracts?|clauses)\b|\btoolkit\b/g,
);
const MODEL_NUMBER = spaced(/\bmodele (?:n°|no )?(\d{1,2})\b|\btemplate (\d{1,2})\b/g);
const PROCESSOR_AGREEMENT = spaced(
  /\bsous-?traitants?\b|\bsous-?traitance\b|\bprocessors?\b|\barticle 28\b|\bart\. 28\b|\bdpa\b|\bdata processing agreement\b|\baccord de traitement\b|\bconvention de traitement\b/g,
);
const JOINT = new RegExp(JOINT_CONTROLLERS.source, "g");
const PROCESSOR_TITLE = spaced(
  /\bdpa\b|\bdata processing (?:agreement|addendum)\b|\bdata protection (?:agreement|addendum)\b|\bprocessing agreement\b|\b(?:accord|convention|contrat|clause) (?:de |d')(?:traitement|sous-?traitance)\b|\bsous-?traitance\b|\barticle 28\b/,
);
const JOINT_TITLE = spaced(/\bconjoint\w*|\bjoint controller\w*|\barticle 26\b|\bco-?responsab\w*/);

function count(pattern: RegExp, text: string): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

/** The kind of a folded document text. */
export function kindOf(folded: string): DocumentKind {
  const models = new Set<string>();
  MODEL_NUMBER.lastIndex = 0;
  for (let m = MODEL_NUMBER.exec(folded); m !== null; m = MODEL_NUMBER.exec(folded))
    models.add(m[1] ?? m[2] ?? "");
  const processor = count(PROCESSOR_AGREEMENT, folded);
  const joint = count(JOINT, folded);
  if ((count(KIT, folded) >= 1 && models.size >= 2) || models.size >= 3) {
    if (processor > 0 || joint > 0) return "contracting_kit";
  }
  // The title, in the first lines, says what the parties meant to sign.
  const opening = folded.slice(0, 600);
  const jointTitle = JOINT_TITLE.test(opening);
  const processorTitle = PROCESSOR_TITLE.test(opening);
  if (processorTitle && !jointTitle) return "dpa";
  if (jointTitle && !processorTitle) return "joint_controller_agreement";
  if (joint >= 3 && joint >= processor) return "joint_controller_agreement";
  if (processor >= 3) return "dpa";
  return "unknown";
}
