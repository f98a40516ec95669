import { describe, expect, it } from "vitest";
import { gridMove } from "./grid-keys";

const caret = (start: number, end: number, length: number) => ({ start, end, length });

describe("gridMove", () => {
  it("moves up and down whatever the caret", () => {
    expect(gridMove("ArrowUp", false, caret(1, 1, 3))).toEqual({ rows: -1, months: 0 });
    expect(gridMove("ArrowDown", false, caret(1, 1, 3))).toEqual({ rows: 1, months: 0 });
  });
  it("moves down on Enter and up on Shift+Enter", () => {
    expect(gridMove("Enter", false, caret(0, 0, 0))).toEqual({ rows: 1, months: 0 });
    expect(gridMove("Enter", true, caret(0, 0, 0))).toEqual({ rows: -1, months: 0 });
  });
  it("moves left or right from a wholly selected cell", () => {
    expect(gridMove("ArrowLeft", false, caret(0, 4, 4))).toEqual({ rows: 0, months: -1 });
    expect(gridMove("ArrowRight", false, caret(0, 4, 4))).toEqual({ rows: 0, months: 1 });
  });
  it("lets the caret move inside a value being edited", () => {
    expect(gridMove("ArrowLeft", false, caret(2, 2, 4))).toBeNull();
    expect(gridMove("ArrowRight", false, caret(2, 2, 4))).toBeNull();
    expect(gridMove("ArrowRight", false, caret(0, 0, 4))).toBeNull();
  });
  it("leaves the cell at the edge of its text", () => {
    expect(gridMove("ArrowLeft", false, caret(0, 0, 4))).toEqual({ rows: 0, months: -1 });
    expect(gridMove("ArrowRight", false, caret(4, 4, 4))).toEqual({ rows: 0, months: 1 });
  });
  it("ignores other keys", () => {
    expect(gridMove("Tab", false, caret(0, 0, 0))).toBeNull();
    expect(gridMove("a", false, caret(0, 0, 0))).toBeNull();
  });
});
