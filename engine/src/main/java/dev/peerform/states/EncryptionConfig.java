package dev.peerform.states;

import dev.peerform.config.Module;
import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads OpenTofu's encryption configuration: {@code key_provider "pbkdf2" "NAME"} blocks (passphrase, key_length
 * 32, iterations 600000, hash_function sha512, salt_length 32 by default), {@code method "aes_gcm" "NAME"} (keys =
 * key_provider.pbkdf2.NAME) and {@code method "unencrypted" "NAME"}, and the {@code state} and {@code plan} blocks
 * (method, enforced, fallback). {@code TF_ENCRYPTION} holds the same blocks in HCL; a block there replaces the
 * configuration's block of the same kind and name.
 */
public final class EncryptionConfig {

    public static final String ENV = "TF_ENCRYPTION";

    private final Scope scope;
    private final Diagnostics diags;
    private final Map<String, Block> keyProviders = new LinkedHashMap<>();
    private final Map<String, Block> methodBlocks = new LinkedHashMap<>();
    private final Map<String, Block> targets = new LinkedHashMap<>();
    private final Map<String, Pbkdf2Key> keys = new LinkedHashMap<>();
    private final Map<String, EncryptionMethod> methods = new LinkedHashMap<>();

    private EncryptionConfig(Scope scope, Diagnostics diags) {
        this.scope = scope;
        this.diags = diags;
    }

    /** The encryption of the root module, with {@code scope} to evaluate passphrases (var.x, local.x) in. */
    public static Encryption of(Module root, Map<String, String> env, Scope scope, Diagnostics diags) {
        EncryptionConfig c = new EncryptionConfig(scope, diags);
        boolean any = false;
        for (ConfigFile f : root.files()) {
            for (Block t : f.body().blocks("terraform")) {
                for (Block e : t.body().blocks("encryption")) {
                    c.add(e.body());
                    any = true;
                }
            }
        }
        String text = env.get(ENV);
        if (text != null && !text.isBlank()) {
            ConfigFile f = Parser.parseFile(ENV, text, diags);
            if (f != null) {
                c.add(f.body());
                any = true;
            }
        }
        if (!any || diags.hasErrors()) {
            return Encryption.NONE;
        }
        return new Encryption(c.target("state"), c.target("plan"));
    }

    private void add(Body body) {
        for (Block b : body.blocks()) {
            switch (b.type()) {
                case "key_provider", "method" -> {
                    if (b.labels().size() != 2) {
                        diags.error("Invalid encryption block", "A " + b.type() + " block takes two labels, its type "
                                + "and its name: " + b.type() + " \"TYPE\" \"NAME\".", b.range());
                        continue;
                    }
                    (b.type().equals("method") ? methodBlocks : keyProviders).put(b.labels().get(0) + "."
                            + b.labels().get(1), b);
                }
                case "state", "plan" -> targets.put(b.type(), b);
                case "remote_state_data_sources" -> diags.warning("Remote state encryption not supported",
                        "peerform encrypts its own state and plan files; remote_state_data_sources is ignored.",
                        b.range());
                default -> diags.error("Unsupported block type", "Blocks of type \"" + b.type() + "\" are not "
                        + "expected in an encryption block (key_provider, method, state, plan).", b.range());
            }
        }
    }

    private EncryptionTarget target(String name) {
        Block b = targets.get(name);
        if (b == null) {
            return null;
        }
        EncryptionMethod method = methodOf(b.body(), b.range());
        List<EncryptionMethod> fallbacks = new ArrayList<>();
        Body at = b.body();
        while (!at.blocks("fallback").isEmpty()) {
            Block fb = at.blocks("fallback").get(0);
            EncryptionMethod m = methodOf(fb.body(), fb.range());
            if (m != null) {
                fallbacks.add(m);
            }
            at = fb.body();
        }
        boolean enforced = bool(b.body().attribute("enforced"));
        if (enforced && method instanceof EncryptionMethod.Unencrypted) {
            diags.error("Unencrypted " + name + " with enforced encryption", "The " + name + " block sets enforced = "
                    + "true, so its method must encrypt: " + method.address() + " writes in clear.", b.range());
        }
        return new EncryptionTarget(name, method, fallbacks, enforced);
    }

    private boolean bool(Optional<Attribute> a) {
        if (a.isEmpty()) {
            return false;
        }
        Value v = evaluate(a.get().expr(), Type.BOOL);
        return v != null && v.isKnown() && !v.isNull() && v.asBool();
    }

    private EncryptionMethod methodOf(Body body, SourceRange range) {
        Optional<Attribute> a = body.attribute("method");
        if (a.isEmpty()) {
            diags.error("Missing encryption method", "This block needs method = method.TYPE.NAME.", range);
            return null;
        }
        String ref = reference(a.get().expr(), "method");
        if (ref == null) {
            return null;
        }
        EncryptionMethod m = methods.get(ref);
        if (m != null) {
            return m;
        }
        Block mb = methodBlocks.get(ref);
        if (mb == null) {
            diags.error("Undefined encryption method", "method." + ref + " is not declared in the encryption "
                    + "block.", a.get().expr().range());
            return null;
        }
        String name = mb.labels().get(1);
        m = switch (mb.labels().get(0)) {
            case "unencrypted" -> new EncryptionMethod.Unencrypted(name);
            case "aes_gcm" -> {
                Optional<Attribute> k = mb.body().attribute("keys");
                if (k.isEmpty()) {
                    diags.error("Missing keys", "An aes_gcm method needs keys = key_provider.TYPE.NAME.", mb.range());
                    yield null;
                }
                String kref = reference(k.get().expr(), "key_provider");
                Pbkdf2Key key = kref == null ? null : key(kref, k.get().expr().range());
                yield key == null ? null : new EncryptionMethod.AesGcm(name, key);
            }
            default -> {
                diags.error("Unsupported encryption method", "peerform knows the aes_gcm and unencrypted methods, "
                        + "not \"" + mb.labels().get(0) + "\".", mb.range());
                yield null;
            }
        };
        if (m != null) {
            methods.put(ref, m);
        }
        return m;
    }

    private Pbkdf2Key key(String ref, SourceRange at) {
        if (keys.containsKey(ref)) {
            return keys.get(ref);
        }
        Block kb = keyProviders.get(ref);
        if (kb == null) {
            diags.error("Undefined key provider", "key_provider." + ref + " is not declared in the encryption "
                    + "block.", at);
            return null;
        }
        if (!kb.labels().get(0).equals("pbkdf2")) {
            diags.error("Unsupported key provider", "peerform knows the pbkdf2 key provider, not \""
                    + kb.labels().get(0) + "\".", kb.range());
            return null;
        }
        Body body = kb.body();
        Optional<Attribute> p = body.attribute("passphrase");
        Value passphrase = p.isEmpty() ? null : evaluate(p.get().expr(), Type.STRING);
        if (passphrase == null || !passphrase.isKnown() || passphrase.isNull()) {
            diags.error("Missing passphrase", "key_provider.pbkdf2." + kb.labels().get(1) + " has no passphrase: set "
                    + "passphrase (from a variable, for example passphrase = var.state_passphrase).", kb.range());
            return null;
        }
        String phrase = passphrase.asString();
        if (phrase.length() < Pbkdf2Key.MINIMUM_PASSPHRASE_LENGTH) {
            diags.error("Passphrase too short", "The passphrase of key_provider.pbkdf2." + kb.labels().get(1)
                    + " must have at least " + Pbkdf2Key.MINIMUM_PASSPHRASE_LENGTH + " characters.",
                    p.get().expr().range());
            return null;
        }
        int keyLength = number(body, "key_length", 32);
        int iterations = number(body, "iterations", 600_000);
        int saltLength = number(body, "salt_length", 32);
        String hash = body.attribute("hash_function").map(a -> evaluate(a.expr(), Type.STRING))
                .filter(v -> v.isKnown() && !v.isNull()).map(Value::asString).orElse("sha512");
        if (!hash.equals("sha256") && !hash.equals("sha512")) {
            diags.error("Invalid hash function", "hash_function is sha256 or sha512, not \"" + hash + "\".",
                    kb.range());
            return null;
        }
        if (iterations < Pbkdf2Key.MINIMUM_ITERATIONS) {
            diags.error("Too few iterations", "The number of iterations is dangerously low (under "
                    + Pbkdf2Key.MINIMUM_ITERATIONS + "): no key is derived from it.", kb.range());
            return null;
        }
        if (keyLength != 16 && keyLength != 24 && keyLength != 32 || saltLength <= 0) {
            diags.error("Invalid key settings", "key_length is 16, 24 or 32 (bytes, for AES-GCM) and salt_length "
                    + "more than 0.", kb.range());
            return null;
        }
        Pbkdf2Key key = new Pbkdf2Key(kb.labels().get(1), phrase, keyLength, iterations, hash, saltLength);
        keys.put(ref, key);
        return key;
    }

    private int number(Body body, String name, int otherwise) {
        Optional<Attribute> a = body.attribute(name);
        if (a.isEmpty()) {
            return otherwise;
        }
        Value v = evaluate(a.get().expr(), Type.NUMBER);
        return v == null || !v.isKnown() || v.isNull() ? otherwise : v.asNumber().intValue();
    }

    /** {@code TYPE.NAME} of a reference {@code root.TYPE.NAME}; null (with an error) for anything else. */
    private String reference(Expr e, String root) {
        if (e instanceof Expr.ScopeTraversal t && t.root().equals(root) && t.steps().size() == 2
                && t.steps().get(0) instanceof Expr.AttrStep a && t.steps().get(1) instanceof Expr.AttrStep b) {
            return a.name() + "." + b.name();
        }
        diags.error("Invalid reference", "Expected " + root + ".TYPE.NAME here.", e.range());
        return null;
    }

    private Value evaluate(Expr e, Type type) {
        Value v = new Evaluator(scope, Functions.standard(), null).evaluate(e, type, diags);
        return v == null ? null : v.unmarkedDeep(); // a passphrase from a sensitive variable is still a passphrase
    }
}
