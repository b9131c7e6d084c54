import { pageFlagCheck } from './page-flag';

export const recording = pageFlagCheck('recording', 'recording', 'warning');
