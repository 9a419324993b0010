package dev.commonhold.community.assembly.domain;

/** What the owners' assembly tells other services; published on community.events. */
public sealed interface AssemblyEvent {

    /** The vote closed: the matter, the electorate, the exact tallies and the outcome. */
    record ResolutionDecided(Resolution resolution, Tally tally) implements AssemblyEvent {
    }
}
