/** Collects one option's line items, the estimates behind the prices it used, and warnings. */
import type { Blocker, LineItem, PriceEstimate } from '../domain/advice.js';
import { lineItem } from './money.js';
import type { SourcedPrice } from '../domain/price-book.js';

export class Bill {
  readonly items: LineItem[] = [];
  readonly blockers: Blocker[] = [];
  readonly warnings: string[] = [];
  private readonly estimateMap = new Map<string, PriceEstimate>();

  /** Returns the price in USD, noting it as an estimate (`item`) when it is one. */
  use(price: SourcedPrice, item: string): number {
    if (price.estimate) this.estimate({ item, reason: price.estimate.reason, fix: price.estimate.fix });
    return price.usd;
  }

  estimate(e: PriceEstimate): void {
    const key = `${e.item}\u0000${e.reason}`;
    if (!this.estimateMap.has(key)) this.estimateMap.set(key, e);
  }

  get estimates(): PriceEstimate[] {
    return [...this.estimateMap.values()];
  }

  /** Adds a line item unless its quantity is zero. */
  add(name: string, quantity: number, unit: string, unitPrice: number, extra: { estimate?: boolean; note?: string } = {}): void {
    if (!(quantity > 0) || !Number.isFinite(quantity)) return;
    this.items.push(lineItem(name, quantity, unit, unitPrice, extra));
  }

  block(rule: string, text: string): void {
    if (!this.blockers.some((b) => b.rule === rule)) this.blockers.push({ rule, text });
  }

  warn(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }
}
