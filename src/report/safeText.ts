import { escapeInvisible } from '../trace/index.js';

// C0 controls (tab, newline and carriage return included) and the characters escapeInvisible covers.
const CONTROL = /[\u0000-\u001f]/g;

/**
 * One line of free text shown as is, but with every control and line-breaking character escaped
 * as `\uXXXX`, so it can never start a line of its own or move the cursor. For text that is
 * already split into lines (a multi-line error message); use `oneLine` for a single field.
 */
export function safeText(value: string, max = 200): string {
  const cut = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return escapeInvisible(cut).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Lines of a multi-line message, each made safe, at most `maxLines` (then `… N more lines`). */
export function safeLines(value: string, maxLines = 20): string[] {
  const lines = value.split(/\r\n|\n|\r/);
  const shown = lines.slice(0, maxLines).map((line) => safeText(line));
  if (lines.length > maxLines) shown.push(`… ${lines.length - maxLines} more lines`);
  return shown;
}

/** `+1d00h08m15.500s` without the sign: a duration in the virtual-time notation. */
export function durationText(text: string): string {
  return text.startsWith('+') ? text.slice(1) : text;
}
