package dev.commonhold.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A streamed body: passed on up to its limit, the rest read and dropped, the refusal once the caller has sent it. */
class BodySizeLimitTest {

    private static final int KIB = 1024;

    @Test
    void exactlyTheLimitPassesWhole() {
        assertThat(BodySizeLimit.limited(chunks(4, KIB), 4 * KIB, IllegalStateException::new).collectList().block()).hasSize(4);
    }

    @Test
    void oneByteOverIsRefusedOnlyAfterTheCallerHasSentEverythingAndNothingPastTheLimitIsPassedOn() {
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        Flux<DataBuffer> body = BodySizeLimit.limited(chunks(10, KIB).doOnNext(b -> pulled.incrementAndGet()), 4 * KIB - 1, IllegalStateException::new)
                .doOnNext(b -> passed.incrementAndGet());

        assertThatThrownBy(() -> body.blockLast()).isInstanceOf(IllegalStateException.class);
        assertThat(passed.get()).as("whole chunks within the limit").isEqualTo(3);
        assertThat(pulled.get()).as("the rest was read, so the caller can read the answer").isEqualTo(10);
    }

    @Test
    void aCallerThatGoesOnPastTheDrainIsCutOffAtOnce() {
        int chunk = 1024 * KIB;
        int drainChunks = (int) (BodySizeLimit.DRAIN.toBytes() / chunk);
        AtomicInteger pulled = new AtomicInteger();
        Flux<DataBuffer> endless = Flux.<DataBuffer>generate(sink -> sink.next(DefaultDataBufferFactory.sharedInstance.allocateBuffer(chunk).writePosition(chunk)))
                .doOnNext(b -> pulled.incrementAndGet());

        assertThatThrownBy(() -> BodySizeLimit.limited(endless, chunk, IllegalStateException::new).blockLast()).isInstanceOf(IllegalStateException.class);
        assertThat(pulled.get()).isEqualTo(1 + drainChunks + 1);
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(size).writePosition(size));
    }
}
