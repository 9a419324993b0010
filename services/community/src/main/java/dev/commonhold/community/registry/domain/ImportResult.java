package dev.commonhold.community.registry.domain;

import java.util.List;

/** The outcome of checking a spreadsheet: all rows accepted, or the reasons it was refused. */
public sealed interface ImportResult {

    record Accepted(RegistryImport.Plan plan) implements ImportResult {
    }

    record Rejected(List<RegistryImport.RowError> errors) implements ImportResult {
    }
}
