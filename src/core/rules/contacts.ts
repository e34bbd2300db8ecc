/** 咨询 and 监督投诉 are separate channels, each with a phone that carries its area code. */
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code = 'contact/missing' | 'contact/same-phone' | 'contact/area-code';

/** 0 + 2–3 digit area code, a separator, then the local number; a trailing extension is allowed. */
const AREA_CODE_PHONE = /^0\d{2,3}[-－ ]?\d{5,8}(?:[-－转]\d{1,6})?$/;

/** National service numbers (12345 hotline, 12315, 400/800) carry no area code by design. */
const NATIONAL_NUMBER = /^(?:123\d{2}|[48]00[-]?\d{3}[-]?\d{4})$/;

export const contacts = itemRule({
  id: 'contacts',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['contact/missing', 'contact/same-phone', 'contact/area-code'],
  check(item) {
    const out: RuleFinding<Code>[] = [];
    const channels = ['consultation', 'complaint'] as const;
    for (const channel of channels) {
      const contact = item.contacts?.[channel];
      if (!contact) {
        out.push({ code: 'contact/missing', path: item.contacts ? '/contacts' : '', args: { channel } });
        continue;
      }
      const phone = contact.phone.trim();
      if (!AREA_CODE_PHONE.test(phone) && !NATIONAL_NUMBER.test(phone)) {
        out.push({ code: 'contact/area-code', path: `/contacts/${channel}/phone`, args: { phone } });
      }
    }
    const consultation = item.contacts?.consultation?.phone.trim();
    if (consultation !== undefined && consultation === item.contacts?.complaint?.phone.trim()) {
      out.push({ code: 'contact/same-phone', path: '/contacts/complaint/phone', args: { phone: consultation } });
    }
    return out;
  },
});
