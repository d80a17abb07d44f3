import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Message } from "../../core/messages";
import type { Strings } from "../i18n";

const SHOWN = 20;

/** The core's messages about a write or an undo (cells left as the user made them, a failure taken back), in the pane's language. */
export function Notices({ notices, strings, testId }: { notices: Message[]; strings: Strings; testId: string }) {
  if (!notices.length) return null;
  return (
    <MessageBar intent="warning" data-testid={testId}>
      <MessageBarBody>
        <ul style={{ margin: 0, paddingLeft: "18px" }}>
          {notices.slice(0, SHOWN).map((m, i) => (
            <li key={i} data-testid={`${testId}-item`}>
              {strings.say(m)}
            </li>
          ))}
          {notices.length > SHOWN && <li>… {notices.length - SHOWN}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
