package dev.commonhold.community.assembly.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Decides votes when their window ends, even if nobody from the committee is around to close them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredVoteCloser {

    private static final Logger log = LoggerFactory.getLogger(ExpiredVoteCloser.class);

    private final VotingLifecycle lifecycle;

    ExpiredVoteCloser(VotingLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelayString = "${commonhold.assembly.close-check:30s}", initialDelayString = "${commonhold.assembly.close-check:30s}")
    void closeDueVotes() {
        int closed = lifecycle.closeDue();
        if (closed > 0) {
            log.info("decided {} vote(s) whose window ended", closed);
        }
    }
}
