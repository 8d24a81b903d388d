// The same data gives the same document: hashes of the PDF's and CSV's bytes, of the DOCX's and XLSX's unzipped
// parts and of the HTML, pinned. A change of template text or layout changes them on purpose: update the pins with it.

import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../../src/documents/model/document-model.js";
import { renderCsv } from "../../src/documents/render/render-csv.js";
import { renderDocx } from "../../src/documents/render/render-docx.js";
import { renderHtml } from "../../src/documents/render/render-html.js";
import { renderPdf } from "../../src/documents/render/render-pdf.js";
import { renderXlsx } from "../../src/documents/render/render-xlsx.js";
import { TEMPLATES } from "../../src/documents/template-catalogue.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** One hash over the parts of a zip, by name: zip entries carry dates, the parts do not. */
function partsHash(zip: Uint8Array): string {
  const parts = unzipSync(zip);
  const lines = Object.keys(parts)
    .sort()
    .map((name) => `${name} ${sha256(parts[name] as Uint8Array)}`);
  return sha256(new TextEncoder().encode(lines.join("\n")));
}

async function hashes(model: DocumentModel, formats: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (formats.includes("html")) out.html = sha256(renderHtml(model));
  if (formats.includes("pdf")) out.pdf = sha256(await renderPdf(model));
  if (formats.includes("docx")) out.docxParts = partsHash(await renderDocx(model));
  if (formats.includes("xlsx")) out.xlsxParts = partsHash(await renderXlsx(model));
  if (formats.includes("csv")) out.csv = sha256(renderCsv(model));
  return out;
}

const PINNED: Record<string, Record<string, string>> = {
  "dpa.fr": {
    html: "3e92f2afad6e6c11c38c70b26ecf7f77c3af623518ef6a4ad115c3e33a404244",
    pdf: "4d9790f17d96265c71b02d9249b3a460ccb7d413f2b6e3f4615eb2c3d6c66711",
    docxParts: "70b77c1bb3dc63bc1577082b2cbe49d5a42e2549ec066cec04e9e4d347aa4318",
  },
  "dpa.en": {
    html: "11e07da7a4e0d7e06fb95bd58d59b6f378c07521c94bee2fd1b19ffb257b0af4",
    pdf: "d7647ca81f5b2b87128972c59e5d61051903c6af575846ac2905118fa0874418",
    docxParts: "44e5485e0ed03ce4a91e71d31518a7122759356cd91bac031054e346c7768320",
  },
  "joint-controller-1.fr": {
    html: "c9db18466f7e189662941fbf50eaff295c4e50f1ec7164cee29a0592c0e97bb6",
    pdf: "979a84aee9088dd6dfd7e657327ec84eaf7303ab061a2c87f354350c1d724c5b",
    docxParts: "65cb938023c5c4e6b2d6d8cfc5f86d3f1d8e1302dd39ddcbd8e6b78dc7c4dc2c",
  },
  "joint-controller-1.en": {
    html: "11993e119ba0b5a14a8c5d2ac873b431fb74a85c19a878526d09b9b28f7ecf85",
    pdf: "f6ba2fd18bdd9cbc1008b2725dc6710ed340520b6d0844ab045daa411ed543c6",
    docxParts: "d47fa4e68b30f308273ab7838bb26bf7590f22fa49fd7d1751e2e994c11ecd20",
  },
  "joint-controller-2.fr": {
    html: "c23f3108d9bed4c071e4aa15ef27b767359319e2ccea0126e270b090a5aef38e",
    pdf: "e0c8f91fe2312d45a601d6c936745505725ddb221807cb1edf165064f089ba68",
    docxParts: "8df0c517695e4a77edb57bddc0fa9990af8ec5b3c4390ff53763c3dd618626db",
  },
  "joint-controller-2.en": {
    html: "0d714105d05daa6b1c274e5b0fafede961fc8884166c80b2419d5e66724dc2bb",
    pdf: "34723d38fdc85d37b9b0edec27ad1662c298e79e76ac3ee727c9acd275e5939c",
    docxParts: "855c924ef61762dac5da13c12d111f6284b2423c12fc8a9bd4d8d85a5e1ddda9",
  },
  "joint-controller-3.fr": {
    html: "71ed4d164daa18d3a544cb7b6e0f8e2764bd1678d41767bcec26c878f6a5cf98",
    pdf: "ce822a28b27a985c99bc93bb5dfbc94958f28ec451928466f9ad5c8492482df4",
    docxParts: "9859a21e2c8a1fa97572d1b8768d8d853a557b67643809fca056c2843aaa710c",
  },
  "joint-controller-3.en": {
    html: "9c244f8d30b088d2cbcdd5b118f3440d09219255cad549769e7737dee1c216a2",
    pdf: "530c2964c3ba46cd74a325ba65a415bc185834e14038139cae00f2815b0e3f2e",
    docxParts: "fbdab93a9b4ae9e5b544b8f5f939df957949c30f74db3da5559196a362677bd3",
  },
  "public-summary.fr": {
    html: "269440849fdcecd87194923e0bee01c5967c1c1e7e4fcf2aea91e2ba0cad7731",
    pdf: "825390d312724b6a049b68ee2f021f737c0e074bc94cc494b3a7e8e979f2b453",
    docxParts: "c60f2731913e84c678858b74e2a38f1acc7735dd72581610401605233528a0ea",
  },
  "public-summary.en": {
    html: "73280d9e39a38183491f3f35386967e04b22abe03695761c7170ecc2aceaae99",
    pdf: "6815bb87d9e0575f441ef53c60625d006e2925e80b419e7c640f33c44b9bc2b9",
    docxParts: "6092783c7dde3c82b15197302cf5b884a2aee2f91e9d3f70828d580f077ff25d",
  },
  "procurement-clause.fr": {
    html: "26d6b790bd9b72d6188c033a2028734d6c6a7d3187b47b48b580ee9cf846491b",
    pdf: "9efe6448d23364bb21d14967b92087f0d2f9177e959df345d5af292ae6ecbdcb",
    docxParts: "2b93d8e9e7334037706cca99b48c0899547e63a723b51823dafaa7ae05769ca3",
  },
  "procurement-clause.en": {
    html: "cad8ec4087e99759afe6ef39f53e80ecadd3939626e77dd638505c183006ff7f",
    pdf: "2fce9b448b115f70bc765c7a575887ab4f6fb4133638bbcfc261ca2b047e1162",
    docxParts: "7510d97b1ecc4fb0dd6f1f57485a2b21476e8bc198f26ecafb741d0e0885bc51",
  },
  "security-questionnaire.fr": {
    html: "691481805085b48e0124af73accccacecc05ff4627e60456e503653e1474d6ff",
    pdf: "4f5632beeedb41323ae1407465c2138dfa5358972fa8bc55fb0ea4b6b62baad0",
    docxParts: "df2b1f2188d3b32476f1be7843a102b7b0a611c56658fdd5eee6310a27eccd6f",
    xlsxParts: "8a79f81d25a10c1e2e09a7a9ac9fdb226e71d680a65c4eed3a576b873cb23b53",
    csv: "ef7b91f91c0779bd93921ff1ea6cfd28ea507886a2c6ce0a8c732b0991235165",
  },
  "security-questionnaire.en": {
    html: "d0e40760445e30e8f4dfb59e6026665fc0987c419edbb8c83ec83a1171cc887c",
    pdf: "0fae79086ce261d272dc2acf63c5c99d388aa8ec571e3d1ec22aae8239872dd9",
    docxParts: "8d7a17edaf8edd12ac60e331be47f4f7eaf997eb5ebb92aa288a3470da33d727",
    xlsxParts: "6c5318e2d8d047c873648b6a3ba9c00d182800e6adbc2bac545a949a9c8483a5",
    csv: "c7eeb83c86642ee4c4015bfcb9aeb1b4ed60a7377e6a21da32769fcca8fc6c5a",
  },
  "deletion-certificate.fr": {
    html: "8ff3675f6a288b06f66b0db09c763aec55b4d774c64799e91fa2aedb2fe47219",
    pdf: "f24dd9e893b7b642318b52d8cbe8a021ef6706f9d5195956cf538215bf96a9bf",
    docxParts: "d30995eb8c8310ea0c36cf2efa1399e667c5df43e0aff80b311b559e851a1483",
  },
  "deletion-certificate.en": {
    html: "b218543cdb40caf455382e1d7fd32a0b5f007b927324bd598387179354d417d0",
    pdf: "d793f14ac3fa6de269d18b6c58cab04a0503749477610a5653673997abf5b4d9",
    docxParts: "92aadfaf9cf305cc9ba8788949a6c5995e46de72b62cb28305597fb9136c4ee9",
  },
  "return-certificate.fr": {
    html: "fed7b818fc760e7a45d4c38dc24a48f392999a4f21099bb38822a95f48a4bcc1",
    pdf: "4246c8672994870dd58dc59b374851d5e83279bd279a60e45290f3048bb78595",
    docxParts: "fddc2984022e00d8e562f228ba517b2749cf32901e355c135286d623e40c0c3a",
  },
  "return-certificate.en": {
    html: "a8b099c31f8ae0d6b8b943fa1c62d0521c23738d375d9a3ba3f08586e8888f06",
    pdf: "c551729690418a7221e1652d4e6908cb5ab1a5f1aba49aad09bfaf22c6980caa",
    docxParts: "5d5982b322061ebcfca810a3e88efb04f8f1d86ce476f9ce2e1c2041d86d326a",
  },
  "breach-notice.fr": {
    html: "50e62c9ba94ba41b448455b3f9d07c5d5b9d081ec4d018b6267f9e0af7565de1",
    pdf: "e95c2ba01acb205bc9b62ff136adeb7d92b90ae54f2ea1f82910190a370b7456",
    docxParts: "1d36077fed4c0db04a6bf04bfe39c862361706c6e41636c692116284db4cace2",
  },
  "breach-notice.en": {
    html: "4d64d3a2f8c14deb21314d13d926ede5d52ccb81fcaa31ccd55e7275671117ba",
    pdf: "7b00104572e585dcacf4fff97b9f90a7f925ace23cc7d7631b4b9bdec1338334",
    docxParts: "58309d1e8fbd786e9f6e4c8b6e1a45f8eeda18e29581f39d07ab810bc33d7635",
  },
  "authority-notification-draft.fr": {
    html: "6e77f26bb095a379a7b497138a6bc65a43b187cec60a30fa1b810d0b024c7a8b",
    pdf: "a91365fffa7ffec56e1ee3bb743299e01e154c2f6851c1aa56b5a0877b8cdfe1",
    docxParts: "e6dade8417044809aae84b5991be442aa71d5a0dffbe52140fea5da9bf6d841a",
  },
  "authority-notification-draft.en": {
    html: "a75eaabe6d71293b2c7c88d517547a4fd806480bb0ee9b3ca147956cfbdd3afe",
    pdf: "5c6448dda1e51c80510164c5132df0850d5f678d9d6182f19125501dec50ec77",
    docxParts: "afff2969375c1aa444a9cb54ef606c795b13d6c33d38fbc84404538271886370",
  },
  "subject-communication.fr": {
    html: "6712356d207628f15975889604a92a506367272fc1ce45cfd33dabd738aeedd2",
    pdf: "1588ef92ffd63cead2a6ea01e2d51c5083d9646d937a08a94895173cddc8237f",
    docxParts: "1e99d5fdf1d4349892781fdc7c7a25b1874fa5eb0e29c5f9d5904fd1dd6b4e28",
  },
  "subject-communication.en": {
    html: "bc5bb50551482207563418ed702a6ded0e32339ed465d25b35e47ea87b97a221",
    pdf: "08416ab66236fc8c767a1f31174cc6e5ce9db39987b9dddcde70d3d69c9f8546",
    docxParts: "d8340c021d92ef0d0b1f4db251345d1a2799d051242cb497dccce23f27a73fe7",
  },
  "subprocessor-notice.fr": {
    html: "6cec53c25a53b578b707d91a0f35b0c1198311a51842a504b70be57c444511f4",
    pdf: "da648b9525032f53c74713f14aac485aa6d8d87b8b4e59dab452092e65ee2d70",
    docxParts: "f9f2f038e26928bd921da880f6ca2a8ab7a57eff66b883bbc80e1933e3798731",
  },
  "subprocessor-notice.en": {
    html: "7564eaa64b4768aedec4387641533f4ff4a32d4a60f16b4972df9b295ac6072e",
    pdf: "3eb35b4f939ff2e54538ad07bfbae3add6532b41a959356840def756e4d63b62",
    docxParts: "89a421adcf46f61024708bbcefeff50ee1fa4f2b62f3d22bb2b6bf44617838a2",
  },
  "register-controller.fr": {
    html: "20e44f58fd2829f9efebd08e2db55eea5cb968288072cb5e70c2085c448d9d40",
    pdf: "21f22709e61b5abb0f7157f9b69b449a9eff475d352410085509b08ab387a616",
    docxParts: "a3d2409be2b650903985520040508aae429dc9318d0ddcedc616046ffae7c650",
    xlsxParts: "b60cacc8f6cdb29797c2e2c2d84ead38e69b3312b265b1577f1de506e75a8e53",
    csv: "36ebe5a50c5c6d1cd66a801cb9296f89a19da82c9ff4ceaccd36d75e870ada90",
  },
  "register-controller.en": {
    html: "54228804a954f6cb38d832b38648903c9497fac89c2aa4441bd3784c4db1feaa",
    pdf: "1fc72a0bfea93221f1fba016591ebbeb03d28184d7b1eccb2c4041af016dd38e",
    docxParts: "c20bc2afdf02120de781765129a12eed39c9f12f778225c00f6cc983432913e6",
    xlsxParts: "6964e14e60e769e99e3698fe7a12c40139be12a5948fd20845316425483d7b43",
    csv: "b9422e67c8fc0804f43fb50ebd2cf9382df0a2297bc0f8135fc40de392860aa8",
  },
  "register-processor.fr": {
    html: "8b7842c6c0e1317f1f782b3b014ea73ec1b34a7b34a0f92db457ec25a153e458",
    pdf: "c49d0184fa8503154c3b5d8409a35f7cd053bd99bd60905f87a0a0a6a92ad606",
    docxParts: "3177e5c02590a654ade1e59764e4493c586a76b71516708db9242c95a61966d5",
    xlsxParts: "562abbf58b65ed016662b3b316ca4da008942ff7232feeab25c5eb00f2c955ec",
    csv: "8594a64ffc1796094d9ecf81af1067684e86144cf44be98f2219a3ce1585aa08",
  },
  "register-processor.en": {
    html: "3c92ea9bc270ca479966af483bb48a238c364c32b652e680dd990027b74db365",
    pdf: "d75491d1e9aefd6c2597730dbeec8aa97b908e3498e83e709195c3d4252471a7",
    docxParts: "86e1f462f6a4538ffd3c6f9d56f369097af1cbddf4836a0fa215b7cea66689f0",
    xlsxParts: "4161e81696829f0710a2ef6f30409c30689fe2f257cb21067e72ebef7fe1595e",
    csv: "5c436518621b8e8aaf21069f589a2324cce43e9af436385ad0e8c8902f7e4f7b",
  },
};

describe("documents written from the example data", () => {
  for (const template of TEMPLATES) {
    for (const lang of ["fr", "en"] as const) {
      it(`${template.id} (${lang}) has pinned hashes and the same bytes when written twice`, async () => {
        const first = await hashes(template.write(template.example, lang), template.formats);
        const second = await hashes(template.write(template.example, lang), template.formats);
        expect(second).toEqual(first);
        expect(first).toEqual(PINNED[`${template.id}.${lang}`]);
      });
    }
  }
});
