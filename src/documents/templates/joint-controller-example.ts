// Example data of the joint-controller conventions and their public summary: an académie, a département and a
// région, two schools, the ENT and its vendor (fictitious names and numbers).

import type { z } from "zod";
import type { jointControllerData, PartyKind } from "./joint-controller-convention.js";

type Input = z.input<ReturnType<typeof jointControllerData>>;
type PartyInput = Input["parties"][number];

function exampleParty(
  kind: PartyKind,
  name: string,
  address: string,
  signatory: string,
  title: string,
  mailbox: string,
): PartyInput {
  return {
    kind,
    name,
    address,
    signatory: { name: signatory, title },
    contact: { name: "Secrétariat", email: `${mailbox}@example.fr` },
    dpo: { name: "Délégué à la protection des données", email: `dpd.${mailbox}@example.fr` },
  };
}

export const ACADEMY = exampleParty(
  "academic_authority",
  "Académie de Lyon",
  "92 rue de Marseille, 69007 Lyon",
  "Anne Roux",
  "rectrice",
  "rectorat",
);
export const SECOND_ACADEMY = exampleParty(
  "academic_authority",
  "Académie de Grenoble",
  "7 place Bir-Hakeim, 38000 Grenoble",
  "Marc Petit",
  "recteur",
  "rectorat-grenoble",
);
export const DEPARTMENT = exampleParty(
  "local_authority",
  "Département du Rhône",
  "29 cours de la Liberté, 69003 Lyon",
  "Louis Garnier",
  "président du conseil départemental",
  "rhone",
);
export const REGION = exampleParty(
  "local_authority",
  "Région Auvergne-Rhône-Alpes",
  "1 esplanade François Mitterrand, 69002 Lyon",
  "Sophie Blanc",
  "présidente du conseil régional",
  "region",
);
export const SCHOOL = exampleParty(
  "school",
  "Collège Jean Rostand",
  "12 rue des Tilleuls, 69003 Lyon",
  "Claire Martin",
  "principale",
  "ce.0690001a",
);
export const SECOND_SCHOOL = exampleParty(
  "school",
  "Lycée Ampère",
  "31 rue de la Bourse, 69002 Lyon",
  "Yves Morel",
  "proviseur",
  "ce.0690002b",
);

export function jointControllerExample(parties: PartyInput[], users: string, reference: string): Input {
  return {
    reference,
    issuedOn: "2026-09-01",
    place: "Lyon",
    parties,
    ent: {
      name: "ENT Laclasse",
      users,
      services: ["Cahier de textes", "Messagerie", "Espaces de classe", "Ressources numériques"],
    },
    processor: { name: "Édunuage SAS", contractReference: "DPA-2026-014", signedBy: parties[1]?.name ?? "" },
    processing: {
      subjectMatter: "Mise à disposition d'un espace numérique de travail",
      nature:
        "Collecte, hébergement, consultation, diffusion aux membres de la communauté éducative, suppression",
      purposes: [
        "Donner accès aux services numériques éducatifs",
        "Faciliter la communication entre écoles, élèves et familles",
      ],
      dataCategories: [
        { name: "Identité et identifiants" },
        { name: "Scolarité (classe, emploi du temps)" },
        { name: "Messages et contenus déposés" },
      ],
      dataSubjects: ["Élèves", "Responsables légaux", "Personnels"],
      duration: "La durée du partenariat de déploiement",
      location: "France",
      retention: "Jusqu'à la fin de l'année scolaire suivant le départ de l'usager",
    },
    contactPoint: { name: "Délégué à la protection des données de l'académie", email: "dpd@ac-lyon.example" },
    informationBy: parties[0]?.name ?? "",
    requestsBy: parties[0]?.name ?? "",
    breachesBy: parties[0]?.name ?? "",
    periods: { incidentAlert: "24 heures", requestForwarding: "3 jours ouvrés", terminationNotice: "6 mois" },
    court: "tribunal administratif de Lyon",
  };
}
