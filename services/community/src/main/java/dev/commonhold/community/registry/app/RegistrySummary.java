package dev.commonhold.community.registry.app;

/**
 * Totals of a community's register, as the owners' assembly counts them (rule V5): owners are
 * distinct owners of units — a developer's unsold units and a multi-unit buyer each count once.
 */
public record RegistrySummary(int buildings, int units, int owners, long exclusiveAreaCentiSquareMetres) {
}
