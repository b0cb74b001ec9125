"use client";

// Who just signed in this tab, so that the pledge form can be filled in for them, and the
// pledge form's own progress, so that a reload keeps it. Kept in sessionStorage: gone when the
// tab closes, never sent anywhere.

const SUPPORTER_KEY = "upstand:supporter";

export interface RememberedSupporter {
  firstName?: string;
  lastName?: string;
  email?: string;
  country?: string;
  postalCode?: string;
}

function read<T>(key: string): Partial<T> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? "null");
    return value && typeof value === "object" ? (value as Partial<T>) : {};
  } catch {
    return {};
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage refused (private mode, quota): nothing is remembered, nothing breaks
  }
}

export function rememberSupporter({
  firstName,
  lastName,
  email,
  country,
  postalCode,
}: RememberedSupporter): void {
  write(SUPPORTER_KEY, { firstName, lastName, email, country, postalCode });
}

export const recallSupporter = () => read<RememberedSupporter>(SUPPORTER_KEY);

export const recallProgress = <T>(key: string) => read<T>(key);
export const saveProgress = (key: string, value: unknown) => write(key, value);
export const forgetProgress = (key: string) => write(key, null);
