/**
 * The fields of one HTML form as the browser's FormData holds them on submit: every named input
 * (hidden ones included), select and textarea inside the first <form> that holds `marker` (a
 * field name). Enough for pages this app renders (React writes attributes as name="value"); not a
 * general HTML parser.
 */
export function formFields(html: string, marker: string): Map<string, string> | null {
  for (const match of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const body = match[1]!;
    if (!body.includes(`name="${marker}"`)) continue;
    const fields = new Map<string, string>();
    for (const input of body.matchAll(/<input\b[^>]*>/g)) {
      const a = attributes(input[0]);
      if (!a.name || a.disabled !== undefined) continue;
      if ((a.type === "checkbox" || a.type === "radio") && a.checked === undefined) continue;
      if (a.type === "submit" || a.type === "button" || a.type === "file") continue;
      fields.set(a.name, a.value ?? "");
    }
    for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const a = attributes(`<select ${select[1]}>`);
      if (!a.name) continue;
      const options = [...select[2]!.matchAll(/<option\b[^>]*>/g)].map((o) => attributes(o[0]));
      const chosen = options.find((o) => o.selected !== undefined) ?? options[0];
      fields.set(a.name, chosen?.value ?? "");
    }
    for (const area of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const a = attributes(`<textarea ${area[1]}>`);
      if (a.name) fields.set(a.name, decode(area[2]!));
    }
    return fields;
  }
  return null;
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:$][\w:.$-]*)(?:="([^"]*)")?/g)) {
    if (m[1] === "input" || m[1] === "select" || m[1] === "textarea" || m[1] === "option") continue;
    result[m[1]!] = decode(m[2] ?? "");
  }
  return result;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
