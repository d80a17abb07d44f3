/**
 * Pane preferences (the UI language) kept in the browser's local storage of the add-in, through
 * office-js-helpers' namespaced Storage. Nothing here leaves the user's machine.
 */
import { Storage, StorageType } from "@microsoft/office-js-helpers";

export type Language = "id" | "en";

let store: Storage<string> | null = null;

function preferences(): Storage<string> | null {
  if (store) return store;
  try {
    store = new Storage<string>("lkip", typeof localStorage !== "undefined" ? StorageType.LocalStorage : StorageType.InMemoryStorage);
  } catch {
    store = null; // storage blocked (private mode, sandbox): the pane still works with defaults
  }
  return store;
}

export function loadLanguage(): Language {
  const v = preferences()?.get("language");
  return v === "en" ? "en" : "id";
}

export function saveLanguage(language: Language): void {
  preferences()?.set("language", language);
}

/** The PK profile as this user last filled it (their own officials, place): a starting point in any workbook. */
export function loadUserProfile(): string | null {
  return preferences()?.get("profile") ?? null; // JSON text; the core's readProfile reads it
}

export function saveUserProfile(profile: unknown): void {
  preferences()?.set("profile", JSON.stringify(profile));
}
