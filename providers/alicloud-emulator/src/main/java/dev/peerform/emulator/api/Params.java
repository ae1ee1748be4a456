package dev.peerform.emulator.api;

import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.vpcapi.wire.Repeated;
import java.util.List;
import java.util.Map;

/** A call's parameters, with the API's conventions: required and optional values, numbered repeated parameters. */
public record Params(Map<String, String> values) {

    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw new CloudException("MissingParameter", "The input parameter \"" + name + "\" that is "
                    + "mandatory for processing this request is not supplied.");
        }
        return v;
    }

    public String optional(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public int integer(String name, int fallback) {
        String v = optional(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CloudException("InvalidParameter", "The parameter \"" + name + "\" must be a whole "
                    + "number, not \"" + v + "\".");
        }
    }

    public boolean bool(String name) {
        return "true".equalsIgnoreCase(optional(name));
    }

    /** {@code Prefix.1}, {@code Prefix.2}, ... until the first missing number. */
    public List<String> numbered(String prefix) {
        return Repeated.numbered(values, prefix);
    }

    /** The parameters without the request's envelope (signature, nonce, timestamp...), for ClientToken checks. */
    public String business() {
        StringBuilder b = new StringBuilder();
        values.entrySet().stream()
                .filter(e -> !ENVELOPE.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey()).append('=').append(e.getValue()).append('&'));
        return b.toString();
    }

    private static final List<String> ENVELOPE = List.of("Signature", "SignatureNonce", "Timestamp", "TimeStamp",
            "AccessKeyId", "SignatureMethod", "SignatureVersion", "Format", "Version", "ClientToken", "SecurityToken");
}
