import { pageFlagCheck } from './page-flag';

export const meetingOpen = pageFlagCheck('meetingOpen', 'meeting-open', 'info');
