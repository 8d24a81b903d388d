#!/usr/bin/env bash
# Renders the documents a school signs to PNG pages, to look at them: the DOCX through LibreOffice (headless,
# Debian's libreoffice-writer-nogui) and the PDF/A through pdftoppm (poppler-utils), from each template's
# example data. Usage: scripts/render-documents.sh [OUT_DIR] [TEMPLATE…]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-render}"
shift || true
templates=("$@")
[ ${#templates[@]} -gt 0 ] || templates=(dpa joint-controller-2 deletion-certificate register-controller)

for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "missing $tool: apt-get install libreoffice-writer-nogui poppler-utils" >&2
    exit 2
  }
done
[ -f dist/cli/main.js ] || npm run build >/dev/null

mkdir -p "$out"
for id in "${templates[@]}"; do
  node dist/cli/main.js generate "$id" --example >"$out/$id.json"
  for format in docx pdf; do
    node dist/cli/main.js generate "$id" --data "$out/$id.json" --format "$format" --out "$out/$id.$format" >/dev/null
  done
  # LibreOffice lays the DOCX out as Word would (fields are not refreshed: the contents show without page numbers).
  soffice --headless --convert-to pdf --outdir "$out/docx" "$out/$id.docx" >/dev/null 2>&1
  pdftoppm -r 70 -png "$out/docx/$id.pdf" "$out/$id-docx"
  pdftoppm -r 70 -png "$out/$id.pdf" "$out/$id-pdf"
  echo "$id: $(ls "$out/$id"-docx-*.png | wc -l) DOCX page(s), $(ls "$out/$id"-pdf-*.png | wc -l) PDF page(s)"
done
echo "PNG pages in $out/"
