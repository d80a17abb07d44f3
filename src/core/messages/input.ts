/**
 * Codes for what a user types in themselves: the Perjanjian Kinerja profile (profile.json or the pane's
 * form), a predikat scale of their own (a JSON file, or lines in the pane), and JSON files named on the
 * command line (a missing file is `file-not-found`). `field` is the profile's key path as written in profile.json ("pihakPertama.nip"); the
 * phrase layer says it in words. `file` is given when the text came from a named file.
 */
export const INPUT_CODES = [
  "json-invalid", // {file?, line, column, token}: not valid JSON; where the parser stopped (1-based), or the token it did not expect, or neither (the text ended early)
  "profile-field-missing", // {file?, field}
  "profile-official-missing", // {file?, field}: a whole official (nama, jabatan, pangkat, nip) missing
  "profile-field-not-text", // {file?, field}
  "profile-status-invalid", // {file?, field, value}: not "Plt.", "Plh." or empty
  "profile-nip-invalid", // {file?, field, value}: not an 18-digit NIP
  "profile-year-invalid", // {file?, field: "tahun", value}
  "scale-needs-bands", // {}: fewer than two bands
  "scale-band-incomplete", // {band}: 1-based band without a numeric from/to or a label
  "scale-band-quote", // {band}: a label with a double quote (it goes into a formula)
  "scale-band-reversed", // {label, from, to}
  "scale-gap", // {below, above, from, to}: nothing between `from` (end of `below`) and `to` (start of `above`)
  "scale-overlap", // {below, above, from, to}: `below` runs to `to`, `above` starts at `from` under it
  "scale-line-unreadable", // {line, text}: a line of the pane's scale box without a bound and a label
  "scale-line-twice", // {line, bound}: the same lower bound on two lines
  "scale-missing", // {}: a custom scale chosen without its bands (a caller's mistake, said plainly)
] as const;
