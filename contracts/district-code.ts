/** Administrative division codes (行政区划代码, GB/T 2260), as the directory and the registry store them. */

/** A county-level code (a 区, 县 or county-level 市): six digits not ending in 00; 120000 and 120100 are the province and the city. */
export function isCountyCode(code: string | null): boolean {
  return code !== null && /^\d{6}$/.test(code) && !code.endsWith('00');
}
