package dev.commonhold.platform.testkit.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request exactly as written, byte for byte — for what no HTTP client library would send
 * (an over-long request line, a raw control character, a path it would normalise) — and reads the
 * answer as the server wrote it.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern CONTENT_LENGTH = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    /** @param headers names in lower case */
    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private RawHttp() {
    }

    /** GET {@code target} (sent as is) with these extra header lines; the connection closes after the answer. */
    public static Answer get(int port, String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return send(port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * {@code method target} with these headers (in order, values as given) and a body sent as bytes
     * ({@code Content-Length} set when there is one; null sends none); the connection closes after the answer.
     */
    public static Answer request(int port, String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] start = head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = java.util.Arrays.copyOf(start, start.length + (body == null ? 0 : body.length));
        if (body != null) {
            System.arraycopy(body, 0, request, start.length, body.length);
        }
        return send(port, request);
    }

    public static Answer send(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a large upload got: the answer, how much of the body went out before it, and how long that took. */
    public record Upload(Answer answer, long bytesSent, java.time.Duration elapsed) {
    }

    /**
     * POSTs a body of {@code bytes} spaces (valid JSON whitespace, so a parser keeps reading) in
     * 64 KiB blocks, declared with Content-Length or sent chunked, while reading the answer: a
     * server may answer before the body is sent, as it should for one it refuses. Nothing is held
     * in memory on this side either.
     */
    public static Upload upload(int port, String target, long bytes, boolean chunked, String... headerLines) {
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n").append("\r\n");
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> writeBody(socket, head.toString(), bytes, chunked, sent));
            Answer answer = readAnswer(socket.getInputStream());
            java.time.Duration elapsed = java.time.Duration.ofNanos(System.nanoTime() - started);
            socket.close();
            writer.join(10_000);
            return new Upload(answer, sent.get(), elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeBody(Socket socket, String head, long bytes, boolean chunked, java.util.concurrent.atomic.AtomicLong sent) {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) ' ');
        try {
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            while (sent.get() < bytes) {
                int n = (int) Math.min(block.length, bytes - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(block, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException refusedOrClosed) {
            // the server answered and stopped reading: what the caller measures
        }
    }

    /** Reads until one whole answer (its Content-Length, or the last chunk) has arrived or the server closes. */
    private static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                raw.write(buffer, 0, n);
                if (complete(raw.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (java.net.SocketException resetAfterTheAnswer) {
            // a server that answered early may reset the connection it stopped reading; the answer came before
        }
        return parse(raw.toByteArray());
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = CONTENT_LENGTH.matcher(text.substring(0, end));
        if (length.find()) {
            return text.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        return text.endsWith("0\r\n\r\n");
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return out.toByteArray();
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.skipNBytes(2);
        }
    }
}
