package dev.commonhold.platform.security;

import java.util.UUID;

/**
 * What access decisions need to know about a community: its id, the operating company that runs
 * it and the administrative division (GB/T 2260 district code) regulators are scoped by.
 */
public record CommunityRef(UUID id, UUID operatorCompanyId, String divisionCode) {
}
