package dev.commonhold.community.registry.domain;

/** Input the registry cannot accept, naming the field at fault (answered as a 400). */
public class InvalidRegistryData extends RuntimeException {

    private final String field;

    public InvalidRegistryData(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
