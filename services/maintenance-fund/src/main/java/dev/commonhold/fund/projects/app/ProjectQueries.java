package dev.commonhold.fund.projects.app;

import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.fund.projects.domain.Apportionment;
import dev.commonhold.fund.projects.domain.UseProject;
import dev.commonhold.fund.register.FundAccess;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Projects are open to everyone who may read the community (F8): what, for whom, each share, every payment. */
@Service
@Transactional(readOnly = true)
public class ProjectQueries {

    /** @param paidByUnit fen each unit's sub-account has paid towards the project so far */
    /** @param subsidyFen a retrofit's government subsidy (F10), else null */
    /** @param estimateShares each unit's share of the estimate as proposed, fen */
    public record View(UseProject project, List<Apportionment.Share> shares, List<Projects.Payment> payments, Map<UUID, Long> paidByUnit,
                       Long subsidyFen, Map<UUID, Long> estimateShares) {
    }

    private final FundAccess access;
    private final Projects projects;
    private final ProjectWork work;
    private final SubAccounts subAccounts;

    ProjectQueries(FundAccess access, Projects projects, ProjectWork work, SubAccounts subAccounts) {
        this.access = access;
        this.projects = projects;
        this.work = work;
        this.subAccounts = subAccounts;
    }

    public List<View> list(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return projects.list(communityId).stream().map(this::view).toList();
    }

    public View view(Viewer viewer, UUID communityId, UUID projectId) {
        access.readable(viewer, communityId);
        return view(projects.find(communityId, projectId).orElseThrow(() -> ProblemException.notFound("Project", projectId)));
    }

    private View view(UseProject project) {
        List<Apportionment.Share> shares = work.shares(project);
        Map<UUID, Long> paid = subAccounts.paidTowards(project.id(), shares.stream().map(Apportionment.Share::unitId).toList());
        return new View(project, shares, projects.payments(project.id()), paid,
                projects.financing(project.id()).map(Projects.Financing::subsidyFen).orElse(null), projects.estimateShares(project.id()));
    }
}
