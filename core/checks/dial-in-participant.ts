import { participantCheck } from './participants';

/** A phone line in the call: its audio leaves end-to-end encryption at the gateway. */
export const dialInParticipant = participantCheck('phone', 'dial-in-participant', 'warning');
