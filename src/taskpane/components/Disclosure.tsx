import * as React from "react";
import { useId, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  toggle: { justifyContent: "flex-start", textAlign: "start", minWidth: 0, maxWidth: "100%", paddingLeft: "2px", fontWeight: tokens.fontWeightSemibold, height: "auto", minHeight: "28px" },
  chevron: { marginRight: "6px", flexShrink: 0 },
  label: { overflowWrap: "anywhere", whiteSpace: "normal" },
  panel: { display: "flex", flexDirection: "column", gap: "6px", paddingLeft: "8px", minWidth: 0 },
});

/**
 * A button that shows or hides a panel (aria-expanded, aria-controls). The panel is rendered only while
 * open: forty collapsed tables cost forty buttons, not forty forms.
 */
export function Disclosure({ label, children, defaultOpen = false, testId }: { label: React.ReactNode; children: React.ReactNode; defaultOpen?: boolean; testId?: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div>
      <Button appearance="transparent" size="small" className={styles.toggle} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid={testId}>
        <span aria-hidden="true" className={styles.chevron}>
          {open ? "▾" : "▸"}
        </span>
        <span className={styles.label}>{label}</span>
      </Button>
      {open && (
        <div id={id} className={styles.panel}>
          {children}
        </div>
      )}
    </div>
  );
}
