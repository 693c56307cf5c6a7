import { stableHash } from '../../core/names';
import { GUID } from '../../core/private/validate';

/**
 * A name-based UUID (RFC 4122 version 5 layout: sha-based, version and variant bits set) for a
 * construct path: the same path gives the same workbook name on every synth, on every machine,
 * and two workbooks in one stack get different names. Lowercase, as azurerm requires.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4122#section-4.3
 */
export function workbookNameFor(constructPath: string): string {
  const hex = stableHash(`cdktf-private-chat/UsageWorkbook/${constructPath}`, 32).split('');
  hex[12] = '5';
  // Variant 10xx: the two high bits 1 and 0, so the digit is 8, 9, a or b.
  hex[16] = (8 + (parseInt(hex[16], 16) % 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Whether `name` is a lowercase UUID, as azurerm_application_insights_workbook accepts for `name`. */
export function isLowercaseUuid(name: string): boolean {
  return GUID.test(name) && name === name.toLowerCase();
}
