/**
 * Task pane entry. office.js comes from Microsoft's CDN; when it cannot load (no network) `Office`
 * is undefined, and outside an Office host `Office.onReady` reports no host. Either way the pane
 * renders and says so instead of staying blank.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, HostStatus } from "./components/App";
import { describeOfficeError, excelWorkbook } from "../excel/workbook";
import { loadLanguage, loadUserProfile, saveLanguage, saveUserProfile } from "../excel/preferences";
import { excelPaneExtras } from "../excel/paneWorkbook";

const ONREADY_TIMEOUT_MS = 5000;

function render(host: HostStatus) {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} port={host === "excel" ? { ...excelWorkbook, ...excelPaneExtras } : null} describeError={describeOfficeError} initialLanguage={loadLanguage()} onLanguageChange={saveLanguage} userProfile={loadUserProfile()} onProfileSave={saveUserProfile} />
    </FluentProvider>,
  );
}

function start() {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    render("no-office");
    return;
  }
  let rendered = false;
  const once = (host: HostStatus) => {
    if (!rendered) {
      rendered = true;
      render(host);
    }
  };
  // office.js blocked half-way never resolves onReady: do not wait forever.
  const timer = setTimeout(() => once("no-office"), ONREADY_TIMEOUT_MS);
  Office.onReady((info) => {
    clearTimeout(timer);
    once(info.host === Office.HostType.Excel && typeof Excel !== "undefined" ? "excel" : "no-host");
  });
}

start();
