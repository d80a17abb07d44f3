/** The audit's public face (src/core/audit holds one file per kind of check). */
export { auditWorkbook, highlightWrites, HIGHLIGHT_FILL } from "./audit/index";
export type { AuditReason, Finding } from "./audit/index";
