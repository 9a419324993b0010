package dev.commonhold.billing.reconciliation.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a statement file strictly: a byte that is not valid in the charset is an error naming
 * the charset, never a silent replacement character in a transaction id. WeChat bills are UTF-8,
 * Alipay bills GBK; a bank file declares its charset or is read as UTF-8, else as GB18030.
 */
public final class StatementText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private StatementText() {
    }

    public static String decode(byte[] bytes, StatementFormat format, Charset declared) {
        if (declared != null) {
            return strict(bytes, declared);
        }
        return switch (format) {
            case WECHAT_PAY -> strict(bytes, StandardCharsets.UTF_8);
            case ALIPAY -> strict(bytes, GB18030);
            case BANK -> {
                try {
                    yield decodeOrThrow(bytes, StandardCharsets.UTF_8);
                } catch (CharacterCodingException notUtf8) {
                    yield strict(bytes, GB18030);
                }
            }
        };
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return decodeOrThrow(bytes, charset);
        } catch (CharacterCodingException e) {
            throw new StatementRejected("the file is not valid %s: save it in that encoding, or send its charset in Content-Type".formatted(charset.name()));
        }
    }

    private static String decodeOrThrow(byte[] bytes, Charset charset) throws CharacterCodingException {
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
