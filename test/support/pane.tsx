/** Rendering the task pane in jsdom for the component tests, on a given port. */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, AppProps } from "../../src/taskpane/components/App";

export function renderPane(props: Partial<AppProps> & Pick<AppProps, "port">) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" describeError={(e) => String((e as Error).message ?? e)} initialLanguage="id" {...props} />
    </FluentProvider>,
  );
}

/**
 * Renders the pane once outside Excel and unmounts it: React's and Fluent UI's first-render work (style
 * rules injected into jsdom, focus management) happens in the suite's setup, not inside its first test.
 */
export function warmUp(): void {
  renderPane({ host: "no-host", port: null }).unmount();
}

export const click = (el: HTMLElement) => act(async () => fireEvent.click(el));
export const change = (el: HTMLElement, value: string) => act(async () => fireEvent.change(el, { target: { value } }));

/** Clicks the action bar's scan button ("Pindai buku kerja" before the first scan). */
export const scanNow = () => click(screen.getByTestId("scan"));

/** Opens a section of the pane by its tab. */
export const openSection = (id: "scan" | "formulas" | "audit" | "ra" | "pk") => click(screen.getByTestId(`tab-${id}`));

/** Expands the card of the table whose range is shown, and returns the card. */
export async function openCard(range: string): Promise<HTMLElement> {
  const card = screen.getAllByTestId("table-card").find((c) => within(c).getByTestId("table-range").textContent === range)!;
  await click(within(card).getByTestId("table-toggle"));
  return card;
}
