package dev.commonhold.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request never carries the NUL character: PostgreSQL cannot store it, so it would
 * surface as a misleading database error. Refused here as a 400 naming the field.
 */
final class StrictText extends StdScalarDeserializer<String> {

    private StrictText() {
        super(String.class);
    }

    static SimpleModule module() {
        return new SimpleModule("commonhold-strict-text").addDeserializer(String.class, new StrictText());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.indexOf('\0') >= 0) {
            return (String) context.handleWeirdStringValue(String.class, text, "text may not contain the NUL character (U+0000)");
        }
        return text;
    }
}
