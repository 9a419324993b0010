package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack ./run.sh starts, seeded with the demo once, shared by every end-to-end class of a test
 * run that is {@code @ExtendWith(DemoStack.class)}: starting and seeding it is two minutes on two
 * cores, so each class starting its own would cost the CI budget minutes. The classes run in the
 * order their {@code @Order} gives (junit-platform.properties), write only what they created or what
 * the others do not read, and the stack stops when the run ends (JUnit closes the root store).
 */
final class DemoStack implements BeforeAllCallback {

    /** The running stack and the demo community's id. */
    record Running(Stack stack, String community, KeycloakClient keycloak) implements AutoCloseable {

        @Override
        public void close() {
            stack.close();
        }
    }

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.create(DemoStack.class))
                .computeIfAbsent(Running.class, key -> start(), Running.class);
    }

    /** The shared stack: only from a class extended with {@code DemoStack}, from its {@code @BeforeAll} on. */
    static Running running() {
        if (running == null) {
            throw new IllegalStateException("not started: the test class needs @ExtendWith(DemoStack.class)");
        }
        return running;
    }

    private static Running start() {
        KeycloakClient keycloak = Infra.keycloak().client();
        Stack stack = EndToEnd.start("e2e-logs", dev.commonhold.platform.testkit.Ports.free(), dev.commonhold.platform.testkit.Ports.free());
        try {
            keycloak.allowRedirectsTo("commonhold-gateway", stack.gatewayUrl()); // the portal's browser sign-in comes back here
            return new Running(stack, DemoSeed.run(stack.gatewayUrl(), keycloak), keycloak);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }
}
