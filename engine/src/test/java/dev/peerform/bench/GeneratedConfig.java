package dev.peerform.bench;

/**
 * Generates the benchmarks' configurations: N {@code terraform_data} resources in chains of 10, each with an
 * input of eight attributes using a variable, a local, interpolation, function calls, a map, and a reference to
 * the previous resource of its chain. The same text runs through peerform, hcl4j and Terraform.
 */
public final class GeneratedConfig {

    private GeneratedConfig() {
    }

    public static String terraformData(int n) {
        StringBuilder b = new StringBuilder(n * 420);
        b.append("variable \"base_cidr\" {\n  type    = string\n  default = \"10.0.0.0/8\"\n}\n\n");
        b.append("variable \"env\" {\n  default = \"prod\"\n}\n\n");
        b.append("locals {\n  prefix = \"peer\"\n}\n\n");
        for (int i = 0; i < n; i++) {
            int chain = i / 10;
            int pos = i % 10;
            String upstream = pos == 0 ? "\"none\"" : "terraform_data.r" + (i - 1) + ".input.name";
            b.append("resource \"terraform_data\" \"r").append(i).append("\" {\n");
            b.append("  input = {\n");
            b.append("    name     = \"${local.prefix}-").append(i).append("\"\n");
            b.append("    index    = ").append(i).append('\n');
            b.append("    cidr     = cidrsubnet(var.base_cidr, 16, ").append(i).append(")\n");
            b.append("    upstream = ").append(upstream).append('\n');
            b.append("    label    = upper(format(\"%s-%s\", local.prefix, \"n").append(i).append("\"))\n");
            b.append("    enabled  = ").append(i).append(" % 2 == 0\n");
            b.append("    weight   = max(1, ").append(i).append(" * 2)\n");
            b.append("    tags     = { env = var.env, chain = \"").append(chain).append("\", pos = \"").append(pos)
                    .append("\" }\n");
            b.append("  }\n}\n\n");
        }
        b.append("output \"last\" {\n  value = terraform_data.r").append(n - 1).append(".input.label\n}\n");
        return b.toString();
    }

    /**
     * The engine benchmark's configuration: N terraform_data resources in chains of 10, each input a small map
     * using a variable, cidrsubnet and the previous resource's id (unknown until apply).
     */
    public static String chains(int n) {
        StringBuilder b = new StringBuilder(n * 200);
        b.append("variable \"base_cidr\" {\n  default = \"10.0.0.0/8\"\n}\n\n");
        for (int i = 0; i < n; i++) {
            String prev = i % 10 == 0 ? "\"root\"" : "terraform_data.r" + (i - 1) + ".id";
            b.append("resource \"terraform_data\" \"r").append(i).append("\" {\n  input = {\n")
                    .append("    cidr = cidrsubnet(var.base_cidr, 16, ").append(i).append(")\n")
                    .append("    prev = ").append(prev).append('\n')
                    .append("  }\n}\n\n");
        }
        return b.toString();
    }
}
