import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** "What failed: why" in a message bar (an error unless said otherwise). */
export function Problem({ label, message, intent = "error", testId }: { label: string; message: string; intent?: "error" | "warning"; testId?: string }) {
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>
        {label}: {message}
      </MessageBarBody>
    </MessageBar>
  );
}
