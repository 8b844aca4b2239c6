// The scenario the studio browser test builds: the blank draft's parts plus two nodes added from the
// outline ("explain", "resolve"), with lines that pass the publishing gate (blind strategies lose).
export const STUDIO_ID = 'new-scenario';

export function finishedDraft(title: string, greeting: string): string {
  return `id: ${STUDIO_ID}
title: "${title}"
setting: call-centre
difficulty: easy
company: "Northway Energy"
customer:
  name: "Alex Morgan"
  persona: voicer
  mood: 30
  patience: 40
  look: { skin: "#c68b63", hair: "#3b2a20", hairStyle: curly, shirt: "#5b7f6a", glasses: true }
briefing:
  who: "Alex Morgan, a nurse on night shifts, pays by direct debit."
  mistake: "Northway took £25 twice this month and Alex's rent payment bounced."
  goal: "Alex understands what happened, gets the money back today and stays a customer."
start: opening
nodes:
  opening:
    line: "${greeting}"
    emotion: annoyed
    choices:
      - id: listen
        text: "That's awful, and on top of a night shift. Tell me what you saw on your statement."
        moves: [acknowledge-feelings, ask-clarifying]
        next: explain
      - id: calm-down
        text: "Please calm down."
        moves: [dismiss]
        next: lost
      - id: brush-off
        text: "I'm sorry, but payments are taken by the system automatically, so there's nothing unusual here and I can't change it."
        moves: [apologize, excuse, dismiss]
        next: lost
  explain:
    line: "It went out twice. Twenty-five pounds, twice. My rent bounced because of you."
    emotion: angry
    choices:
      - id: own-it
        text: "That's our mistake, and I'm sorry. I'm refunding it now."
        moves: [own-it, apologize, fix]
        next: resolve
      - id: policy
        text: "That's our policy."
        moves: [excuse]
        next: lost
      - id: blame
        text: "I do apologise, it's the bank's side that doubled it really, you'd have to take that up with them and they can look into the charges."
        moves: [apologize, blame-other, pass-the-buck]
        next: lost
  resolve:
    line: "Fine. And what about the bank's fee for the bounced rent?"
    emotion: worried
    choices:
      - id: cover-fee
        text: "Send me the fee and we'll pay it."
        moves: [fix, above-and-beyond]
        next: won
      - id: rate-us
        text: "Please rate us."
        moves: [ask-for-rating]
        next: lost
      - id: vague
        text: "I'm so sorry about all of that, I completely understand, we'll definitely sort absolutely everything out for you, don't worry at all."
        moves: [apologize, scripted-platitude, overpromise]
        next: lost
endings:
  won:
    outcome: won-back
    emotion: relieved
    line: "Thank you. That's all I wanted."
    summary: "Alex got the money and the fee back and stayed."
  lost:
    outcome: lost
    emotion: angry
    line: "Forget it."
    summary: "Alex left and took their business elsewhere."
`;
}
