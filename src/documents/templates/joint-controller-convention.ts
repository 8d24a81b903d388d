// What the three joint-controller conventions of a school ENT share (GDPR Art. 26): the parties and who does
// what towards the people concerned, breaches, the processor's contract and the essence made public. The
// scenario (the Ministry's kit: first degree, second degree, a territory's common ENT) sets who must sign.

import { z } from "zod";
import { formatDuration } from "../../domain/duration.js";
import type { LocalizedText } from "../../domain/error.js";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { contact, issue, party, partyFields, period, processing } from "./agreement-data.js";

const text = z.string().trim().min(1);

export const PARTY_KINDS = ["academic_authority", "local_authority", "school"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_KIND_WORDS: Record<PartyKind, LocalizedText> = {
  academic_authority: { fr: "autorité académique", en: "academic authority" },
  local_authority: { fr: "collectivité territoriale", en: "local authority" },
  school: { fr: "établissement public local d'enseignement", en: "public secondary school" },
};

export type Scenario = 1 | 2 | 3;

/** Who must sign in each scenario of the kit: [academic authorities, local authorities, schools] at least. */
const REQUIRED: Record<Scenario, readonly [number, number, number]> = {
  1: [1, 1, 0],
  2: [1, 1, 1],
  3: [2, 2, 1],
};

/** The data of a convention of `scenario`; "any" for what every scenario shares (the public summary). */
export function jointControllerData(scenario: Scenario | "any") {
  return z
    .object({
      ...issue,
      parties: z.array(party.extend({ kind: z.enum(PARTY_KINDS) })).min(2),
      ent: z.object({ name: text, users: text, services: z.array(text).min(1) }),
      processor: z.object({ name: text, contractReference: text, signedBy: text }),
      processing,
      contactPoint: contact,
      /** The party that informs the people concerned (Art. 13 and 14) and publishes the essence (Art. 26(2)). */
      informationBy: text,
      /** The party that answers requests from the people concerned. */
      requestsBy: text,
      /** The party that notifies breaches to the authority and, where needed, to the people concerned. */
      breachesBy: text,
      periods: z.object({ incidentAlert: period, requestForwarding: period, terminationNotice: period }),
      court: text,
    })
    .superRefine((data, context) => {
      const [academic, local, schools] = REQUIRED[scenario === "any" ? 1 : scenario];
      const count = (kind: PartyKind) => data.parties.filter((p) => p.kind === kind).length;
      if (count("academic_authority") < academic)
        context.addIssue({
          code: "custom",
          path: ["parties"],
          message: `au moins ${academic} autorité(s) académique(s) / at least ${academic} academic authority(ies)`,
        });
      if (count("local_authority") < local)
        context.addIssue({
          code: "custom",
          path: ["parties"],
          message: `au moins ${local} collectivité(s) / at least ${local} local authority(ies)`,
        });
      if (count("school") < schools)
        context.addIssue({
          code: "custom",
          path: ["parties"],
          message: `au moins ${schools} établissement(s) / at least ${schools} school(s)`,
        });
      if (scenario === 1 && count("school") > 0)
        context.addIssue({
          code: "custom",
          path: ["parties"],
          message: "les écoles ne sont pas parties au scénario 1 / schools are not parties in scenario 1",
        });
      const names = new Set(data.parties.map((p) => p.name));
      for (const key of ["informationBy", "requestsBy", "breachesBy"] as const) {
        if (!names.has(data[key]))
          context.addIssue({
            code: "custom",
            path: [key],
            message: "doit nommer une partie / must name a party",
          });
      }
      if (!names.has(data.processor.signedBy))
        context.addIssue({
          code: "custom",
          path: ["processor", "signedBy"],
          message: "doit nommer une partie / must name a party",
        });
    });
}
export type JointControllerData = z.output<ReturnType<typeof jointControllerData>>;

const SCENARIO_REASONS: Record<Scenario, LocalizedText> = {
  1: {
    fr: "Les autorités académiques et les collectivités territoriales signataires décident ensemble, au sein des instances de pilotage de l'ENT, des services offerts aux écoles et des moyens mis en œuvre ; les écoles, qui n'ont pas la personnalité juridique, ne sont pas parties.",
    en: "The signatory academic authorities and local authorities decide together, within the ENT's steering bodies, on the services offered to the primary schools and the means used; the primary schools, which have no legal personality, are not parties.",
  },
  2: {
    fr: "Les autorités académiques et les collectivités territoriales décident ensemble des orientations de l'ENT ; chaque établissement signataire choisit les services qu'il ouvre à ses usagers et participe ainsi à la détermination des finalités.",
    en: "The academic authorities and local authorities decide together on the ENT's direction; each signatory school chooses the services it opens to its users and so takes part in determining the purposes.",
  },
  3: {
    fr: "Plusieurs autorités académiques et collectivités territoriales conduisent ensemble un ENT commun aux écoles et aux établissements du territoire ; les établissements signataires choisissent les services qu'ils ouvrent et adhèrent à la présente convention.",
    en: "Several academic authorities and local authorities run together an ENT common to the primary and secondary schools of the territory; the signatory schools choose the services they open and accede to this arrangement.",
  },
};

export function writeJointControllerConvention(
  data: JointControllerData,
  lang: DocumentLanguage,
  scenario: Scenario,
): DocumentModel {
  const w = new DocumentWriter(lang);
  const names = data.parties.map((p) => p.name).join(", ");
  const d = (key: keyof JointControllerData["periods"]) => formatDuration(data.periods[key], lang);
  w.fields([
    [{ fr: "Référence", en: "Reference" }, data.reference],
    [{ fr: "Service", en: "Service" }, `${data.ent.name} (${data.ent.users})`],
    [{ fr: "Responsables conjoints", en: "Joint controllers" }, names],
    [{ fr: "Sous-traitant", en: "Processor" }, data.processor.name],
  ]);
  w.contents();
  w.clause({ fr: "Objet", en: "Purpose" });
  w.point({
    fr: `La présente convention est conclue entre ${names}, responsables conjoints du traitement au sens de l'article 26 du RGPD, pour l'espace numérique de travail ${data.ent.name} destiné aux ${data.ent.users}.`,
    en: `This arrangement is made between ${names}, joint controllers within the meaning of Article 26 GDPR, for the digital workspace ${data.ent.name} intended for ${data.ent.users}.`,
  });
  w.point(SCENARIO_REASONS[scenario]);
  w.point({
    fr: "Elle définit de manière transparente les obligations de chaque partie, notamment envers les personnes concernées, et reflète le rôle réel de chacune.",
    en: "It sets out transparently each party's obligations, in particular towards the people concerned, and reflects each party's actual role.",
  });
  w.clause({ fr: "Description du traitement", en: "Description of the processing" });
  w.point({
    fr: `L'objet du traitement est le suivant : ${data.processing.subjectMatter}. Les finalités du traitement sont les suivantes : ${data.processing.purposes.join(" ; ")}.`,
    en: `The subject-matter of the processing is: ${data.processing.subjectMatter}. The purposes of the processing are: ${data.processing.purposes.join("; ")}.`,
  });
  w.point({
    fr: `Les services offerts sont : ${data.ent.services.join(" ; ")}. Les personnes concernées sont : ${data.processing.dataSubjects.join(" ; ")}. Les catégories de données sont : ${data.processing.dataCategories.map((c) => c.name).join(" ; ")}.`,
    en: `The services offered are: ${data.ent.services.join("; ")}. The people concerned are: ${data.processing.dataSubjects.join("; ")}. The categories of data are: ${data.processing.dataCategories.map((c) => c.name).join("; ")}.`,
  });
  w.point({
    fr: `La nature du traitement est la suivante : ${data.processing.nature}. Les données sont hébergées dans le lieu suivant : ${data.processing.location}, et conservées ainsi : ${data.processing.retention}.`,
    en: `The nature of the processing is: ${data.processing.nature}. The data are hosted in: ${data.processing.location}, and kept as follows: ${data.processing.retention}.`,
  });
  w.clause({ fr: "Répartition des obligations", en: "Allocation of obligations" });
  w.point({
    fr: "Les parties se répartissent les obligations du RGPD comme suit ; chacune reste tenue de celles qui relèvent de ses propres compétences.",
    en: "The parties allocate the GDPR obligations as follows; each remains bound by those within its own remit.",
  });
  w.table(
    [
      { fr: "Obligation", en: "Obligation" },
      { fr: "Partie en charge", en: "Party in charge" },
    ],
    [
      [
        {
          fr: "Information des personnes (articles 13 et 14)",
          en: "Informing the people concerned (Articles 13 and 14)",
        },
        data.informationBy,
      ],
      [
        {
          fr: "Réponse aux demandes d'exercice des droits (articles 15 à 22)",
          en: "Answering data subject requests (Articles 15 to 22)",
        },
        data.requestsBy,
      ],
      [
        {
          fr: "Contrat de sous-traitance avec l'éditeur (article 28)",
          en: "Processing agreement with the vendor (Article 28)",
        },
        data.processor.signedBy,
      ],
      [
        {
          fr: "Notification des violations (articles 33 et 34)",
          en: "Notifying breaches (Articles 33 and 34)",
        },
        data.breachesBy,
      ],
      [{ fr: "Analyse d'impact (article 35)", en: "Impact assessment (Article 35)" }, data.breachesBy],
      [
        {
          fr: "Registre des activités de traitement (article 30)",
          en: "Record of processing activities (Article 30)",
        },
        { fr: "Chaque partie, pour ce qui la concerne", en: "Each party, for its own part" },
      ],
      ...(scenario === 1
        ? []
        : [
            [
              {
                fr: "Choix des services ouverts dans l'établissement",
                en: "Choice of the services opened in the school",
              },
              { fr: "Chaque établissement signataire", en: "Each signatory school" },
            ] as const,
          ]),
    ],
    { widths: [3, 2] },
  );
  w.clause({ fr: "Droits des personnes concernées", en: "Rights of the people concerned" });
  w.point({
    fr: `Le point de contact des personnes concernées est ${data.contactPoint.name} (${data.contactPoint.email}).`,
    en: `The contact point for the people concerned is ${data.contactPoint.name} (${data.contactPoint.email}).`,
  });
  w.point({
    fr: `Quelle que soit la répartition convenue, chaque personne concernée peut exercer ses droits auprès de chacune des parties et contre chacune d'elles (article 26, paragraphe 3) ; la partie qui reçoit une demande d'exercice des droits la transmet à ${data.requestsBy} dans un délai de ${d("requestForwarding")}.`,
    en: `Whatever the allocation agreed, each person concerned may exercise their rights in respect of and against each party (Article 26(3)); a party that receives a data subject request forwards it to ${data.requestsBy} within ${d("requestForwarding")}.`,
  });
  w.clause({ fr: "Incidents et violations de données", en: "Incidents and data breaches" });
  w.point({
    fr: `Chaque partie alerte les autres parties de tout incident de sécurité ou violation de données dont elle a connaissance dans un délai de ${d("incidentAlert")}.`,
    en: `Each party alerts the other parties to any security incident or data breach it becomes aware of within ${d("incidentAlert")}.`,
  });
  w.point({
    fr: `${data.breachesBy} apprécie le risque, notifie la violation à la CNIL dans les 72 heures lorsque c'est nécessaire et, en cas de risque élevé, organise l'information des personnes concernées ; les autres parties lui apportent les éléments dont elles disposent.`,
    en: `${data.breachesBy} assesses the risk, notifies the breach to the CNIL within 72 hours where required and, if the risk is high, organises informing the people concerned; the other parties give it what they know.`,
  });
  w.clause({ fr: "Sous-traitance", en: "Processor" });
  w.point({
    fr: `${data.processor.name} traite les données pour le compte des parties en vertu du contrat ${data.processor.contractReference}, conforme à l'article 28 du RGPD et signé par ${data.processor.signedBy}, qui en assure le suivi pour toutes les parties ; ce contrat est annexé à la présente convention.`,
    en: `${data.processor.name} processes the data on behalf of the parties under agreement ${data.processor.contractReference}, which complies with Article 28 GDPR and is signed by ${data.processor.signedBy}, who manages it for all parties; that agreement is annexed to this arrangement.`,
  });
  w.clause({ fr: "Sécurité", en: "Security" });
  w.point({
    fr: "Chaque partie met en œuvre, pour ce qui relève d'elle, les mesures techniques et organisationnelles appropriées prévues à l'article 32 du RGPD, notamment la gestion des comptes et des habilitations de ses usagers.",
    en: "Each party implements, within its remit, the appropriate technical and organisational measures of Article 32 GDPR, in particular the management of its users' accounts and access rights.",
  });
  w.clause({
    fr: "Mise à disposition de l'essentiel de la convention",
    en: "The essence of the arrangement made available",
  });
  w.point({
    fr: `${data.informationBy} publie, dans l'ENT et sur son site, les grandes lignes de la présente convention à l'intention des personnes concernées (article 26, paragraphe 2), avec le point de contact.`,
    en: `${data.informationBy} publishes, in the ENT and on its website, the essence of this arrangement for the people concerned (Article 26(2)), with the contact point.`,
  });
  w.clause({ fr: "Durée, adhésion et résiliation", en: "Duration, accession and termination" });
  w.point({
    fr: `La convention prend effet à sa signature et dure autant que le partenariat de déploiement de l'ENT. ${scenario === 1 ? "Une nouvelle autorité ou collectivité peut y adhérer par avenant." : "Un nouvel établissement peut y adhérer en signant un acte d'adhésion."}`,
    en: `The arrangement takes effect on signature and lasts as long as the ENT deployment partnership. ${scenario === 1 ? "A new authority may accede to it by amendment." : "A new school may accede to it by signing an accession form."}`,
  });
  w.point({
    fr: `Chaque partie peut résilier sa participation à la convention avec un préavis de ${d("terminationNotice")}. Ses engagements envers les personnes concernées demeurent pour les données déjà traitées.`,
    en: `Each party may terminate its participation in the arrangement with ${d("terminationNotice")} notice. Its commitments towards the people concerned remain for the data already processed.`,
  });
  w.clause({ fr: "Litiges", en: "Disputes" });
  w.point({
    fr: `Les parties recherchent un accord amiable ; à défaut, le litige est porté devant le ${data.court}.`,
    en: `The parties seek an amicable settlement; failing that, the dispute is brought before the ${data.court}.`,
  });
  w.signatures(
    {
      fr: `Fait à ${data.place}, le ${frenchDate(data.issuedOn)}.`,
      en: `Signed at ${data.place} on ${englishDate(data.issuedOn)}.`,
    },
    data.parties.map((p) => ({
      heading: { fr: `Pour ${p.name}`, en: `For ${p.name}` },
      organisation: PARTY_KIND_WORDS[p.kind],
      person: `${p.signatory.name}, ${p.signatory.title}`,
    })),
  );
  w.pageBreak();
  w.section({ fr: "Annexe – Les parties", en: "Annex – The parties" });
  for (const p of data.parties) {
    w.heading(p.name, 3);
    w.fields([[{ fr: "Qualité", en: "Capacity" }, PARTY_KIND_WORDS[p.kind]], ...partyFields(p)]);
  }
  return w.build({
    templateId: `joint-controller-${scenario}`,
    title: {
      fr: "Convention de responsabilité conjointe de traitement – espace numérique de travail",
      en: "Joint-controller arrangement – digital workspace",
    },
    subtitle: { fr: `Article 26 du RGPD – ${data.ent.name}`, en: `GDPR Article 26 – ${data.ent.name}` },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.informationBy,
  });
}
