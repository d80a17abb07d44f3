/**
 * Writing the copy of a workbook: what would be lost is refused first (unless the user allows it), the
 * changes go into the original package, and the package is written atomically beside the target.
 */
import * as path from "path";
import { FileProblem, XlsxPackage } from "../xlsx/package";
import { dropMacros, hasMacros, lossProblems } from "../xlsx/packageParts";
import { WorkbookEditor } from "../xlsx/packageWrite";
import { writeFileAtomically } from "./files";
import { message } from "../core/messages";

/**
 * Applies `change` to the package and writes it to `output`. `replaced` names sheets the change replaces
 * (their own parts would go). Throws FileProblem for a part that would be lost (without `allowLoss`), an
 * .xlsm name for a workbook without macros, and output paths that fail while writing.
 */
export async function writeCopy(pkg: XlsxPackage, output: string, allowLoss: boolean, replaced: string[], change: (editor: WorkbookEditor) => Promise<void>): Promise<void> {
  const xlsm = path.extname(output).toLowerCase() === ".xlsm";
  const losses = await lossProblems(pkg, replaced, xlsm);
  if (losses.length && !allowLoss) throw new FileProblem(losses[0]);
  if (xlsm && !(await hasMacros(pkg))) throw new FileProblem(message("output-not-xlsx", { file: output, expected: ".xlsx" }));
  if (!xlsm && losses.some((l) => l.params.part === "macros")) await dropMacros(pkg);
  const editor = await WorkbookEditor.open(pkg);
  await change(editor);
  await editor.finish();
  await writeFileAtomically(output, (out) => pkg.writeTo(out));
}
