import { participantCheck } from './participants';

export const aiNotetaker = participantCheck('bot', 'ai-notetaker', 'warning');
