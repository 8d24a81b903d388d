// Lays a DocumentModel out as one self-contained HTML page (styles inline, no script), printable as is.

import escapeHtml from "escape-html";
import type { Block, DocumentModel, DocumentTable } from "../model/document-model.js";

const STYLE = `
body{font-family:"DejaVu Serif",Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}
h1.title{font-size:1.7rem;margin-bottom:.2rem}p.subtitle{font-size:1.05rem;color:#333;margin-top:0}
h1{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}h2{font-size:1.1rem;margin-top:1.4rem}h3{font-size:1rem}
p.clause{display:grid;grid-template-columns:3rem 1fr;margin:.4rem 0}p.note{font-style:italic;color:#333}p.strong{font-weight:bold}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #888;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#e8ecf2}table.fields th{width:32%;background:#f3f4f6;font-weight:normal}
ol.letters{list-style-type:lower-alpha}nav ol{list-style:none;padding-left:0}nav li.level-2{padding-left:1.5rem}
.signatures{display:flex;gap:2rem;margin-top:1.5rem}.signatures div{flex:1;border-top:1px solid #999;padding-top:.4rem;min-height:6rem}
footer{margin-top:3rem;font-size:.8rem;color:#555;border-top:1px solid #ccc}
@media print{.page-break{break-after:page}}`;

const e = (text: string): string => escapeHtml(text);

function table(t: DocumentTable): string {
  const head = `<thead><tr>${t.header.map((h) => `<th scope="col">${e(h)}</th>`).join("")}</tr></thead>`;
  const body = t.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
}

function block(b: Block, index: number, model: DocumentModel): string {
  switch (b.type) {
    case "heading":
      return `<h${b.level} id="h${index}">${e(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p${b.tone === undefined ? "" : ` class="${b.tone}"`}>${e(b.text)}</p>`;
    case "clause":
      return `<p class="clause"><span>${e(b.number)}</span> <span>${e(b.text)}</span></p>`;
    case "list": {
      const tag = b.style === "letters" ? 'ol class="letters"' : "ul";
      return `<${tag}>${b.items.map((i) => `<li>${e(i)}</li>`).join("")}</${tag.split(" ")[0]}>`;
    }
    case "table":
      return table(b.table);
    case "fields":
      return `<table class="fields"><tbody>${b.rows.map(([label, value]) => `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`).join("")}</tbody></table>`;
    case "signatures":
      return `<p>${e(b.place)}</p><div class="signatures">${b.signatories
        .map((s) => `<div><strong>${e(s.heading)}</strong><br>${e(s.organisation)}<br>${e(s.person)}</div>`)
        .join("")}</div>`;
    case "contents": {
      const items = model.blocks
        .map((h, i) => ({ h, i }))
        .filter(({ h }) => h.type === "heading" && h.level <= 2)
        .map(({ h, i }) =>
          h.type === "heading" ? `<li class="level-${h.level}"><a href="#h${i}">${e(h.text)}</a></li>` : "",
        );
      return `<nav aria-labelledby="contents"><h2 id="contents">${e(b.title)}</h2><ol>${items.join("")}</ol></nav>`;
    }
    case "pageBreak":
      return '<div class="page-break"></div>';
    case "sheet":
      return "";
  }
}

export function renderHtml(model: DocumentModel): Uint8Array {
  const body = model.blocks.map((b, i) => block(b, i, model)).join("\n");
  const html = `<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="art28">
<meta name="author" content="${e(model.author)}">
<meta name="dcterms.date" content="${model.issuedOn}">
<title>${e(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1 class="title">${e(model.title)}</h1><p class="subtitle">${e(model.subtitle)}</p></header>
<main>
${body}
</main>
<footer><p>${e(model.reference)} – ${model.issuedOn}</p></footer>
</body>
</html>
`;
  return new TextEncoder().encode(html);
}
