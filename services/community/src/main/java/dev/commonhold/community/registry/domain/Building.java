package dev.commonhold.community.registry.domain;

import java.util.UUID;

/** A building (楼栋) of a community, named as residents name it ("3", "3号楼", "A座"). */
public record Building(UUID id, UUID communityId, String name) {

    public Building {
        name = Text.identifier("building", name, 50);
    }
}
