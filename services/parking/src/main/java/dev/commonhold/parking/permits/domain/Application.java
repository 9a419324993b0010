package dev.commonhold.parking.permits.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A household's request for a monthly permit (月卡申请), waiting in order of arrival.
 *
 * @param owner whether the applicant household owns its unit (from the register, not from the request)
 */
public record Application(UUID id, UUID unitId, String plate, boolean owner, int months, Instant appliedAt) {
}
