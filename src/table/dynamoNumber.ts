const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;

/** A DynamoDB number reduced to sign, significant digits and scale: value = ±digits × 10^scale. */
export interface DynamoNumber {
  readonly negative: boolean;
  /** No leading or trailing zeros; empty for zero. */
  readonly digits: string;
  readonly scale: number;
}

/** Parses number text as DynamoDB accepts it; a string explains why it does not. */
export function parseDynamoNumber(text: string): DynamoNumber | string {
  const match = NUMBER_TEXT.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (match === null || whole.length + fraction.length === 0) return 'must be decimal number text';
  let digits = (whole + fraction).replace(/^0+/, '');
  let scale = Number(match[4] ?? '0') - fraction.length;
  const trimmed = digits.replace(/0+$/, '');
  scale += digits.length - trimmed.length;
  digits = trimmed;
  if (digits === '') return { negative: false, digits, scale: 0 };
  if (digits.length > 38) return 'must have at most 38 significant digits, as DynamoDB numbers do';
  const magnitude = digits.length + scale - 1;
  if (magnitude < -130 || magnitude > 125) return 'must lie within DynamoDB number range 1E-130 .. 9.99E+125';
  return { negative: match[1] === '-', digits, scale };
}

/**
 * Plain decimal text as DynamoDB stores and returns it: no exponent, no leading or trailing
 * zeros, no negative zero (`1.5E2` → `150`, `1.0` → `1`, `-0` → `0`).
 */
export function formatDynamoNumber(n: DynamoNumber): string {
  if (n.digits === '') return '0';
  const sign = n.negative ? '-' : '';
  if (n.scale >= 0) return sign + n.digits + '0'.repeat(n.scale);
  const point = n.digits.length + n.scale;
  if (point > 0) return `${sign}${n.digits.slice(0, point)}.${n.digits.slice(point)}`;
  return `${sign}0.${'0'.repeat(-point)}${n.digits}`;
}

/** Canonical text of valid number text; the input unchanged when it is not a DynamoDB number. */
export function canonicalNumberText(text: string): string {
  const parsed = parseDynamoNumber(text);
  return typeof parsed === 'string' ? text : formatDynamoNumber(parsed);
}
