/** Number formatting shared by the table and Markdown reports (JSON keeps raw numbers). */

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Unit prices keep their full precision (AWS quotes Fargate GB-hours to six decimals). */
export function unitPrice(value: number): string {
  return `$${plain.format(value)}`;
}

export function quantity(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '±0';
}

export function percent(value: number): string {
  return `${quantity(value)} %`;
}
