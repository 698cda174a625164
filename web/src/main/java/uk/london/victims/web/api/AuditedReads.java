package uk.london.victims.web.api;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.web.security.StaffMember;

/**
 * Reads of a case record that may hold a victim's details, or what was sent to them: each needs a
 * purpose ({@code X-Purpose}), and each is written to the audit log with it before anything is read
 * (issue 12, item 11). The purpose is checked before the case is even looked up, so a missing header
 * answers the same 400 for a case that exists and one that does not.
 */
@Component
class AuditedReads {

    static final String PURPOSE = "X-Purpose";
    /** Long enough for a reason, short enough that nobody stores documents in the audit log. */
    static final int MAX_PURPOSE = 200;
    static final String PURPOSE_DESCRIPTION = "Why you are reading this record (1 to 200 characters); written to the audit"
            + " log with who read it and when. Without it the answer is 400 and nothing is read.";

    private final AuditLog audit;

    AuditedReads(AuditLog audit) {
        this.audit = audit;
    }

    /** Fails with {@link PurposeRequiredException} unless a purpose was given. */
    static Mono<String> purpose(String header) {
        if (header == null || header.isBlank() || header.strip().length() > MAX_PURPOSE) {
            return Mono.error(new PurposeRequiredException());
        }
        return Mono.just(header.strip());
    }

    /** Writes who read what, as whom, and why. */
    Mono<Void> record(String action, CaseId caseId, String purpose) {
        return StaffMember.current()
                .flatMap(staff -> Mono.fromRunnable(() -> audit.record(staff.staffId(), CaseReadController.roles(staff), action,
                        "case/" + caseId.value(), purpose)).subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    /** A read of personal data without a reason: 400, naming the header. */
    static final class PurposeRequiredException extends RuntimeException {
        PurposeRequiredException() {
            super("Say why you are reading this record in the " + PURPOSE + " header (1 to " + MAX_PURPOSE
                  + " characters, for example 'X-Purpose: preparing the victim's court visit'): every read of"
                  + " personal data is written to the audit log with its purpose. Nothing was read.");
        }
    }
}
