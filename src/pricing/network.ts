/**
 * The lines of the bill that follow from the network design and differ by option: public IPv4 (one per
 * Fargate task in public subnets, one per EC2 node) and image layers pulled through a NAT gateway
 * (every Fargate task start pulls its whole image; an EC2 node pulls each image once when it starts).
 */
import type { PriceBook } from '../domain/price-book.js';
import type { Workload } from '../schema/workload.js';
import type { Bill } from './collector.js';

/** Public IPv4 addresses in use for `addressHours` address-hours (only when tasks run in public subnets). */
export function addPublicIpv4(bill: Bill, w: Workload, book: PriceBook, addressHours: number, per: 'task' | 'node'): void {
  if (w.network.privateSubnets || !(addressHours > 0)) return;
  const price = book.prices.extras?.publicIpv4Hour;
  if (!price) {
    bill.warn(`no public IPv4 price for ${book.region}; the addresses are not priced`);
    return;
  }
  const usd = bill.use(price, `public IPv4 price in ${book.region}`);
  bill.add(`Public IPv4 addresses (one per ${per})`, addressHours, 'address-hours', usd, {
    estimate: !!price.estimate,
    note: per === 'task' ? 'network.privateSubnets is false: every Fargate task gets a public address' : 'one per node in public subnets',
  });
}

/** Image layers pulled through NAT: `megabytes` a month, priced as NAT data processing. */
export function addImagePulls(bill: Bill, w: Workload, book: PriceBook, megabytes: number, how: string): void {
  if (w.network.imagePulls !== 'nat' || !(megabytes > 0)) return;
  const price = book.prices.extras?.natGatewayGb;
  if (!price) {
    bill.warn(`no NAT gateway per-GB price for ${book.region}; image pulls through NAT are not priced`);
    return;
  }
  const usd = bill.use(price, `NAT gateway per-GB price in ${book.region}`);
  bill.add('NAT gateway data processing (image pulls)', megabytes / 1024, 'GB', usd, { estimate: !!price.estimate, note: how });
}
