import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { PLATFORM_MODULES } from '../../core/platforms/index';
import { readPage } from '../../core/platforms/read';
import { withPlatformFact } from '../../core/encryption';
import { readJitsiAppState } from '../../core/platforms/jitsi-app-state';
const F = 'test/fixtures';
it('reads', () => {
  const only = process.env.ONLY;
  for (const m of PLATFORM_MODULES) {
    const id = m.platform.id;
    if (only && only !== id) continue;
    let files: string[] = [];
    try { files = readdirSync(`/work/main/${F}/${id}`).filter((f) => f.endsWith('.html')); } catch { continue; }
    for (const f of files) {
      const html = readFileSync(`/work/main/${F}/${id}/${f}`, 'utf8');
      const doc = new DOMParser().parseFromString(html.replace(/<iframe\b/g, '<iframe srcdoc=""'), 'text/html');
      let app = {};
      if (id === 'jitsi') {
        const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
        if (script) { const w: any = {}; new Function('window', script)(w); app = readJitsiAppState(w); }
      }
      const r = readPage(m.platform, doc, app);
      const claim = withPlatformFact(m.fact, r.e2ee, r.phase === 'in-call');
      console.log(`${id}/${f}: phase=${r.phase} [${r.phaseEvidence.join(';').slice(0,70)}] e2ee=${claim?.state ?? '-'} rec=${r.recording ? r.recording.evidence.join('|').slice(0,60) : '-'} tr=${r.transcription ? 'Y' : '-'} open=${r.meetingOpen ? 'Y' : '-'} parts=${r.participants.map((p) => `${p.kind}:${p.name}`).join(',')} unread=${r.unreadable.join(',')}`);
    }
  }
});
