package dev.commonhold.community.assembly.messaging;

import dev.commonhold.community.assembly.app.Notices;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.messaging.EventEnvelope;
import dev.commonhold.platform.messaging.EventJson;
import dev.commonhold.platform.messaging.inbox.EventHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Rule V8: the result is published to the whole community. Each decided vote becomes a notice on
 * the community's board (公告), from the event — once, however often the event is delivered.
 */
@Component
class DecisionNotices implements EventHandler {

    private static final Map<String, String> OUTCOME = Map.of("APPROVED", "通过 (approved)", "REJECTED", "未通过 (rejected)",
            "NO_QUORUM", "表决无效：参与不足三分之二 (no quorum: fewer than 2/3 took part)");

    private final Notices notices;

    DecisionNotices(Notices notices) {
        this.notices = notices;
    }

    @Override
    public String type() {
        return OutboxAssemblyEvents.DECIDED;
    }

    @Override
    public void handle(EventEnvelope event) {
        DecisionPayload decided = EventJson.convert(event.payload(), DecisionPayload.class);
        DecisionPayload.TallyV1 t = decided.tally();
        String body = "表决结果 Result: %s%n参与 Took part: %s m² of %s m², %d of %d owners%n同意 Approve: %s m², %d owners; "
                .formatted(OUTCOME.get(decided.outcome()), m2(t.participating().areaCentiM2()), m2(decided.electorate().areaCentiM2()),
                        t.participating().owners(), decided.electorate().owners(), m2(t.approving().areaCentiM2()), t.approving().owners())
                + "反对 Reject: %s m², %d owners; 弃权 Abstain: %s m², %d owners".formatted(m2(t.rejecting().areaCentiM2()),
                t.rejecting().owners(), m2(t.abstaining().areaCentiM2()), t.abstaining().owners());
        notices.publish(new Notices.Notice(Ids.newId(), event.communityId(), decided.resolutionId(), Notices.Kind.DECISION, decided.title(), body, decided.decidedAt()));
    }

    private static String m2(long centi) {
        return BigDecimal.valueOf(centi, 2).toPlainString();
    }
}
