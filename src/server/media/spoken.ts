// Text as a person reads it aloud, for the voice lines of studio scenarios: espeak-ng reads "£25" as
// "pound twenty-five" and "3:30pm" as "three thirty pm" at best, so money, times, ordinals, percentages
// and numbers are written out first ("twenty-five pounds", "three thirty p m"). British English.

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function under100(n: number): string {
  if (n < 20) return ONES[n];
  const t = TENS[Math.floor(n / 10)];
  return n % 10 ? `${t}-${ONES[n % 10]}` : t;
}

function under1000(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (!h) return under100(rest);
  return rest ? `${ONES[h]} hundred and ${under100(rest)}` : `${ONES[h]} hundred`;
}

/** A whole number in words: 1250 → "one thousand two hundred and fifty". */
export function numberWords(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  if (n < 0) return `minus ${numberWords(-n)}`;
  if (n < 1000) return under1000(n);
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      parts.push(`${numberWords(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  // "one thousand and five", as people say it.
  if (rest) parts.push(rest < 100 ? `and ${under100(rest)}` : under1000(rest));
  return parts.join(' ');
}

const ORDINAL_WORDS: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** 7 → "seventh", 21 → "twenty-first", 100 → "one hundredth". */
export function ordinalWords(n: number): string {
  const words = numberWords(n);
  const m = /([a-z]+)$/.exec(words);
  if (!m) return words;
  const last = m[1];
  const head = words.slice(0, words.length - last.length);
  if (ORDINAL_WORDS[last]) return head + ORDINAL_WORDS[last];
  if (last.endsWith('y')) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

const CURRENCIES: Record<string, { one: string; many: string; cent: string; cents: string }> = {
  '£': { one: 'pound', many: 'pounds', cent: 'penny', cents: 'pence' },
  $: { one: 'dollar', many: 'dollars', cent: 'cent', cents: 'cents' },
  '€': { one: 'euro', many: 'euros', cent: 'cent', cents: 'cents' },
};

const whole = (digits: string) => Number(digits.replace(/,/g, ''));

function money(symbol: string, units: string, fraction: string | undefined, scale: string | undefined): string {
  const c = CURRENCIES[symbol];
  const n = whole(units);
  if (scale) {
    // "£1.5m" → "one point five million pounds"
    const amount = fraction ? `${numberWords(n)} point ${[...fraction].map((d) => ONES[Number(d)]).join(' ')}` : numberWords(n);
    return `${amount} ${scale.toLowerCase() === 'k' ? 'thousand' : scale.toLowerCase() === 'm' ? 'million' : 'billion'} ${c.many}`;
  }
  const pence = fraction ? Number(fraction.padEnd(2, '0').slice(0, 2)) : 0;
  if (!n && pence) return `${numberWords(pence)} ${pence === 1 ? c.cent : c.cents}`;
  const main = `${numberWords(n)} ${n === 1 ? c.one : c.many}`;
  return pence ? `${main} ${numberWords(pence)}` : main;
}

function clock(h: number, m: number, meridiem: string | undefined): string {
  const suffix = meridiem ? ` ${meridiem.replace(/\./g, '').toLowerCase().split('').join(' ')}` : '';
  const hour = numberWords(h);
  if (m === 0) return meridiem ? `${hour}${suffix}` : `${hour} o'clock`;
  const minutes = m < 10 ? `oh ${ONES[m]}` : under100(m);
  return `${hour} ${minutes}${suffix}`;
}

/** The text with money, times, ordinals, percentages and numbers written out as they are spoken. */
export function spokenText(text: string): string {
  return (
    text
      // Money first (its digits must not be read as a plain number): £25, £1,250.50, $3.99, €0.50, £2k.
      .replace(/([£$€])\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?([kmb](?![a-z]))?/gi, (_m, sym: string, units: string, fraction?: string, scale?: string) =>
        money(sym, units, fraction, scale),
      )
      // Times: 3:30pm, 14:05, 9:00 a.m.
      .replace(/\b([01]?\d|2[0-3])[:.]([0-5]\d)\s?(am|pm|a\.m\.|p\.m\.)?(?![\d])/gi, (_m, h: string, m: string, mer?: string) => clock(Number(h), Number(m), mer))
      // 9am, 11 pm
      .replace(/\b(1[0-2]|0?[1-9])\s?(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi, (_m, h: string, mer: string) => clock(Number(h), 0, mer))
      // 7th, 21st, 2nd
      .replace(/\b(\d+)(st|nd|rd|th)\b/gi, (_m, n: string) => ordinalWords(Number(n)))
      // 15%, 2.5%
      .replace(/(\d+(?:\.\d+)?)\s?%/g, (_m, n: string) => `${decimal(n)} percent`)
      // 1,250 and 2.5 and 42
      .replace(/\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b/g, (n) => decimal(n.replace(/,/g, '')))
  );
}

function decimal(n: string): string {
  const [units, fraction] = n.split('.');
  const w = numberWords(whole(units));
  return fraction ? `${w} point ${[...fraction].map((d) => ONES[Number(d)]).join(' ')}` : w;
}
