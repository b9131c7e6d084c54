import { participantCheck } from './participants';

export const externalParticipant = participantCheck('external', 'external-participant', 'info');
