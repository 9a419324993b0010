package dev.commonhold.leasing.reports.web;

import dev.commonhold.leasing.reports.app.Reports;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The rent roll (租金台账), vacancy and occupancy, and leases expiring in 30, 60 and 90 days. Amounts in fen, areas in 0.01 m². */
@RestController
@Tag(name = "Reports")
class ReportsController {

    /** @param arrearsFen raised, due before today and not paid, over every row */
    record RentRoll(List<Reports.RentRollRow> rows, long monthlyRentFen, long arrearsFen, long depositHeldFen) {
        static RentRoll of(List<Reports.RentRollRow> rows) {
            return new RentRoll(rows, rows.stream().mapToLong(Reports.RentRollRow::monthlyRentFen).sum(),
                    rows.stream().mapToLong(Reports.RentRollRow::arrearsFen).sum(), rows.stream().mapToLong(Reports.RentRollRow::depositHeldFen).sum());
        }
    }

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/leasing/communities/{communityId}/rent-roll")
    RentRoll rentRoll(Viewer viewer, @PathVariable UUID communityId) {
        return RentRoll.of(reports.rentRoll(viewer, communityId));
    }

    /** Every community the operator runs (operator staff), or of the jurisdiction (regulator). */
    @GetMapping("/api/leasing/rent-roll")
    RentRoll operatorRentRoll(Viewer viewer) {
        return RentRoll.of(reports.rentRoll(viewer));
    }

    @GetMapping("/api/leasing/communities/{communityId}/vacancy")
    Reports.Vacancy vacancy(Viewer viewer, @PathVariable UUID communityId) {
        return reports.vacancy(viewer, communityId);
    }

    @GetMapping("/api/leasing/communities/{communityId}/expiring-leases")
    List<Reports.Expiring> expiring(Viewer viewer, @PathVariable UUID communityId) {
        return reports.expiring(viewer, communityId);
    }
}
