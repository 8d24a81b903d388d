// Lays out the blocks of a structured document (HTML, DOCX through HTML, ODT) as text that structureOf
// reads back: paragraphs apart, "#" headings, "-" and "1." list items, and pipe tables.

interface TableRow {
  readonly cells: string[];
  /** Whether the row sits in a header group (thead, table:table-header-rows). */
  readonly inHeader: boolean;
  headerCells: number;
  dataCells: number;
}

interface OpenTable {
  readonly rows: TableRow[];
  row: TableRow | null;
  cell: string[] | null;
  inHeader: boolean;
}

interface OpenList {
  readonly ordered: boolean;
  counter: number;
}

/**
 * Collects text and block boundaries as a reader walks a document. Text inside a table cell goes to
 * that cell; a nested table is flattened into the cell of the outer one.
 */
export class TextLayout {
  private readonly out: string[] = [];
  private readonly tables: OpenTable[] = [];
  private readonly lists: OpenList[] = [];
  private headingDepth = 0;
  /** Just after a list marker: a paragraph opening inside the item must not split it from its marker. */
  private atItemStart = false;
  /** A paragraph break owed before the next text, dropped when a list item or heading comes first. */
  private pendingBreak = false;

  private emit(value: string): void {
    if (this.pendingBreak) {
      this.out.push("\n\n");
      this.pendingBreak = false;
    }
    this.out.push(value);
  }

  /** Starts a new block with its own separator, in place of any paragraph break owed. */
  private emitBlock(value: string): void {
    this.pendingBreak = false;
    this.out.push(value);
  }

  /** Adds running text; the caller has already collapsed white space where the format wants it. */
  text(value: string): void {
    if (value === "") return;
    if (this.atItemStart && value.trim() !== "") this.atItemStart = false;
    const table = this.tables[0];
    if (table !== undefined) {
      if (table.cell === null) {
        if (value.trim() === "") return;
        this.startCell(false);
      }
      table.cell?.push(value);
      return;
    }
    if (this.pendingBreak && value.trim() === "") return;
    this.emit(this.headingDepth > 0 ? value.replace(/\n/g, " ") : value);
  }

  /** A line break inside a paragraph. */
  lineBreak(): void {
    this.text(this.inTable || this.headingDepth > 0 ? " " : "\n");
  }

  /** A boundary between blocks (paragraphs, divisions). */
  paragraph(): void {
    if (this.atItemStart) return;
    if (this.inTable) this.text(" ");
    else this.pendingBreak = true;
  }

  startHeading(level: number): void {
    if (this.inTable) {
      this.text(" ");
      return;
    }
    this.emitBlock(`\n\n${"#".repeat(Math.min(Math.max(level, 1), 6))} `);
    this.headingDepth++;
  }

  endHeading(): void {
    if (this.inTable) {
      this.text(" ");
      return;
    }
    this.headingDepth = Math.max(0, this.headingDepth - 1);
    this.pendingBreak = true;
  }

  startList(ordered: boolean, start = 1): void {
    if (!this.inTable) this.emitBlock("\n\n");
    this.lists.push({ ordered, counter: start - 1 });
  }

  endList(): void {
    this.lists.pop();
    this.paragraph();
  }

  startListItem(): void {
    if (this.inTable) {
      this.text(" ");
      return;
    }
    const list = this.lists[this.lists.length - 1];
    let marker = "-";
    if (list?.ordered) {
      list.counter++;
      marker = `${list.counter}.`;
    }
    this.emitBlock(`\n${marker} `);
    this.atItemStart = true;
  }

  endListItem(): void {
    this.atItemStart = false;
    if (this.inTable) this.text(" ");
  }

  startTable(): void {
    // A nested table is flattened into the current cell of the outermost one.
    if (this.inTable) this.text(" ");
    this.tables.push({ rows: [], row: null, cell: null, inHeader: false });
  }

  /** Marks the rows that follow (until endHeaderRows) as header rows (thead, table:table-header-rows). */
  startHeaderRows(): void {
    const table = this.tables[this.tables.length - 1];
    if (table !== undefined) table.inHeader = true;
  }

  endHeaderRows(): void {
    const table = this.tables[this.tables.length - 1];
    if (table !== undefined) table.inHeader = false;
  }

  startRow(): void {
    if (this.tables.length > 1) {
      this.text(" ");
      return;
    }
    const table = this.tables[0];
    if (table === undefined) return;
    this.endCell();
    table.row = newRow(table.inHeader);
    table.rows.push(table.row);
  }

  endRow(): void {
    if (this.tables.length > 1) {
      this.text(" ");
      return;
    }
    this.endCell();
    const table = this.tables[0];
    if (table !== undefined) table.row = null;
  }

  /** Opens a cell; `header` for th cells (a row of header cells only is a header row). */
  startCell(header: boolean): void {
    if (this.tables.length > 1) {
      this.text(" ");
      return;
    }
    const table = this.tables[0];
    if (table === undefined) return;
    this.endCell();
    if (table.row === null) {
      table.row = newRow(table.inHeader);
      table.rows.push(table.row);
    }
    if (header) table.row.headerCells++;
    else table.row.dataCells++;
    table.cell = [];
  }

  endCell(): void {
    if (this.tables.length > 1) return;
    const table = this.tables[0];
    if (table === undefined || table.cell === null || table.row === null) return;
    table.row.cells.push(table.cell.join(""));
    table.cell = null;
  }

  endTable(): void {
    if (this.tables.length > 1) {
      this.tables.pop();
      this.text(" ");
      return;
    }
    this.endCell();
    const table = this.tables.pop();
    if (table !== undefined) this.emitBlock(renderTable(table.rows));
  }

  private get inTable(): boolean {
    return this.tables.length > 0;
  }

  /** The laid-out text (closing whatever the document left open). */
  result(): string {
    while (this.tables.length > 0) this.endTable();
    return this.out.join("");
  }
}

function newRow(inHeader: boolean): TableRow {
  return { cells: [], inHeader, headerCells: 0, dataCells: 0 };
}

/**
 * A table as pipe rows, with a separator under a leading header row. A table of one column is layout,
 * not data: its cells become paragraphs.
 */
function renderTable(rows: readonly TableRow[]): string {
  const cleaned = rows
    .map((row) => ({
      header: row.inHeader || (row.headerCells > 0 && row.dataCells === 0),
      cells: row.cells.map(cellText),
    }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  if (cleaned.length === 0) return "\n\n";
  const columns = Math.max(...cleaned.map((row) => row.cells.length));
  if (columns <= 1) return `\n\n${cleaned.map((row) => row.cells.join("")).join("\n\n")}\n\n`;
  const lines: string[] = [];
  cleaned.forEach((row, index) => {
    const cells = [...row.cells];
    while (cells.length < columns) cells.push("");
    lines.push(`| ${cells.join(" | ")} |`);
    if (index === 0 && row.header) lines.push(`|${" --- |".repeat(columns)}`);
  });
  return `\n\n${lines.join("\n")}\n\n`;
}

function cellText(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
}
