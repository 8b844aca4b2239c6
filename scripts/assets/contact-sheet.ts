// A contact sheet for reviewing the art: every portrait of every customer in a grid, each backdrop
// with a portrait and a dialogue box on top, and the title art. Renders it to PNG with headless
// Chromium when available.
//
//   node --import tsx scripts/assets/contact-sheet.ts [out.png] [--only portraits|scenes|title]
//
// Writes the HTML next to the PNG (default /tmp/make-it-right-sheet.{html,png}).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSET_DIR, EMOTIONS, SETTINGS, loadScenarios, type Look } from './lib.ts';
import { renderPortrait } from './portraits.ts';
import { PALETTE } from './palette.ts';

const args = process.argv.slice(2);
const out = args.find((a) => a.endsWith('.png')) ?? join(tmpdir(), 'make-it-right-sheet.png');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const html = out.replace(/\.png$/, '.html');
const url = (p: string) => `file://${join(ASSET_DIR, p)}`;

const scenarios = loadScenarios();
// --demo: a line-up of made-up customers covering every hair style, drawn into a temp folder.
let portraitUrl = (id: string, e: string) => url(`portraits/${id}/${e}.svg`);
if (args.includes('--demo')) {
  const dir = join(tmpdir(), 'make-it-right-demo');
  mkdirSync(dir, { recursive: true });
  const looks: Look[] = [
    { skin: '#f6d5bd', hair: '#d8b872', hairStyle: 'curly', shirt: '#c08a3e' },
    { skin: '#553220', hair: '#1b1b1b', hairStyle: 'curly', shirt: '#4f6f78', glasses: true },
    { skin: '#eec3a2', hair: '#9c4a2c', hairStyle: 'short', shirt: '#a45d6a' },
    { skin: '#c68b63', hair: '#3b2a20', hairStyle: 'long', shirt: '#2f4858' },
    { skin: '#dca57f', hair: '#a5a19c', hairStyle: 'bald', shirt: '#7a6a58', glasses: true },
    { skin: '#6f4327', hair: '#1b1b1b', hairStyle: 'bun', shirt: '#5b7f6a' },
    {},
    {},
  ];
  scenarios.length = 0;
  looks.forEach((look, i) => {
    const id = `demo-${i + 1}`;
    for (const e of EMOTIONS) writeFileSync(join(dir, `${id}-${e}.svg`), renderPortrait(id, look, e, i % 2 ? 'en-us+f2' : 'en-gb+m3'));
    scenarios.push({ file: '', id, setting: SETTINGS[i % SETTINGS.length], name: look.hairStyle ?? 'defaults', look, lines: [] });
  });
  portraitUrl = (id, e) => `file://${dir}/${id}-${e}.svg`;
}
let body = '';
let height = 40;

if (!only || only === 'portraits') {
  body += `<h2>Portraits</h2><table><tr><th></th>${EMOTIONS.map((e) => `<th>${e}</th>`).join('')}</tr>`;
  for (const s of scenarios) {
    body += `<tr><th class="side">${s.id}<br><small>${s.name}</small></th>${EMOTIONS.map((e) => `<td><img class="p" src="${portraitUrl(s.id, e)}"></td>`).join('')}</tr>`;
  }
  body += `</table>`;
  height += 60 + scenarios.length * 300;
}

if (!only || only === 'scenes') {
  body += `<h2>Scenes</h2><div class="scenes">`;
  SETTINGS.forEach((setting, i) => {
    const s = scenarios.find((x) => x.setting === setting) ?? scenarios[i % Math.max(1, scenarios.length)];
    const emotion = EMOTIONS[(i * 2) % EMOTIONS.length];
    body += `<div class="scene"><img class="bg" src="${url(`backdrops/${setting}.svg`)}">`;
    if (s) body += `<img class="fig" src="${portraitUrl(s.id, emotion)}">`;
    body += `<div class="box"><b>${s?.name ?? 'Customer'}</b><p>${(s?.lines[0]?.text ?? 'Hello?').slice(0, 150)}</p></div><span class="tag">${setting}</span></div>`;
  });
  body += `</div>`;
  height += 60 + Math.ceil(SETTINGS.length / 2) * 380;
}

if (!only || only === 'title') {
  body += `<h2>Title</h2><div class="scenes"><div class="scene"><img class="bg" src="${url('ui/title-bg.svg')}"><img class="logo" src="${url('ui/logo.svg')}"></div>`;
  body += `<div class="scene" style="background:${PALETTE.cream}"><img class="logo2" src="${url('ui/logo.svg')}"></div></div>`;
  height += 420;
}

writeFileSync(
  html,
  `<!doctype html><meta charset="utf-8"><style>
body{margin:20px;background:#d9d4cc;font:14px/1.3 "DejaVu Sans",sans-serif;color:${PALETTE.ink}}
h2{margin:10px 0}
table{border-collapse:collapse} td{padding:0 4px;background:#ebe6de;border:1px solid #cfc8bd}
th{font-weight:600} th.side{text-align:right;padding-right:8px;width:110px}
img.p{height:240px;display:block}
.scenes{display:grid;grid-template-columns:repeat(2,640px);gap:14px}
.scene{position:relative;width:640px;height:360px;overflow:hidden}
.scene .bg{position:absolute;inset:0;width:640px;height:360px}
.scene .fig{position:absolute;left:60px;bottom:0;height:300px}
.scene .box{position:absolute;left:230px;right:16px;bottom:16px;background:rgba(251,245,234,.94);border-radius:10px;padding:8px 12px;font-size:12px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.scene .box p{margin:4px 0 0}
.scene .tag{position:absolute;top:6px;left:8px;background:#0008;color:#fff;padding:1px 6px;font-size:11px}
.scene .logo{position:absolute;left:170px;top:90px;width:300px}
.scene .logo2{position:absolute;left:120px;top:110px;width:400px}
</style><body>${body}</body>`,
);
console.log(`wrote ${html}`);

const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((b) => {
  try {
    execFileSync('which', [b], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!chromium) {
  console.log('chromium not found: open the HTML in a browser instead');
} else {
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'sheet-'))}`,
      `--screenshot=${out}`,
      `--window-size=1400,${Math.max(600, height)}`,
      `file://${html}`,
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  if (existsSync(out)) console.log(`wrote ${out}`);
}
