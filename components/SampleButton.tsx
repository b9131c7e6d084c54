import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sampleFile, type FrameSample, type SampleFailure, type SampleFile } from '../core/platforms/sample';
import { saveJson } from './download';
import { t } from './i18n';

/** The unlisted script (entrypoints/detection-sample.ts) that samples one frame. */
export const SAMPLE_SCRIPT = '/detection-sample.js';

type SampleState = { status: 'idle' | 'saving' | 'none' } | { status: 'saved'; file: string } | { status: 'failed'; reason: string };

/**
 * "Save a detection sample": the tab's call page and its call frames, redacted (names and text
 * masked), with what each signal of the platform matched, saved as a file. For the pages CallGuard
 * reads wrongly: an admin sends the file on by their own channel, CallGuard sends nothing.
 */
export function SampleButton({ tabId }: { tabId: number }) {
  const [state, setState] = useState<SampleState>({ status: 'idle' });
  const save = async () => {
    setState({ status: 'saving' });
    try {
      const file = await saveSample(tabId);
      setState(file ? { status: 'saved', file } : { status: 'none' });
    } catch (error) {
      setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="sample">
      <button type="button" onClick={save} disabled={state.status === 'saving'} aria-describedby="sample-hint">
        {t('popup_sample')}
      </button>
      <p id="sample-hint" class="hint">
        {t('popup_sample_hint')}
      </p>
      <p role="status" class="sample-status" data-field="sample-status">
        {state.status === 'saving'
          ? t('popup_sample_saving')
          : state.status === 'saved'
            ? t('popup_sample_saved', state.file)
            : state.status === 'none'
              ? t('popup_sample_none')
              : state.status === 'failed'
                ? t('popup_sample_failed', state.reason)
                : ''}
      </p>
    </div>
  );
}

/** Samples every frame of the tab and saves the file; its name, or null when no frame had a platform of CallGuard's. */
async function saveSample(tabId: number): Promise<string | null> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SAMPLE_SCRIPT] });
  const frames: SampleFile['frames'] = results.flatMap(({ frameId, result }) => (result ? [{ frameId, ...(result as FrameSample | SampleFailure) }] : []));
  if (frames.length === 0) return null;
  const file = sampleFile(frames, new Date(), browser.runtime.getManifest().version);
  const platform = frames.find((frame): frame is FrameSample & { frameId: number } => 'platform' in frame)?.platform ?? 'page';
  const name = `callguard-sample-${platform}-${file.createdAt.replace(/[:.]/g, '-')}.json`;
  saveJson(name, file);
  return name;
}
