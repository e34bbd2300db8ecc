/**
 * 咨询 and 监督投诉 are separate channels, each with a phone number people can call: landlines with their
 * area code. A cell may hold several numbers (`；`), extensions (`转123`), brackets and spaces, and the
 * numbers that need no area code: mobiles, 12345 and the other public-service numbers, 95xxx/96xxx,
 * 400/800. The same number for both channels is wrong only when it is one office's own line: 12345
 * takes consultations and complaints alike.
 */
import { parsePhones, type ParsedPhone } from '../phones.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code = 'contact/missing' | 'contact/same-phone' | 'contact/area-code' | 'contact/not-a-phone';

/** The office numbers of a phone cell (landlines and mobiles), as written the one way. */
function officeNumbers(phones: readonly ParsedPhone[]): Set<string> {
  return new Set(phones.flatMap((p) => (p.ok && (p.kind === 'landline' || p.kind === 'mobile') ? [p.number] : [])));
}

export const contacts = itemRule({
  id: 'contacts',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['contact/missing', 'contact/same-phone', 'contact/area-code', 'contact/not-a-phone'],
  check(item) {
    const out: RuleFinding<Code>[] = [];
    // Each cell parsed once: its numbers are checked, then compared across the two channels.
    const parsed: Partial<Record<'consultation' | 'complaint', ParsedPhone[]>> = {};
    const channels = ['consultation', 'complaint'] as const;
    for (const channel of channels) {
      const contact = item.contacts?.[channel];
      if (!contact) {
        out.push({ code: 'contact/missing', path: item.contacts ? '/contacts' : '', args: { channel } });
        continue;
      }
      // A contact without its phone is a completeness finding of its own.
      if (contact.phone === undefined) continue;
      const phones = (parsed[channel] = parsePhones(contact.phone));
      for (const phone of phones)
        if (!phone.ok) {
          const code = phone.problem === 'area-code' ? 'contact/area-code' : 'contact/not-a-phone';
          out.push({ code, path: `/contacts/${channel}/phone`, args: { phone: phone.text } });
        }
    }
    if (parsed.consultation && parsed.complaint) {
      const complaintNumbers = officeNumbers(parsed.complaint);
      const shared = [...officeNumbers(parsed.consultation)].filter((n) => complaintNumbers.has(n));
      // Only when complaints have no other number than the office's own consultation line.
      if (shared.length && shared.length === complaintNumbers.size)
        out.push({ code: 'contact/same-phone', path: '/contacts/complaint/phone', args: { phone: shared.join('；') } });
    }
    return out;
  },
});
