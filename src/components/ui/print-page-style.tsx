/** Text for a CSS string: backslashes and quotes escaped, line breaks and "<" as CSS escapes. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\a ").replace(/</g, "\\3c ")}"`;
}

/**
 * A printed paper's page rules, only while its page is on screen: A4 in the given orientation,
 * and in the margins of every printed page the paper's header (top left), its marking (top
 * right) and "Page n of N" (bottom), as CSS page-margin boxes, so they repeat on each page.
 */
export function PrintPageStyle({
  header,
  marking,
  orientation,
}: {
  header: string;
  marking: string;
  orientation: "portrait" | "landscape";
}) {
  const css = `
@page {
  size: A4 ${orientation};
  margin: 13mm 10mm 12mm 10mm;
  @top-left { content: ${cssString(header)}; font: 9pt Arial, sans-serif; color: #212b32; }
  @top-right { content: ${cssString(marking)}; font: 9pt Arial, sans-serif; color: #212b32; }
  @bottom-left { content: "Recovery Tracker"; font: 8pt Arial, sans-serif; color: #4c6272; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #212b32; }
}`;
  return <style>{css}</style>;
}
