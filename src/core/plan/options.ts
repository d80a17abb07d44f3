/** Reading the fill options: the predikat scale they name. */
import { PREDIKAT_SCALES, PredikatScaleSpec } from "../formulas";
import type { FillOptions } from "./types";
import { message, MessageError } from "../messages";

/** The predikat scale the options name (a custom one must come with its bands). */
export function predikatScaleOf(o: Pick<FillOptions, "scale" | "customScale">): PredikatScaleSpec {
  if (o.scale === "custom") {
    if (!o.customScale) throw new MessageError(message("scale-missing"));
    return o.customScale;
  }
  return PREDIKAT_SCALES[o.scale === "none" ? "permendagri86" : o.scale];
}
