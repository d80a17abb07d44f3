/**
 * What the core says to a person, as codes with parameters — never sentences. Recognition warnings,
 * skipped cells, audit findings, file and adapter errors, generator notes: each is a `Message`, and the
 * pane and the CLI phrase it through `src/i18n` in Bahasa Indonesia (default) or English.
 *
 * Every code is declared in one of the area lists below (one file per area, so areas grow without
 * touching each other). `src/i18n` must phrase every declared code in both languages; a test walks them.
 *
 * Parameters: plain values, or a cell reference `{sheet, row, col}` with 0-based row/col (the phrase
 * layer prints "Sheet!E5"). Numbers are raw numbers (the phrase layer formats them per language).
 */
import { AUDIT_CODES } from "./audit";
import { GENERATOR_CODES } from "./generators";
import { PLAN_CODES } from "./plan";
import { EXCEL_CODES } from "./excel";
import { RECOGNITION_CODES } from "./recognition";
import { FILE_CODES } from "./files";
import { PREVIEW_CODES } from "./preview";
import { INPUT_CODES } from "./input";

export interface CellRef {
  sheet: string;
  row: number; // 0-based
  col: number; // 0-based
}

export type ParamValue = string | number | boolean | null | CellRef | ParamValue[];
export type MessageParams = Record<string, ParamValue>;

export interface Message<C extends string = MessageCode> {
  code: C;
  params: MessageParams;
}

/** All declared codes, by area. */
export const MESSAGE_AREAS = {
  recognition: RECOGNITION_CODES,
  plan: PLAN_CODES,
  audit: AUDIT_CODES,
  generators: GENERATOR_CODES,
  preview: PREVIEW_CODES,
  excel: EXCEL_CODES,
  files: FILE_CODES,
  input: INPUT_CODES,
} as const;

export type MessageCode = (typeof MESSAGE_AREAS)[keyof typeof MESSAGE_AREAS][number];

export const MESSAGE_CODES: readonly MessageCode[] = Object.values(MESSAGE_AREAS).flat() as MessageCode[];

export function message<C extends MessageCode>(code: C, params: MessageParams = {}): Message<C> {
  return { code, params };
}

export function isCellRef(v: unknown): v is CellRef {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "sheet" in v && "row" in v && "col" in v;
}

/**
 * An error that carries what to tell the user as a message code: thrown where a caller's input cannot be
 * used, phrased at the edges (the CLI, the pane) in the user's language. Its `message` is the code.
 */
export class MessageError extends Error {
  constructor(public readonly detail: Message) {
    super(detail.code);
    this.name = "MessageError";
  }
}
