package dev.commonhold.community.assembly.app;

import dev.commonhold.community.assembly.domain.Electorate;
import dev.commonhold.community.assembly.domain.Matter;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.ResolutionRuleViolation;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The committee puts a matter to the owners: what, to whom, with which papers, until when. */
@Service
public class ResolutionDrafting {

    public record Draft(String title, String description, String matter, String scope, List<UUID> ids, List<Resolution.Document> documents,
                        Instant closesAt) {
    }

    private final AssemblyAccess access;
    private final Resolutions resolutions;
    private final Clock clock;

    ResolutionDrafting(AssemblyAccess access, Resolutions resolutions, Clock clock) {
        this.access = access;
        this.resolutions = resolutions;
        this.clock = clock;
    }

    @Transactional
    public Resolution draft(Viewer viewer, UUID communityId, Draft draft) {
        access.requireCommittee(viewer, communityId);
        Resolution.Scope scope = new Resolution.Scope(parse(Resolution.Scope.Kind.class, "electorate.scope", draft.scope()), draft.ids());
        Resolution resolution = Resolution.draft(Ids.newId(), communityId, draft.title(), draft.description(),
                parse(Matter.class, "matter", draft.matter()), scope, draft.documents(), draft.closesAt(), clock.instant());
        requireKnownScope(communityId, scope);
        resolutions.insert(resolution, viewer.subject());
        return resolution;
    }

    /** Every building or unit named must be registered in this community, with at least one unit. */
    private void requireKnownScope(UUID communityId, Resolution.Scope scope) {
        List<Electorate.Holding> holdings = resolutions.holdings(communityId, scope);
        if (scope.kind() == Resolution.Scope.Kind.UNITS) {
            Set<UUID> found = new HashSet<>(holdings.stream().map(Electorate.Holding::unitId).toList());
            if (!found.containsAll(scope.ids())) {
                throw new ResolutionRuleViolation("electorate.ids", "units not registered in this community: "
                        + scope.ids().stream().filter(id -> !found.contains(id)).toList());
            }
        } else if (holdings.isEmpty()) {
            throw new ResolutionRuleViolation("electorate.ids", "no registered units in scope: there is nobody to vote");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResolutionRuleViolation(field, "must be one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
