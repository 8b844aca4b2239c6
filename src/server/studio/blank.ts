// The draft a scenario started from scratch begins as: it loads, so it can be previewed at once, and
// it names every part a trainer fills in (the checks say what is still missing before publishing).
export function blankScenario(id: string): string {
  return `id: ${id}
title: "New scenario"
setting: call-centre
difficulty: easy
company: "Your company"
customer:
  name: "Alex Morgan"
  persona: voicer
  mood: 30
  patience: 40
briefing:
  who: "Who the customer is."
  mistake: "What went wrong."
  goal: "What a good outcome looks like."
start: opening

nodes:
  opening:
    line: "What the customer says first."
    emotion: annoyed
    choices:
      - id: listen
        text: "I'm sorry, that sounds really frustrating. Tell me what happened."
        moves: [acknowledge-feelings, apologize]
        next: won
      - id: brush-off
        text: "That's just how it works, I'm afraid."
        moves: [dismiss]
        next: lost

endings:
  won:
    outcome: won-back
    emotion: relieved
    line: "Thank you. That's all I wanted."
    summary: "The customer felt heard and stayed."
  lost:
    outcome: lost
    emotion: angry
    line: "Forget it."
    summary: "The customer left and took their business elsewhere."
`;
}
