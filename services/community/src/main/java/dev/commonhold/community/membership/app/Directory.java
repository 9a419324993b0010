package dev.commonhold.community.membership.app;

import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.registry.app.Communities;
import dev.commonhold.community.registry.domain.Community;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Finds a community by name for someone asking to be bound to a home there: its id, name, city
 * and district only — nothing of its register.
 */
@Service
public class Directory {

    static final int MAX_RESULTS = 20;

    private final Communities communities;

    Directory(Communities communities) {
        this.communities = communities;
    }

    @Transactional(readOnly = true)
    public List<Community> named(String text) {
        String name = text == null ? "" : text.strip();
        if (name.codePointCount(0, name.length()) < 2 || name.length() > 50) {
            throw new InvalidRegistryData("name", "give 2 to 50 characters of the community's name, e.g. 劲松");
        }
        return communities.named(name, MAX_RESULTS);
    }
}
