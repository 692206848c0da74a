/**
 * A synthetic ACS-style community table for the demo's counties (`area,attribute,group,estimate,moe,
 * denominator`): Medicaid and uninsured residents, so the payer-mix comparison runs with no download. The
 * figures are made up (in the range of US metropolitan counties), not the real counties' estimates.
 */
import { COUNTIES } from './geography.js';

/** Residents per unit of county weight, and the payer shares by how deprived the county's ZIPs are. */
const PEOPLE = 2_000_000;

export function syntheticCommunity(): string[][] {
  const rows: string[][] = [['area', 'attribute', 'group', 'estimate', 'moe', 'denominator']];
  for (const c of COUNTIES) {
    const population = Math.round(c.weight * PEOPLE);
    const deprivation = c.zips.reduce((s, z) => s + (z[1] + z[2]) / 2, 0) / c.zips.length;
    const medicaid = Math.round(population * (0.08 + 0.35 * deprivation));
    const uninsured = Math.round(population * (0.03 + 0.08 * deprivation));
    const moe = (x: number) => String(Math.round(1.645 * Math.sqrt(x) * 3));
    rows.push(
      [c.fips, 'payer', 'medicaid', String(medicaid), moe(medicaid), String(population)],
      [c.fips, 'payer', 'uninsured', String(uninsured), moe(uninsured), String(population)],
    );
  }
  return rows;
}
