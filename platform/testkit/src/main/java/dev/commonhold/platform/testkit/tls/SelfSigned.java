package dev.commonhold.platform.testkit.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway EC P-256 key and certificate for localhost, made with the JDK's own keytool (no
 * download, no extra library), in a PKCS#12 file: a TLS server's key store, a client's trust
 * store, or a machine client's signing key whose certificate Keycloak holds.
 */
public final class SelfSigned {

    public static final String PASSWORD = "test-only-keystore";

    private final Path keyStore;
    private final String alias;

    private SelfSigned(Path keyStore, String alias) {
        this.keyStore = keyStore;
        this.alias = alias;
    }

    public static SelfSigned create(String alias) {
        try {
            Path file = Files.createTempDirectory("commonhold-tls").resolve(alias + ".p12");
            keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            return new SelfSigned(file, alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PKCS#12 file holding key and certificate, protected by {@link #PASSWORD}. */
    public Path keyStore() {
        return keyStore;
    }

    /** The certificate, DER in Base64 — what Keycloak's {@code jwt.credential.certificate} holds. */
    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(load().getCertificate(alias).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as a PEM file beside the key store (what a server is given: fullchain.pem). */
    public Path certificatePem() {
        try {
            return pem("certificate.pem", "CERTIFICATE", load().getCertificate(alias).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as a PKCS#8 PEM file beside the key store (privkey.pem). */
    public Path privateKeyPem() {
        return pem("private-key.pem", "PRIVATE KEY", privateKey().getEncoded());
    }

    private Path pem(String name, String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        try {
            return Files.writeString(keyStore.resolveSibling(alias + "-" + name), "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PrivateKey privateKey() {
        try {
            return (PrivateKey) load().getKey(alias, PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts this certificate and nothing else. */
    public SSLContext trustingContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore load() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        try {
            if (!keytool.waitFor(1, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
