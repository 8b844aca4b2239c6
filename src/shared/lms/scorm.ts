// SCORM 1.2 package parts: imsmanifest.xml (schemaversion 1.2, one SCO) and the SCO's launch page.
// The launch page runs on the LMS's origin, finds the LMS's API object up the parent/opener chain,
// embeds the game (LMS mode) from this server and writes what the game reports into the API:
// score.raw/min/max, lesson_status passed/failed, suspend_data for resume, then commit and finish.
import type { Scenario } from '../../engine/schema.ts';
import { trimBase, xmlEscape } from './course.ts';

export const SCORM_LAUNCH_FILE = 'index.html';

export function scormLaunchUrl(baseUrl: string, scenarioId: string): string {
  return `${trimBase(baseUrl)}/?lms=scorm12&scenario=${encodeURIComponent(scenarioId)}`;
}

export function imsManifestXml(scenario: Pick<Scenario, 'id' | 'title'>, baseUrl: string, passMark: number): string {
  const id = xmlEscape(`make-it-right-${scenario.id}`);
  const title = xmlEscape(scenario.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${id}">
    <organization identifier="org-${id}">
      <title>${title}</title>
      <item identifier="item-${id}" identifierref="sco-${id}">
        <title>${title}</title>
        <adlcp:masteryscore>${Math.round(passMark)}</adlcp:masteryscore>
        <adlcp:datafromlms>${xmlEscape(trimBase(baseUrl))}</adlcp:datafromlms>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${id}" type="webcontent" adlcp:scormtype="sco" href="${SCORM_LAUNCH_FILE}">
      <file href="${SCORM_LAUNCH_FILE}"/>
    </resource>
  </resources>
</manifest>
`;
}

/** Messages between the embedded game and the launch page (window.postMessage). */
export type ScormMessage =
  | { type: 'mir-scorm-ready' }
  | { type: 'mir-scorm-suspend'; data: string }
  | { type: 'mir-scorm-result'; raw: number; passed: boolean; data: string };

function jsString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

/** The SCO page. Plain script (no build step): it must run inside any LMS. */
export function scormLaunchPage(scenario: Pick<Scenario, 'id' | 'title'>, baseUrl: string): string {
  const gameUrl = scormLaunchUrl(baseUrl, scenario.id);
  const origin = new URL(trimBase(baseUrl)).origin;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${xmlEscape(scenario.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>html,body{margin:0;height:100%;background:#1b2233;color:#f4f1ea;font:16px/1.4 system-ui,sans-serif}
iframe{border:0;width:100%;height:100%;display:block}#status{position:fixed;left:0;right:0;bottom:0;padding:.5rem 1rem;background:#8a1c1c;display:none}</style>
</head><body>
<iframe id="game" title="${xmlEscape(scenario.title)}" allow="autoplay; fullscreen"></iframe>
<div id="status" role="alert"></div>
<script>
(function () {
  var GAME = ${jsString(gameUrl)};
  var ORIGIN = ${jsString(origin)};
  function findAPI(win) {
    for (var tries = 0; win && tries < 10; tries++) {
      try { if (win.API) return win.API; } catch (e) {}
      if (win.parent && win.parent !== win) { win = win.parent; continue; }
      break;
    }
    return null;
  }
  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  var status = document.getElementById('status');
  function show(text) { status.textContent = text; status.style.display = 'block'; }
  if (!api) { show('This lesson could not find the LMS (no SCORM 1.2 API). Open it from your LMS.'); return; }
  if (String(api.LMSInitialize('')) !== 'true') { show('The LMS refused to start the lesson (error ' + api.LMSGetLastError() + ').'); return; }
  var finished = false;
  var suspend = String(api.LMSGetValue('cmi.suspend_data') || '');
  var entry = String(api.LMSGetValue('cmi.core.entry') || '');
  var status0 = String(api.LMSGetValue('cmi.core.lesson_status') || '');
  if (status0 === 'not attempted' || status0 === '') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  var frame = document.getElementById('game');
  frame.src = GAME + (suspend && entry === 'resume' ? '#resume=' + encodeURIComponent(suspend) : '');
  function set(name, value) {
    if (String(api.LMSSetValue(name, String(value))) !== 'true') show('The LMS did not accept ' + name + ' (error ' + api.LMSGetLastError() + ').');
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== ORIGIN || event.source !== frame.contentWindow) return;
    var m = event.data || {};
    if (m.type === 'mir-scorm-suspend' && !finished) {
      set('cmi.suspend_data', m.data); set('cmi.core.exit', 'suspend'); api.LMSCommit('');
    } else if (m.type === 'mir-scorm-result' && !finished) {
      set('cmi.core.score.min', 0); set('cmi.core.score.max', 100); set('cmi.core.score.raw', Math.round(m.raw));
      set('cmi.core.lesson_status', m.passed ? 'passed' : 'failed');
      set('cmi.suspend_data', m.data); set('cmi.core.exit', '');
      api.LMSCommit(''); api.LMSFinish(''); finished = true;
    }
  });
  window.addEventListener('pagehide', function () { if (!finished) { finished = true; api.LMSCommit(''); api.LMSFinish(''); } });
})();
</script>
</body></html>
`;
}
