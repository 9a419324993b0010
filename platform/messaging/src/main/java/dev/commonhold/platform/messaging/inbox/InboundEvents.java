package dev.commonhold.platform.messaging.inbox;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The service's inbound event consumer, or nothing when it handles no events. */
public final class InboundEvents implements SmartLifecycle {

    private final ConcurrentMessageListenerContainer<String, String> container;

    InboundEvents(ConcurrentMessageListenerContainer<String, String> container) {
        this.container = container;
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
