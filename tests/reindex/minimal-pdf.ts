/**
 * Writes small PDFs by hand so PDF tests need no fixture files and no network: one text line per page (minimalPdf),
 * or pages laid out as a word processor lays them out (laidOutPdf). `encrypted` adds a Standard security handler
 * whose empty user password does not open it, so readers must ask for one.
 */
export function minimalPdf(pages: string[], options: { title?: string; encrypted?: boolean } = {}): Buffer {
  return writePdf(pages.map((text) => `BT /F1 12 Tf 72 720 Td (${escaped(text)}) Tj ET`), options);
}

/** A line of a laid-out page: body text, or a heading in a larger bold font, placed `gap` points below the line before. */
export interface PlacedLine {
  text: string;
  heading?: boolean;
  gap?: number;
}

/**
 * Pages of placed lines under a running header (`header`, on every page) and above a "Page n of m" footer, the lines
 * 14 points apart unless a line says otherwise; body text at 11 points, headings at 14.
 */
export function laidOutPdf(pages: PlacedLine[][], options: { title?: string; header?: string } = {}): Buffer {
  const streams = pages.map((lines, p) => {
    let y = 740;
    let stream = options.header ? `BT /F1 9 Tf 1 0 0 1 72 770 Tm (${escaped(options.header)}) Tj ET\n` : "";
    for (const line of lines) {
      y -= line.gap ?? 14;
      stream += `BT /${line.heading ? "F2 14" : "F1 11"} Tf 1 0 0 1 72 ${y} Tm (${escaped(line.text)}) Tj ET\n`;
    }
    return `${stream}BT /F1 9 Tf 1 0 0 1 280 40 Tm (Page ${p + 1} of ${pages.length}) Tj ET`;
  });
  return writePdf(streams, options);
}

function escaped(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function writePdf(pageStreams: string[], options: { title?: string; encrypted?: boolean }): Buffer {
  const objects: string[] = [];
  // Object numbers start at 1, so the new length is the new object's number.
  const add = (body: string) => objects.push(body);
  const catalog = add("<< /Type /Catalog /Pages 2 0 R >>");
  const pageTree = add(""); // filled once the page objects have numbers
  const regular = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const bold = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>");
  const kids: number[] = [];
  for (const stream of pageStreams) {
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`),
    );
  }
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const info = add(`<< /Title (${escaped(options.title ?? "")}) >>`);
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`)
    : undefined;

  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const encryption = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]` : "";
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R${encryption} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
