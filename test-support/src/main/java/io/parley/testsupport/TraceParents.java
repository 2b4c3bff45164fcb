package io.parley.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** W3C {@code traceparent} values ({@code 00-<trace id>-<span id>-<flags>}) for tracing tests. */
public final class TraceParents {

    public static final String HEADER = "traceparent";

    private TraceParents() {
    }

    /** A sampled traceparent of a new random trace, as an instrumented caller would send it. */
    public static String random() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    public static String traceId(String traceparent) {
        String[] parts = traceparent.split("-");
        if (parts.length != 4 || parts[1].length() != 32) {
            throw new IllegalArgumentException("not a traceparent: " + traceparent);
        }
        return parts[1];
    }

    public static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    /** The record's traceparent: the last one, as a consumer reads it; null when there is none. */
    public static String of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // all-zero ids are invalid
        return HexFormat.of().formatHex(random);
    }
}
