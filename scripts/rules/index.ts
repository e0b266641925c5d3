// The one registry of rules. A meta-test fails when a file in this folder is
// not listed here, so a rule cannot be written and silently never run.
import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';
import { rule as yamlSyntax } from './yaml-syntax.ts';
import { rule as schema } from './schema.ts';
import { rule as fileName } from './file-name.ts';
import { rule as unknownReference } from './unknown-reference.ts';
import { rule as membershipAppointment } from './membership-appointment.ts';
import { rule as membershipNomination } from './membership-nomination.ts';
import { rule as membershipConfirmation } from './membership-confirmation.ts';
import { rule as disclosureMissing } from './disclosure-missing.ts';
import { rule as disclosureStale } from './disclosure-stale.ts';
import { rule as continuationMissing } from './continuation-missing.ts';
import { rule as continuationIgnored } from './continuation-ignored.ts';
import { rule as committeeBelowQuorum } from './committee-below-quorum.ts';
import { rule as chairOverlap } from './chair-overlap.ts';
import { rule as chairTermLength } from './chair-term-length.ts';
import { rule as chairConsecutive } from './chair-consecutive.ts';
import { rule as chairNotMember } from './chair-not-member.ts';
import { rule as chairNotElected } from './chair-not-elected.ts';
import { rule as chairVacant } from './chair-vacant.ts';
import { rule as meetingCadence } from './meeting-cadence.ts';
import { rule as meetingAttendee } from './meeting-attendee.ts';
import { rule as rfcNumber } from './rfc-number.ts';
import { rule as rfcDecision } from './rfc-decision.ts';
import { rule as rfcSuperseded } from './rfc-superseded.ts';
import { rule as rfcDates } from './rfc-dates.ts';
import { rule as sigLiaison } from './sig-liaison.ts';
import { rule as codeowners } from './codeowners.ts';
import { rule as voteQuorum } from './vote-quorum.ts';
import { rule as voteEligibility } from './vote-eligibility.ts';
import { rule as voteResult } from './vote-result.ts';
import { rule as voteTieBreak } from './vote-tie-break.ts';
import { rule as voteChairElection } from './vote-chair-election.ts';
import { rule as voteBoardInput } from './vote-board-input.ts';
import { rule as voteFcp } from './vote-fcp.ts';
import { rule as rfcTransition } from './rfc-transition.ts';
import { rule as recordImmutable } from './record-immutable.ts';
import { rule as futureDate } from './future-date.ts';
import { rule as recordsSince } from './records-since.ts';
import { rule as voteOpen } from './vote-open.ts';
import { rule as memberGithub } from './member-github.ts';

export const rules: readonly Rule<Model>[] = [yamlSyntax, schema, fileName, unknownReference, membershipAppointment, membershipNomination, membershipConfirmation, disclosureMissing, disclosureStale, continuationMissing, continuationIgnored, committeeBelowQuorum, chairOverlap, chairTermLength, chairConsecutive, chairNotMember, chairNotElected, chairVacant, meetingCadence, meetingAttendee, futureDate, rfcNumber, rfcDecision, rfcSuperseded, rfcDates, sigLiaison, codeowners, memberGithub, voteQuorum, voteEligibility, voteResult, voteTieBreak, voteChairElection, voteBoardInput, voteFcp, voteOpen, rfcTransition, recordImmutable, recordsSince];

export function findRule(id: string): Rule<Model> | undefined {
  return rules.find((r) => r.id === id);
}
