import { qiaEditMode } from "./qia-rules";
import { conflict } from "./qia-write-helpers";

/** A version's content changes only while no signature covers it (qiaEditMode). */
export function assertEditable(qia: { status: Parameters<typeof qiaEditMode>[0]; signOffs: readonly unknown[] }): void {
  const mode = qiaEditMode(qia.status, qia.signOffs.length);
  if (mode === "closed")
    throw conflict("This is an earlier version of the QIA; open the current version to change it.");
  if (mode === "new-version")
    throw conflict("This version of the QIA has been signed or decided: start a new version to change it.");
}
