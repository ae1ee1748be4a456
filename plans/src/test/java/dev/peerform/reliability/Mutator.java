package dev.peerform.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of valid configurations: spans deleted, duplicated, swapped or replaced, tokens of the language
 * inserted, numbers made huge, the file cut short, invalid UTF-8; and now and then a hostile block (cycles, deep
 * nesting, huge products, files without end, catastrophic regular expressions) of the kind a typo or a copied
 * snippet brings. Input {@code i} of seed {@code s} is always the same bytes.
 */
final class Mutator {

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", "(", ")", "\"", "${", "%{", "}}",
            "%{ for x in y }", "%{ endfor }", "<<EOF\n", "<<-EOT\n", "\nEOF\n", "\n", "=", "==", "?", ":", "...",
            "=>", ".*", "[*]", "each.key", "each.value", "count.index", "self.id", "local.nope", "var.nope",
            "module.m.x", "data.alicloud_vpcs.x", "null", "true", "-1", "1e309", "0x1F", "\\", "\u0000", "\uFEFF",
            "é", "#", "//", "/*", "*/", "for_each = ", "count = 3", "dynamic \"x\" {", "provider = alicloud.c",
            "depends_on = [alicloud_vpc.a]", "lifecycle { prevent_destroy = true }",
            "cidrsubnet(\"10.0.0.0/8\", 30, 1)", "tonumber(\"x\")", "lookup()", "jsondecode(\"{\")",
            "base64decode(\"!!\")", "try(", "can(", "sensitive(", "nonsensitive(", "\"${each.key}\"", "[for x in",
            "{ for k, v in var.peers : k => v }", "alicloud_vpc.a[\"nope\"].id", "99999999999999999999999",
            "\"10.0.0.0/33\"", "format(\"%d\", \"x\")", "element([], 0)", "merge(1)", "!", "&&", "||", "%", "-",
            "/ 0", "\t", "\r\n", "resource", "variable", "locals", "output", "module", "terraform");

    /** Each defines local.h, which an output uses, so that validate and plan both have to evaluate it. */
    private static final List<String> HOSTILE = List.of(
            "locals {\n  h = local.b\n  b = local.h\n}\n",
            "locals {\n  h = " + "[".repeat(600) + "]".repeat(600) + "\n}\n",
            "locals {\n  h = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "\n}\n",
            "locals {\n  h = templatefile(\"/dev/zero\", {})\n}\n",
            "locals {\n  h = file(\"/dev/urandom\")\n}\n",
            "locals {\n  h = length(setproduct(range(10000), range(10000)))\n}\n",
            "locals {\n  h = regex(\"(a+)+$\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\")\n}\n",
            "locals {\n  h = pow(10, 1000000)\n}\n",
            "locals {\n  h = format(\"%1000000000d\", 1)\n}\n",
            "locals {\n  h = \"" + "${".repeat(400) + "1" + "}".repeat(400) + "\"\n}\n",
            "variable \"v\" {\n  default = var.v\n}\nlocals {\n  h = var.v\n}\n",
            "locals {\n  h = [for i in range(1024) : [for j in range(1024) : \"${i}-${j}\"]]\n}\n",
            "locals {\n  h = strrev(join(\"\", formatlist(\"%s\", range(100000))))\n}\n",
            "locals {\n  h = cidrsubnets(\"10.0.0.0/8\", " + "1, ".repeat(30) + "1)\n}\n")
            .stream().map(b -> b + "output \"hostile\" {\n  value = local.h\n}\n").toList();

    private Mutator() {
    }

    static byte[] mutate(List<String> corpus, long seed, int i) {
        Random r = new Random(seed * 7919L + i);
        StringBuilder s = new StringBuilder(corpus.get(r.nextInt(corpus.size())));
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n && s.length() > 0; k++) {
            int at = r.nextInt(s.length());
            int len = Math.min(s.length() - at, 1 + r.nextInt(40));
            switch (r.nextInt(9)) {
                case 0 -> s.delete(at, at + len);
                case 1 -> s.insert(at, s.substring(at, at + len));
                case 2, 3 -> s.insert(at, TOKENS.get(r.nextInt(TOKENS.size())));
                case 4 -> s.replace(at, at + len, TOKENS.get(r.nextInt(TOKENS.size())));
                case 5 -> {
                    int other = r.nextInt(s.length());
                    String a = s.substring(at, at + len);
                    s.delete(at, at + len);
                    s.insert(Math.min(other, s.length()), a);
                }
                case 6 -> s.setLength(at);
                case 7 -> {
                    int d = s.indexOf("0", at);
                    if (d >= 0) {
                        s.replace(d, d + 1, r.nextBoolean() ? "4294967296" : "1" + "0".repeat(400));
                    }
                }
                default -> s.insert(at, "\u0001");
            }
        }
        if (r.nextInt(20) == 0) {
            s.append('\n').append(HOSTILE.get(r.nextInt(HOSTILE.size())));
        }
        byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
        for (int j = 0; j < b.length; j++) {
            if (b[j] == 1) {
                b[j] = (byte) (r.nextBoolean() ? 0xFF : 0xC3);
            }
        }
        return b;
    }

    static String hostile(int k) {
        return HOSTILE.get(k);
    }

    static int hostileCount() {
        return HOSTILE.size();
    }
}
