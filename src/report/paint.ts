/** Minimal ANSI styling: the caller decides whether colour is on (only on a TTY). */
export type Style = 'red' | 'yellow' | 'bold' | 'dim';

const CODES: Readonly<Record<Style, string>> = { red: '31', yellow: '33', bold: '1', dim: '2' };

/** `text` wrapped in the style's ANSI codes when `color` is true; unchanged otherwise. */
export function paint(text: string, style: Style, color: boolean): string {
  return color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}
