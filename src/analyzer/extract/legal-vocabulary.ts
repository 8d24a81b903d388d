// The words French and English agreements use for the roles, acts and objects of GDPR Art. 28, as
// patterns over folded text (lower case, no accents; see folded-text.ts).

/** The processor (Art. 4(8)): "sous-traitant", a public contract's "titulaire", "prestataire", "processor". */
import { spaced } from "./folded-text.js";
export const PROCESSOR = spaced(
  /\bsous-?traitants?\b(?! ulterieurs?)|\btitulaires? du marche\b|\btitulaire\b|\bprestataires?\b|(?<!sub-)\bprocessors?\b|\bfournisseurs?\b|\bsuppliers?\b|\bvendors?\b|\bservice providers?\b|\bproviders?\b|\bcontractors?\b|\bhebergeurs?\b|\bl'operateur\b|\bl'editeur\b/,
);

/** The controller (Art. 4(7)) and the usual ways a school-side contract names it. */
export const CONTROLLER = spaced(
  /\bresponsables? (?:du |de |des )?(?:traitements?|donnees)\b|\bresponsables?\b(?! conjoints?)|\bcontrollers?\b|\bclients?\b|\bcustomers?\b|\bl'etablissement\b|\bl'academie\b|\bla collectivite\b|\bthe school\b/,
);

/** Joint controllers (Art. 26). */
export const JOINT_CONTROLLERS = spaced(
  /\bresponsables? (?:du traitement |de traitement )?conjoints?\b|\bresponsabilite (?:de traitement |du traitement )?conjointe\b|\bjoint(?:ly)? controllers?\b|\bjoint controllership\b|\bco-?responsables?\b|\barticle 26\b/,
);

/** A sub-processor (Art. 28(2) and (4)). */
export const SUBPROCESSOR = spaced(
  /\bsous-?traitants? ulterieurs?\b|\bsous-?traitance ulterieure\b|\bsous-?traitance\b|\bautres? sous-?traitants?\b|\bnouveaux? sous-?traitants?\b|\bsub-?processors?\b|\bsub-?processing\b|\bsubcontractors?\b|\banother processor\b|\bother processors\b|\bnew processors?\b|\bsous-?traitants? de second rang\b/,
);

/** A personal-data breach (Art. 4(12), 33, 34) or a security incident. */
export const BREACH = spaced(
  /\bviolations? (?:de |des )?(?:donnees|securite)\b|\bviolations? de donnees a caractere personnel\b|\bfuites? de donnees\b|\b(?:personal )?data breach(?:es)?\b|\bsecurity breach(?:es)?\b|\bbreach(?:es)? of (?:personal data|security)\b|\bviolations?\b(?! (?:du|de|des|d'|aux?|of|to)\b)|\bincidents? de securite\b|\bfailles? de securite\b|\bcompromission\w*|\bdata incidents?\b|\bsecurity incidents?\b|\bbreach(?:es)?\b(?! of (?:this|the|its|any|their) (?:agreement|contract|dpa|obligations?|terms|clauses?|warrant))/,
);

/** An incident in the wide sense joint controllers alert one another of. */
export const INCIDENT = spaced(/\bincidents?\b|\bdysfonctionnements?\b/);

/** Telling someone something. */
export const NOTIFY = spaced(
  /\bnotifi\w*|\binform\w*|\balert\w*|\bsignal\w*|\bavertir|\baverti\w*|\bprevenir|\bprevien\w*|\baviser|\bavise\w*|\bcommuniqu\w*|\bnotify\w*|\breport\w*|\badvise\w*|\btell\b|\bdeclar\w*/,
);

/** The supervisory authority (Art. 51), in France the CNIL, in Belgium the APD/GBA. */
export const AUTHORITY = spaced(
  /\bautorites? (?:de controle|de protection des donnees)\b|\bcnil\b|\bapd\b|\bgba\b|\bsupervisory authorit(?:y|ies)\b|\bdata protection authorit(?:y|ies)\b|\bico\b|\bedps\b/,
);

/** A data subject's request to exercise a right (Chapter III). */
export const DATA_SUBJECT_REQUEST = spaced(
  /\bdemandes? (?:d'exercice|de droits?|d'acces|de rectification|d'effacement|des personnes concernees|emanant des personnes)\b|\bexerc\w* (?:de leurs |des |de ses |de leur |leurs |ses )?droits?\b|\bdroits? des personnes(?: concernees)?\b|\bdata subjects?'? (?:rights? )?requests?\b|\brequests? (?:from|by|of) (?:a |the )?data subjects?\b|\b(?:subject access|rights?) requests?\b|\bdsars?\b|\brequests? (?:from|by|of) (?:an )?individuals?\b|\bexercise (?:of )?(?:their |the |his or her )?rights?\b|\bassert\w* (?:their|his|her|its) rights?\b|\brequests?\b[^.;]{0,40}?\b(?:from|by|of) (?:a |the |an )?(?:data subjects?|individuals?)\b|\bdemandes?\b[^.;]{0,40}?\b(?:de la part |emanant )?(?:de la|des|d'une|de) personnes? concernees?\b|\bexerc\w* (?:son|sa|leur) droit\b/,
);

/** The data subjects themselves, as the addressees of an answer or a communication (Art. 12, 34). */
export const DATA_SUBJECTS = spaced(
  /\bpersonnes? concernees?\b|\bdata subjects?\b|\bindividuals?\b|\bfamilles\b|\bparents\b|\beleves\b|\bpupils?\b/,
);

/** The controller as the one who acts: "le Responsable du traitement répond / informe …". */
export const CONTROLLER_ACTS = spaced(
  /\b(?:le|la|the|each|chaque)\s+(?:responsables? (?:du |de |des )?traitements?|responsable|controllers?|clients?|customers?|etablissements?)\b[^.;]{0,60}?\b(?:repond\w*|apport\w*|donne\w* suite|inform\w*|notifi\w*|communiqu\w*|respond\w*|answer\w*|repl(?:y|ies)|notify\w*|shall (?:inform|notify|respond|answer|communicate))/,
);

/** Passing on a request received by the wrong party. */
export const FORWARD = spaced(
  /\btransmet\w*|\btransmis\w*|\btransferer|\breorient\w*|\bredirig\w*|\bfaire suivre|\bforward\w*|\bpass(?:es|ed)? (?:it |them )?on\b|\brefer\w*|\bredirect\w*|\brelay\w*|\badresser\b|\badresse (?:ces|la|les|toute|sans)\b/,
);

/** Signs that the request first reached the processor. */
export const RECEIVED = spaced(
  /\brecu\w*|\breceptions?\b|\brecoi\w*|\bparvien\w*|\bparvenu\w*|\bsaisi\w*|\breceiv\w*|\bdirectly\b|\bdirectement\b|\bdestinataire\b/,
);

/** Helping the controller. */
export const ASSIST = spaced(
  /\baid\w*|\bassist\w*|\bfourni\w*|\bcooper\w*|\bcollabor\w*|\bhelp\w*|\bprovid\w*|\bsupport\w*|\bsuppl(?:y|ies)\b|\binformations? (?:necessaires|utiles)\b/,
);

/** Deleting or destroying data. */
export const DELETE = spaced(
  /\bsupprim\w*|\bsuppression\w*|\beffac\w*|\bdetrui\w*|\bdestruction\w*|\bdelet\w*|\beras\w*|\bdestroy\w*|\bpurg\w*|\banonymis\w*|\banonymiz\w*/,
);

/** Giving data back. */
export const RETURN = spaced(
  /\brestitu\w*|\brenvo\w*|\brenvoyer\b|\bretourn\w*|\breturn\w*|\bhand(?:ing)? back\b|\brendre\b/,
);

/** Correcting data on request (Art. 16). */
export const RECTIFY = spaced(/\bmodifi\w*|\brectifi\w*|\bcorrig\w*|\bcorrect\w*|\bamend\w*|\bupdat\w*/);

/** The end of the contract or of the service. */
export const END_OF_CONTRACT = spaced(
  /\bfin (?:du |de la |des |de l')(?:contrat|prestation|convention|relation|service|accord|marche|mission|licence|abonnement|traitement|dpa|utilisation)\w*|\bfin d'utilisation\b|\bcessation of (?:any |the )?(?:services?|processing)\b|\bdate of cessation\b|\bceased? to use\b|\ba l'issue\b|\bau terme\b|\bapres la fin\b|\bpris fin\b|\bprend fin\b|\bprendra fin\b|\bexpiration\b|\bcessation\b|\bresiliation\b|\btermination\b|\bexpiry\b|\bend of (?:the )?(?:agreement|contract|services?|provision|term|processing)\b|\bupon (?:the )?(?:termination|expiry|end)\b|\bafter (?:the )?(?:termination|expiry|end)\b|\bdate de fin\b|\bfin de contrat\b/,
);

/** Backups. */
export const BACKUP = spaced(/\bsauvegardes?\b|\bback-?ups?\b|\barchives? de sauvegarde\b/);

/** On request or instruction. */
export const ON_REQUEST = spaced(
  /\ba (?:la )?premiere demande\b|\bsur (?:simple )?demande\b|\ba la demande\b|\bsur instruction\b|\bon (?:the )?(?:controller's |customer's )?request\b|\bupon (?:the )?(?:controller's |customer's )?(?:written )?(?:request|instruction)\b|\bat the (?:controller's |customer's )?request\b|\bwhen (?:so )?(?:instructed|requested)\b/,
);

/** Objecting to, accepting or refusing a sub-processor. */
export const OBJECTION = spaced(
  /\bobjections?\b|\bobject\w*|\boppos\w*|\brefus\w*|\baccepter ou refuser\b|\bapprouv\w*|\bapprov\w*|\bveto\b|\bcontest\w*|\breject\w*/,
);

/** A change to the list of sub-processors or to an annex. */
export const CHANGE = spaced(
  /\bajouts?\b|\bremplacements?\b|\bchangements?\b|\bmodifications?\b|\bmis(?:es?)? a jour\b|\bmettre a jour\b|\bmise a jour\b|\bnouveaux?\b|\badditions?\b|\breplacements?\b|\bchanges?\b|\bupdat\w*|\bnew\b|\bintended\b|\benvisag\w*/,
);

/** An annex or a list. */
export const ANNEX = spaced(
  /\bannexes?\b|\bannex(?:es)?\b|\bappendi(?:x|ces)\b|\bschedules?\b|\blistes?\b|\blists?\b/,
);

/** Prior notice. */
export const PRIOR_NOTICE = spaced(
  /\bpreavis\b|\ba l'avance\b|\bprealabl\w*|\bnotice\b|\bin advance\b|\bprior\b|\bavant (?:le debut|l'audit|la date|toute?)\b|\bbeforehand\b|\bavant\b|\bbefore\b/,
);

/** An audit or inspection (Art. 28(3)(h)). */
export const AUDIT = spaced(
  /\baudit\w*|\binspections?\b|\bverifications?\b|\bcontroles? sur (?:place|site)\b|\bon-?site\b/,
);

/** Correcting what an audit found. */
export const CORRECTIVE = spaced(
  /\bcorrecti\w*|\bremedia\w*|\bplans? d'actions?\b|\baction plans?\b|\bremed(?:y|ies)\b|\bremedier\b|\bmesures? correctrices?\b|\bmise en conformite\b/,
);

/** A finding of non-compliance. */
export const NON_COMPLIANCE = spaced(
  /\bnon-?conformit\w*|\bnon-?compliance\b|\bconstat\w*|\bfindings?\b|\bdeficienc\w*|\bmanquements?\b|\becarts?\b|\bdeviations?\b/,
);

/** Ordinary termination. */
export const TERMINATION = spaced(
  /\bresili\w*|\bdenonc\w*|\bterminat\w*|\bmettre fin\b|\bmettant fin\b|\bnon-?renouvel\w*|\breconduction\b|\brenewal\b|\brenouvellement\b/,
);

/** Ending the contract for fault or force majeure rather than ordinarily. */
export const TERMINATION_FOR_CAUSE = spaced(
  /\bforce majeure\b|\bmise en demeure\b|\bfaute\b|\bmanquement\b|\bmaterial breach\b|\bdefault\b|\binsolv\w*|\bliquidation\b/,
);

/** Confidentiality. */
export const CONFIDENTIALITY = spaced(
  /\bconfidenti\w*|\bnon-?divulgation\b|\bnon-?disclosure\b|\bsecret professionnel\b/,
);

/** Surviving the end of the contract. */
export const SURVIVAL = spaced(
  /\bsurvi\w*|\breste(?:ra|nt|ront)? (?:en vigueur|applicables?|d'application)\b|\bdemeure(?:ra|nt|ront)? (?:en vigueur|applicables?)\b|\bcontinue\w*|\bapres (?:la fin|la cessation|l'expiration|le terme|la resiliation|l'extinction)\b|\bqui suivent la fin\b|\bsuivant (?:la fin|la cessation|l'expiration)\b|\bfollowing (?:the )?(?:termination|expiry|end)\b|\bafter (?:the )?(?:termination|expiry|end)\b|\bbeyond\b/,
);

/** Logs. */
export const LOGS = spaced(
  /\bjournaux\b|\bjournal (?:des |d')?(?:acces|connexions?|evenements|audit)\b|\bjournalisation\b|\blogs?\b|\btraces? (?:de connexion|d'acces|informatiques)\b|\bhistorique des (?:acces|connexions)\b|\baudit trails?\b/,
);

/** Keeping data for a time. */
export const RETENTION = spaced(
  /\bconserv\w*|\bretention\b|\bretain\w*|\bkept\b|\bkeep\w*|\bstock\w*|\barchiv\w*|\bstored?\b/,
);

/** Money: sentences about who pays are not about time limits. */
export const BILLING = spaced(
  /\bfactur\w*|\bfrais\b|\ba la charge\b|\bcharged\b|\bchargeable\b|\bhonoraires?\b|\bfees?\b|\binvoic\w*|\bcouts?\b|\bcosts?\b|\bremuneration\b/,
);

/** Wording that quotes the GDPR itself rather than agreeing something. */
export const STATUTE_WORDING = spaced(
  /\bdu present reglement\b|\bau present reglement\b|\bthis regulation\b|\bdu present article\b|\bau present article\b|\bof this article\b/,
);

/** A negation near a permission or duty. */
export const NEGATION = spaced(
  /\bne\b|\bn'|\bpas\b|\bjamais\b|\baucun\w*|\binterdi\w*|\bs'interdit\b|\bprohib\w*|\bnot\b|\bnever\b|\bno\b|\bnor\b|\bwithout\b|\bsans\b|\bexclu\w*|\brefrain\w*/,
);

/** A list's lead-in that forbids what its items say. */
export const PROHIBITING_LEAD_IN = spaced(
  /\bs'interdit\b|\binterdit\b|\bshall not\b|\bmust not\b|\bmay not\b|\bis prohibited\b|\bne (?:doit|peut|pourra) pas\b/,
);
