package dev.peerform.emulator.wire;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.vpcapi.wire.RpcSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signature version 1.0 as the API checks it: a known access key, HMAC-SHA1, a timestamp no more than 15 minutes
 * off, the signature over every parameter but itself, and each SignatureNonce used once per key.
 */
final class Authenticator {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Emulator emulator;
    private final Clock clock;
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    Authenticator(Emulator emulator, Clock clock) {
        this.emulator = emulator;
        this.clock = clock;
    }

    /** Before reading a body: an access key named in the query that nobody has is refused at once. */
    void refuseUnknownKey(String keyId) {
        if (keyId != null && emulator.secretOf(keyId) == null) {
            throw unknownKey();
        }
    }

    /** The account whose key signed these parameters; refuses a request that is not signed right. */
    String account(String method, Map<String, String> params) {
        String keyId = params.get("AccessKeyId");
        if (keyId == null) {
            throw new CloudException("MissingAccessKeyId", "AccessKeyId is mandatory for this action.");
        }
        String secret = emulator.secretOf(keyId);
        if (secret == null) {
            throw unknownKey();
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))) {
            throw new CloudException("InvalidSignatureMethod", "Specified signature method is not valid: use "
                    + "HMAC-SHA1.");
        }
        if (!"1.0".equals(params.get("SignatureVersion"))) {
            throw new CloudException("UnsupportedSignatureVersion", "Specified signature version is not "
                    + "supported: use 1.0.");
        }
        String stamp = params.containsKey("Timestamp") ? params.get("Timestamp") : params.get("TimeStamp");
        if (stamp == null) {
            throw new CloudException("MissingTimestamp", "Timestamp is mandatory for this action.");
        }
        Instant when;
        try {
            when = Instant.parse(stamp);
        } catch (DateTimeParseException e) {
            throw new CloudException("InvalidTimeStamp.Format", "Specified time stamp or date value is not "
                    + "well formatted: use yyyy-MM-ddTHH:mm:ssZ.");
        }
        Instant now = clock.instant();
        if (Duration.between(when, now).abs().compareTo(WINDOW) > 0) {
            throw new CloudException("InvalidTimeStamp.Expired", "Specified time stamp or date value is "
                    + "expired: it is more than 15 minutes away from the server's time.");
        }
        String expected = RpcSignature.sign(method, params, secret);
        String given = params.getOrDefault("Signature", "");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new CloudException("SignatureDoesNotMatch", "Specified signature is not matched with our "
                    + "calculation. The server's string to sign was: " + RpcSignature.stringToSign(method, params));
        }
        String nonce = params.get("SignatureNonce");
        if (nonce == null) {
            throw new CloudException("MissingSignatureNonce", "SignatureNonce is mandatory for this action.");
        }
        forgetOldNonces(now.toEpochMilli());
        if (nonces.putIfAbsent(keyId + "|" + nonce, now.toEpochMilli()) != null) {
            throw new CloudException("SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        return emulator.accountOfKey(keyId);
    }

    private static CloudException unknownKey() {
        return new CloudException("InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    private void forgetOldNonces(long now) {
        Iterator<Map.Entry<String, Long>> it = nonces.entrySet().iterator();
        while (it.hasNext()) {
            if (now - it.next().getValue() > WINDOW.toMillis()) {
                it.remove();
            }
        }
    }
}
