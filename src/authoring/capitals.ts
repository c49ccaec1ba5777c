import { countries } from 'countries-list';

/**
 * Capitals that news uses for their country's government ("Islamabad rejected …", "Washington said …"), from the
 * countries-list package: each capital (lower case, "Washington D.C." also as "Washington") with the names of its
 * country (its name and the aliases the package gives: "United States", "US", "America", …).
 */
const CAPITALS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.values(countries).flatMap((country) => {
    const names = [country.name, ...('alias' in country ? (country.alias as string[]) : [])];
    const capital = country.capital.trim();
    if (!capital) return [];
    const short = capital.replace(/,?\s+D\.C\.$/, '');
    return [...new Set([capital, short])].map((name) => [name.toLowerCase(), names] as const);
  }),
);

/** The names of the country whose capital `name` is, or undefined. */
export function countryOfCapital(name: string): readonly string[] | undefined {
  return CAPITALS.get(name.trim().toLowerCase());
}
