// Chat spelling to plain English before tokenising: the forms people type in a hurry ("ill", "u",
// "sry", "tomorow") would otherwise be unknown words to the model.
const SHORT: Record<string, string> = {
  im: "i'm",
  ill: "i'll",
  ive: "i've",
  youll: "you'll",
  youre: "you're",
  youve: "you've",
  wont: "won't",
  dont: "don't",
  cant: "can't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  wasnt: "wasn't",
  thats: "that's",
  whats: "what's",
  theres: "there's",
  itll: "it'll",
  weve: "we've",
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thank you',
  sry: 'sorry',
  soz: 'sorry',
  srry: 'sorry',
  sorrry: 'sorry',
  cos: 'because',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  tmrw: 'tomorrow',
  tomorow: 'tomorrow',
  tommorow: 'tomorrow',
  tommorrow: 'tomorrow',
  truely: 'truly',
  realy: 'really',
  defo: 'definitely',
  definately: 'definitely',
  mins: 'minutes',
  min: 'minutes',
  hrs: 'hours',
  apologise: 'apologize',
  apologised: 'apologized',
  tbh: 'honestly',
  omg: 'oh',
  mgr: 'manager',
  dept: 'department',
  recieve: 'receive',
  recieved: 'received',
};

/** Lower-cases, straightens quotes and expands chat spellings; keeps punctuation. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .toLowerCase()
    .replace(/[a-z]+/g, (w) => SHORT[w] ?? w)
    .replace(/\s+/g, ' ')
    .trim();
}
