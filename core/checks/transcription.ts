import { pageFlagCheck } from './page-flag';

export const transcription = pageFlagCheck('transcription', 'transcription', 'warning');
