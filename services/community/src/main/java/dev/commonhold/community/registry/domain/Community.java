package dev.commonhold.community.registry.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A residential community (小区) in the registry: where it is, which operating company runs it
 * under which administrative division, and the zone its billing dates are counted in.
 *
 * @param divisionCode      GB/T 2260 district code (e.g. 110105, Chaoyang, Beijing); regulators see communities by its prefixes
 * @param declaredFloorArea total floor area as declared (建筑面积), optional; votes use registered exclusive areas instead
 */
public record Community(UUID id, String name, String city, String district, String divisionCode, ZoneId timeZone,
                        String address, Area declaredFloorArea, UUID operatorCompanyId) {

    public Community {
        name = Text.required("name", name, 200);
        city = Text.required("city", city, 50);
        district = Text.required("district", district, 50);
        if (divisionCode == null || !divisionCode.matches("[1-8][0-9]{5}")) {
            throw new InvalidRegistryData("divisionCode", "must be the 6-digit administrative division code of the district, e.g. 110105");
        }
        address = Text.optional("address", address, 300);
        if (operatorCompanyId == null) {
            throw new InvalidRegistryData("operatorCompanyId", "the operating company is required");
        }
    }

    /** Registers a community, starting its event history. */
    public static Changed<Community> register(UUID id, String name, String city, String district, String divisionCode, String timeZone,
                                              String address, Area declaredFloorArea, UUID operatorCompanyId) {
        Community community = new Community(id, name, city, district, divisionCode, zone(timeZone), address, declaredFloorArea, operatorCompanyId);
        return Changed.of(community, new RegistryEvent.CommunityRegistered(community));
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone);
        } catch (DateTimeException e) {
            throw new InvalidRegistryData("timeZone", "not a time zone: " + timeZone + " (e.g. Asia/Shanghai)");
        }
    }
}
