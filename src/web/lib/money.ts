/**
 * Amounts as the API sends them (currency units; the currency is a server setting the API does
 * not send), formatted the same way on every screen.
 */
const cents = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "1,234.50": always with cents (forms, the lead page). */
export function formatMoney(value: number): string {
  return cents.format(value);
}

/** "48,000" for a whole amount, "1,234.50" otherwise: cards, totals and KPIs. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? whole.format(value) : cents.format(value);
}

/** One formatter for a column of amounts: all with cents if any has cents, so the digits line up. */
export function amountColumnFormatter(values: number[]): (value: number) => string {
  return values.some((value) => !Number.isInteger(value))
    ? (value) => cents.format(value)
    : (value) => whole.format(value);
}
