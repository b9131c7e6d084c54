import type { FindingId } from '../types';
import { aiNotetaker } from './ai-notetaker';
import { captivePortal } from './captive-portal';
import type { Check } from './context';
import { dialInParticipant } from './dial-in-participant';
import { e2eeOff } from './e2ee-off';
import { e2eeUnverified } from './e2ee-unverified';
import { externalParticipant } from './external-participant';
import { meetingOpen } from './meeting-open';
import { platformNotAllowed } from './platform-not-allowed';
import { recording } from './recording';
import { tlsInterception } from './tls-interception';
import { transcription } from './transcription';
import { travel } from './travel';
import { untrustedNetwork } from './untrusted-network';
import { weakTransport } from './weak-transport';

/** Every finding id and its check; the type makes a missing one a compile error. */
export const CHECKS: Record<FindingId, Check> = {
  'e2ee-off': e2eeOff,
  'e2ee-unverified': e2eeUnverified,
  'dial-in-participant': dialInParticipant,
  recording,
  transcription,
  'ai-notetaker': aiNotetaker,
  'external-participant': externalParticipant,
  'meeting-open': meetingOpen,
  'untrusted-network': untrustedNetwork,
  'tls-interception': tlsInterception,
  'captive-portal': captivePortal,
  travel,
  'platform-not-allowed': platformNotAllowed,
  'weak-transport': weakTransport,
};
