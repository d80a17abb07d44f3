import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Message } from "../../core/messages";
import type { Lang } from "../../i18n";
import { coreText } from "../../i18n/pane";

const SHOWN = 20;

/** The core's messages about a write or an undo (cells left as the user made them, a failure taken back), in the pane's language. */
export function Notices({ notices, lang, testId }: { notices: Message[]; lang: Lang; testId: string }) {
  if (!notices.length) return null;
  return (
    <MessageBar intent="warning" data-testid={testId}>
      <MessageBarBody>
        <ul style={{ margin: 0, paddingLeft: "18px", overflowWrap: "anywhere" }}>
          {notices.slice(0, SHOWN).map((m, i) => (
            <li key={i} data-testid={`${testId}-item`}>
              {coreText(m, lang)}
            </li>
          ))}
          {notices.length > SHOWN && <li>… {notices.length - SHOWN}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
