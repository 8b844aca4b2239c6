// Conversation: draws the backdrop, the customer's portrait, the speech bubble and the meters. The
// ConversationHost (src/game/conversation-host.ts) runs everything else: the session (rules, patience
// clock, save), the DOM layer with the choices, keyboard, pause, sound and the attempt; it tells this
// scene what to draw through the ConversationStage below.
import * as Phaser from 'phaser';
import { ConversationHost, type ConversationStage } from '../src/game/conversation-host.ts';
import { nameplateCaption } from '../src/game/nameplate.ts';
import type { Beat } from '../src/game/session.ts';
import { Meters } from './ui/Meters.ts';
import { Portrait } from './ui/Portrait.ts';
import { queueScenarioArt } from './ui/art.ts';
import { servicesOf } from './ui/services.ts';
import { SpeechBubble } from './ui/SpeechBubble.ts';
import { addShadedBackdrop, reducedMotion, setupCamera } from './ui/stage.ts';
import { COLOR, FONT } from './ui/theme.ts';

export class Conversation extends Phaser.Scene {
  #host: ConversationHost | null = null;
  #bubble!: SpeechBubble;
  #meters!: Meters;
  #portrait!: Portrait;

  constructor() {
    super('Conversation');
  }

  preload(): void {
    const svc = servicesOf(this);
    const scenario = svc.library.get(svc.flow.getSnapshot().context.scenarioId);
    if (scenario) queueScenarioArt(this, scenario);
  }

  create(): void {
    const svc = servicesOf(this);
    const scenario = svc.library.get(svc.flow.getSnapshot().context.scenarioId);
    if (!scenario) {
      svc.flow.send({ type: 'play.quit' });
      return;
    }
    const host = new ConversationHost(svc, scenario);
    const session = host.session;
    setupCamera(this);
    addShadedBackdrop(this, scenario.setting, { top: 420, alpha: 0.55 });
    this.#portrait = new Portrait(this, scenario.id, 270, 740, 1.12, session.beat.emotion);
    this.#nameplate(scenario.customer.name, nameplateCaption(scenario.setting, scenario.company));
    this.#bubble = new SpeechBubble(this, scenario.customer.name, svc.settings.value.textSize / 100);
    this.#meters = new Meters(this, scenario.customer.name, session.context.mood, reducedMotion(this));
    this.#host = host;
    host.start(this.#stage());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.#host?.dispose();
      this.#host = null;
      this.#portrait.destroy();
    });
  }

  update(time: number, delta: number): void {
    const host = this.#host;
    if (!host) return;
    const s = host.session;
    this.#bubble.update(delta, s.paused);
    this.#meters.update(delta, s.patienceFraction(), s.patienceRemaining(), time);
    host.frame();
  }

  /** What the host asks this scene to draw. */
  #stage(): ConversationStage {
    const bubble = this.#bubble;
    return {
      say: (beat: Beat, instant, shown) => bubble.say(beat.text, beat.narration, beat.reply, instant, shown),
      setEmotion: (emotion) => this.#portrait.setEmotion(emotion),
      setMood: (mood) => this.#meters.setMood(mood),
      hideReply: () => bubble.hideReply(),
      get typing() {
        return bubble.typing;
      },
      skipTyping: () => bubble.skip(),
      setTextScale: (scale) => bubble.setTextScale(scale),
      patienceRanOut: () => {
        if (!reducedMotion(this)) this.cameras.main.shake(260, 0.006);
      },
      setPaused: (paused) => {
        if (!paused) this.tweens.resumeAll();
        else if (!reducedMotion(this)) this.tweens.pauseAll();
      },
    };
  }

  #nameplate(name: string, caption: string): void {
    const rs = servicesOf(this).renderScale;
    const t = this.add.text(270, 664, name, { fontFamily: FONT.head, fontSize: '22px', fontStyle: '900', color: COLOR.onInk, resolution: rs }).setOrigin(0.5).setDepth(9);
    const c = this.add.text(270, 690, caption, { fontFamily: FONT.body, fontSize: '13px', fontStyle: '600', color: COLOR.onInkSoft, resolution: rs }).setOrigin(0.5).setDepth(9);
    const w = Math.max(t.width, c.width) + 44;
    this.add.graphics().setDepth(8).fillStyle(COLOR.ink, 0.9).fillRoundedRect(270 - w / 2, 640, w, 68, 20).lineStyle(2, COLOR.coral, 1).strokeRoundedRect(270 - w / 2, 640, w, 68, 20);
  }
}
