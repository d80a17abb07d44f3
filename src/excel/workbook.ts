/**
 * What the task pane asks of Excel: scan the workbook, select a cell or table, write a plan and take it
 * back, keep the user's choices in the workbook. Every `Excel.run` of the add-in lives in src/excel;
 * components receive these functions as props.
 */
import { CHOICES_SETTING, parseSavedChoices, SavedChoices } from "../core/choices";
import { readProfile, PkProfile } from "../core/profile";
import { message, Message, MessageCode, MessageError } from "../core/messages";
import { Lang, phrase } from "../i18n";
import type { SheetSpec } from "../core/sheetSpec";
import { applySheetSpecExcel, SheetUndo, undoSheetSpecExcel } from "./applySheet";
import type { WorkbookSnapshot } from "../core/grid";
import { recogniseWorkbook, WorkbookAnalysis } from "../core/recognise";
import { applyWritePlan, undoWritePlan, UndoRecord, UndoResult, WriteBatch, WriteBlocked, WriteFailed, WriteProgress } from "./applyPlan";
import { readWorkbookSnapshot } from "./snapshot";

export interface ScanResult {
  snapshot: WorkbookSnapshot;
  analysis: WorkbookAnalysis;
  /** Choices saved in this workbook by an earlier session (defaults when none). */
  choices: SavedChoices;
  choicesSaved: boolean;
  /** The PK profile saved in this workbook, if any. */
  profile: PkProfile | null;
}

export const PROFILE_SETTING = "lkip.profile";

export interface WorkbookPort {
  scan(): Promise<ScanResult>;
  selectRange(sheet: string, address: string): Promise<void>;
  write(plan: WriteBatch, onProgress?: (p: WriteProgress) => void): Promise<UndoRecord>;
  /** Takes a write back where the cells still hold what it wrote; the result lists cells changed since. */
  undo(record: UndoRecord, onProgress?: (p: WriteProgress) => void): Promise<UndoResult>;
  saveChoices(choices: SavedChoices): Promise<void>;
  generate(spec: SheetSpec, onProgress?: (p: WriteProgress) => void): Promise<SheetUndo>;
  undoGenerate(undo: SheetUndo): Promise<UndoResult>;
  saveProfile(profile: PkProfile): Promise<void>;
}

/** Office error codes a user can do something about, and the message that says what (src/i18n/excel). */
const KNOWN_CODES: Record<string, MessageCode> = {
  InvalidOperationInCellEditMode: "office-cell-edit-mode",
  AccessDenied: "office-access-denied",
  RequestPayloadSizeLimitExceeded: "office-payload-too-large",
  ItemNotFound: "office-item-not-found",
};

/**
 * What went wrong, as a message: the add-in's own (WriteBlocked, WriteFailed, MessageError) as they
 * are, Office's known codes explained, any other Office error with its code and Office's own text.
 */
export function officeErrorMessage(e: unknown): Message | string {
  if (e instanceof WriteBlocked || e instanceof WriteFailed || e instanceof MessageError) return e.detail;
  const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
  const where = err.debugInfo?.errorLocation ?? "";
  if (err.code && KNOWN_CODES[err.code]) return message(KNOWN_CODES[err.code], { code: err.code, where });
  if (err.code) return message("office-error", { code: err.code, text: err.message ?? "", where });
  return String(err?.message ?? e); // not from Office nor the add-in: shown as it came
}

/** The error in the pane's language, with Office's code kept visible for support. */
export function describeOfficeError(e: unknown, lang: Lang = "id"): string {
  const m = officeErrorMessage(e);
  return typeof m === "string" ? m : phrase(m, lang);
}

export const excelWorkbook: WorkbookPort = {
  scan: () =>
    Excel.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(CHOICES_SETTING);
      setting.load("value");
      const profileSetting = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
      profileSetting.load("value");
      const snapshot = await readWorkbookSnapshot(context); // the settings arrive with the first of its syncs
      const saved = !setting.isNullObject;
      const profile = profileSetting.isNullObject ? null : readProfile(profileSetting.value).profile;
      return { snapshot, analysis: recogniseWorkbook(snapshot), choices: parseSavedChoices(saved ? setting.value : null), choicesSaved: saved, profile };
    }),
  selectRange: (sheet, address) =>
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    }),
  write: (plan, onProgress) => Excel.run((context) => applyWritePlan(context, plan, onProgress)),
  undo: (record, onProgress) => Excel.run((context) => undoWritePlan(context, record, onProgress)),
  saveChoices: (choices) =>
    Excel.run(async (context) => {
      // Workbook settings travel with the file (ExcelApi 1.4): a colleague opening it sees the same mapping.
      context.workbook.settings.add(CHOICES_SETTING, JSON.stringify(choices));
      await context.sync();
    }),
  generate: (spec, onProgress) => Excel.run((context) => applySheetSpecExcel(context, spec, onProgress)),
  undoGenerate: (undo) => Excel.run((context) => undoSheetSpecExcel(context, undo)),
  saveProfile: (profile) =>
    Excel.run(async (context) => {
      context.workbook.settings.add(PROFILE_SETTING, JSON.stringify(profile));
      await context.sync();
    }),
};
