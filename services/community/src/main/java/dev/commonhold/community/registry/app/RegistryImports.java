package dev.commonhold.community.registry.app;

import dev.commonhold.community.registry.domain.ImportResult;
import dev.commonhold.community.registry.domain.RegistryImport;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Bulk onboarding: a community's buildings, units and owners from the operator's spreadsheet, in
 * one transaction. Any bad row and nothing is stored; the answer lists every bad cell.
 */
@Service
public class RegistryImports {

    public record Summary(int rows, int buildingsCreated, int ownersCreated, int unitsCreated, long exclusiveAreaCentiSquareMetres) {
    }

    /** The spreadsheet was refused; nothing was stored. */
    public static class Rejected extends RuntimeException {
        private final List<RegistryImport.RowError> errors;

        public Rejected(List<RegistryImport.RowError> errors) {
            super(errors.size() + " problem(s) in the spreadsheet; nothing was imported");
            this.errors = errors;
        }

        public List<RegistryImport.RowError> errors() {
            return errors;
        }
    }

    private final RegistryAccess access;
    private final Buildings buildings;
    private final Owners owners;
    private final Units units;
    private final RegistryEvents events;

    RegistryImports(RegistryAccess access, Buildings buildings, Owners owners, Units units, RegistryEvents events) {
        this.access = access;
        this.buildings = buildings;
        this.owners = owners;
        this.units = units;
        this.events = events;
    }

    @Transactional
    public Summary importRows(Viewer viewer, UUID communityId, List<RegistryImport.Row> rows) {
        access.managed(viewer, communityId);
        RegistryImport.Existing existing = new RegistryImport.Existing(
                buildings.ofCommunity(communityId).stream().collect(java.util.stream.Collectors.toMap(b -> b.name(), b -> b)),
                units.keys(communityId), owners.byReference(communityId));
        return switch (RegistryImport.plan(communityId, rows, existing, Ids::newId)) {
            case ImportResult.Rejected rejected -> throw new Rejected(rejected.errors());
            case ImportResult.Accepted accepted -> store(rows.size(), accepted.plan());
        };
    }

    private Summary store(int rows, RegistryImport.Plan plan) {
        buildings.insertAll(plan.newBuildings());
        owners.insertAll(plan.newOwners());
        List<Unit> created = plan.units().stream().map(u -> u.state()).toList();
        units.insertAll(created);
        events.publish(plan.events());
        long area = created.stream().mapToLong(u -> u.exclusiveArea().centiSquareMetres()).sum();
        return new Summary(rows, plan.newBuildings().size(), plan.newOwners().size(), created.size(), area);
    }
}
