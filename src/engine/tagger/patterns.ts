// Hand-written cues for the moves, as features for the classifier (which learns how much each one
// counts, and against which move). They read the normalised text (lower case, chat spellings expanded).
// A cue never decides alone: "sorry" starts an apology and also "sorry, but that's the courier".

const NUM = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|half)`;
const DAY = String.raw`(today|tonight|tomorrow|this (morning|afternoon|evening)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(next|this) week)`;

export const PATTERNS: ReadonlyArray<readonly [name: string, cue: RegExp]> = [
  ['sorry', /\b(sorry|apologi[sz]e|apologies|apology)\b/],
  ['sorry-but', /\b(sorry|apologi[sz]e)\b[^.!?]{0,40}\bbut\b/],
  ['feeling-words', /\b(frustrat\w*|upset|angry|annoy\w*|furious|infuriat\w*|madden\w*|stress\w*|worr\w*|scary|scared|exhaust\w*|awful|horrible|terrible|nightmare|fed up|cross|let down|miserable|rubbish|mad)\b/],
  ['feeling-frame', /\b(must (have been|be|feel)|sounds?( like)?|(i'd|i would) (be|feel)|no wonder|every (right|reason)|understandabl\w*|in your (shoes|position)|i can (hear|see|imagine|tell)|anyone would|of course you|i get (it|why)|i hear you|you're right to)\b/],
  ['our-fault', /\b((our|my) (fault|mistake|error|bad|responsibility)|(on|down to) (us|me)\b|we (got|messed|dropped|let|failed|should have)|take (full )?responsibility|it was us|i'?ll own|i own|we were wrong)/],
  ['not-your-fault', /\bnot your fault|you did nothing wrong/],
  ['take-over', /\b(take it from here|taking it from here|won't (need|have) to explain)/],
  ['question', /\?\s*$|\?/],
  ['wh-question', /(^|[.!?,] ?)(what|when|which|where|who|how|did|do|does|is|was|were|could|can|may|has|have) [^.!]*\?/],
  ['clarify-frame', /\b(tell me|walk me through|just to check|so i (understand|get)|help me understand|just so i|remember|what time|which (order|room|day|address|flight|items?)|order number|reference|postcode)\b/],
  ['thanks', /\b(thank you|thanks|appreciate|grateful|glad you)\b/],
  ['thanks-telling', /\b(thank you|thanks|appreciate|glad)\b[^.!?]{0,30}\b(tell|telling|told|letting|raising|flagging|bringing|let us know|let me know|taking the time|called|say)/],
  ['either-or', /\b(either\b|or would you|whichever|which (would|suits|works|do you prefer)|your (call|choice)|prefer|rather|up to you|two (ways|options)|options?\b|choice|pick)\b/],
  ['or', /\bor\b/],
  ['done', /\b(i've|i have|i'm|i am|we've|we have) (just |already |now )?(refund\w*|cancel\w*|book\w*|sent|send\w*|put|moved|rebook\w*|credit\w*|reissu\w*|arrang\w*|correct\w*|reset|switch\w*|process\w*|revers\w*|resent|fix\w*|reorder\w*|resched\w*|upgrad\w*|add\w*|sort\w*|remov\w*|chang\w*|updat\w*)/],
  ['done-short', /^(done|sorted|right|ok|okay)\b|\b(it's|that's) (done|sorted)\b|\bis ready\b|\b(has|have) been (processed|sorted|refunded|cancelled)|\bnow (on|back|ready)\b/],
  ['money', /£|\$|€|\brefund|\bcredit|\bvoucher|\bdiscount/],
  ['cause', /\b(because|reason|what (happened|went wrong) (is|was)|turns out|the cause|fault (at|with|in)|estimated|that's why|due to|had the old|never got|was never|went to (the|our)|got stuck|double-?(sold|booked|billed)|billed you twice|out of stock)\b/],
  ['extra', /\b(on (us|the house)|free|voucher|as well|too|extra|upgrad\w*|myself|gift|flowers|bottle|no charge|on top|cake|taxi|dessert|throw in|breakfast|dinner|wine|lounge|personally bring)\b/],
  ['will-contact', /\b(i'll|i will|i'm going to|i am going to|expect a call|you'll hear from me)\b[^.!?]{0,40}\b(call|ring|phone|email|text|check in|get back|hear|message|update)/],
  ['stated-time', new RegExp(String.raw`\b(at ${NUM}|${NUM} ?(am|pm|o'clock)|by ${NUM}|half past|${DAY}|lunchtime|\d{1,2}[:.]\d{2})\b`)],
  ['as-promised', /\b(as (i )?(promised|said|agreed)|like i (said|promised)|(calling|ringing) (you )?back|following up|said i'?d|i'm back|it's me again|hello again|from yesterday|checking back)\b/],
  ['greeting', /^(hi|hello|good (morning|afternoon|evening)|hey)\b/],
  ['contradict', /\b(not true|you're wrong|wrong about|that's not what|never said|our records|records show|log says|never happened|you agreed|overreact\w*|no need to|not how it works|definitely (delivered|arrived|sent)|you signed|the (photo|system) shows|should have read|not being fair|with respect|can't be right)\b|^no[,!. ]|^actually\b/],
  ['minimise', /\b((only|just) (a|one|ten|\d+|a few|a small|a minor|minutes?)|not (a|that) big|no biggie|(these things|it) happens?|hardly|minor|at least|not that bad|calm down|not worth|nothing to|barely|small thing|small charge|small delay|be fine|end of the world|meh)\b/],
  ['platitude', /\b(thank you for (your|the) patience|thanks for your patience|value (you|your)|valued|important to us|priority|anything else i can|strive|committed to|take [a-z ]*seriously|have a (nice|great|good) day|thank you for (contacting|choosing|reaching|calling)|any inconvenience|feedback has been noted|how (may|can) i (help|assist)|i understand your (frustration|concern))\b/],
  ['inconvenience', /\bany inconvenience\b/],
  ['blame', /\b(courier|supplier|warehouse|kitchen|driver|accounts|bank|airline|night team|other (team|shift)|head office|colleague|agency|whoever|staff)('s)?\b[^.!?]{0,30}\b(fault|problem|messed|got it wrong|made|lost|useless|never|always|didn't|wrong)|\byou (must have|gave|typed|didn't give|put)\b|\bnot (ours|us|me)\b|\bon you\b/],
  ['excuse', /\b(short-? ?staffed|busy|busiest|system (was|has been|went|is) (down|offline)|down all|off sick|i'm new|only started|covering|storm|playing up|software|bank holiday|small team|computers|mad week|bad week|lot of calls|loads of calls)\b/],
  ['what-want', /\b(what (do|would) you (want|like|expect)|how would you like|what would make|what are you after|tell me what you want|what can i do for you)\b/],
  ['transfer', /\b(department|transfer\w*|put you through|pass you (over|on)|you'?ll (need|have) to|you need to|you have to|contact the|not my|try the|someone else|another team|for the manager|email (head office|complaints)|fill in)\b/],
  ['hedge', /\b(see what (i|we) can|see what's possible|look into|do my best|try my best|i'll try|we'll try|try to|at some point|eventually|hopefully|leave it with me|no promises|can't promise|when i can|some (stage|time)|sometime|have a look|should be in touch|maybe)\b/],
  ['guarantee', /\b(guarantee\w*|definitely|for sure|100%|100 percent|never happen again|won't ever|no matter what|no question|make sure it arrives|i promise|promise you)\b/],
  ['rating', /\b(stars?|review|rate|rating|survey|score|ten out of ten|10 out of 10|feedback form)\b/],
];

/** The names of the cues that match a normalised text, prefixed "cue:". */
export function cues(normalized: string): string[] {
  return PATTERNS.filter(([, re]) => re.test(normalized)).map(([name]) => `cue:${name}`);
}
