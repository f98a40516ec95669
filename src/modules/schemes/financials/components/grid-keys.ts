/**
 * Which way a key moves the focus in the financials grid, spreadsheet-style: up and down always
 * move; Enter moves down (Shift+Enter up) instead of submitting; left and right move only when
 * the caret is already at that edge of the text (or the whole text is selected, as it is on
 * arriving in a cell), so editing inside a value still works.
 */
export interface Caret {
  start: number | null;
  end: number | null;
  length: number;
}

export interface Move {
  rows: number;
  months: number;
}

export function gridMove(key: string, shiftKey: boolean, caret: Caret): Move | null {
  const allSelected = caret.start === 0 && caret.end === caret.length;
  switch (key) {
    case "ArrowUp":
      return { rows: -1, months: 0 };
    case "ArrowDown":
      return { rows: 1, months: 0 };
    case "Enter":
      return { rows: shiftKey ? -1 : 1, months: 0 };
    case "ArrowLeft":
      return allSelected || (caret.start === 0 && caret.end === 0) ? { rows: 0, months: -1 } : null;
    case "ArrowRight":
      return allSelected || (caret.start === caret.length && caret.end === caret.length)
        ? { rows: 0, months: 1 }
        : null;
    default:
      return null;
  }
}
