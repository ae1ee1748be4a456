package dev.peerform.alicloud.transport;

import dev.peerform.vpcapi.wire.Product;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each product's calls go. On the real cloud (the provider's endpoint is an {@code aliyuncs.com} host) each
 * product has its own host, as the official provider resolves it for the region: VPC the endpoint given, ECS
 * {@code ecs.<region>.aliyuncs.com}, STS {@code sts.<region>.aliyuncs.com}, Resource Manager
 * {@code resourcemanager.aliyuncs.com}, BSS OpenAPI {@code business.aliyuncs.com}. Any other endpoint (the
 * emulator served on loopback, a gateway) answers every product at one URL. An override, from the provider's
 * {@code endpoints {}} block or the official {@code <CODE>_ENDPOINT} variable ({@code ECS_ENDPOINT}), wins; a
 * bare host takes the endpoint's scheme.
 */
public record ProductEndpoints(Map<Product, URI> uris) {

    private static final String CLOUD_DOMAIN = ".aliyuncs.com";

    public ProductEndpoints {
        uris = Map.copyOf(uris);
    }

    public URI of(Product product) {
        return uris.get(product);
    }

    /**
     * @param overrides by product code ({@code vpc}, {@code ecs}, ...): a host or a URL; blank values are ignored
     * @throws IllegalArgumentException naming the product when an override is not a usable URL
     */
    public static ProductEndpoints resolve(URI main, String region, Map<String, String> overrides) {
        String scheme = main.getScheme() == null ? "https" : main.getScheme();
        boolean cloud = main.getHost() != null && main.getHost().toLowerCase(Locale.ROOT).endsWith(CLOUD_DOMAIN);
        Map<Product, URI> out = new EnumMap<>(Product.class);
        for (Product p : Product.values()) {
            String given = overrides.get(p.code());
            if (given != null && !given.isBlank()) {
                out.put(p, parse(p, given.trim(), scheme));
            } else if (cloud && p != Product.VPC) {
                out.put(p, URI.create(scheme + "://" + cloudHost(p, region) + "/"));
            } else {
                out.put(p, main);
            }
        }
        return new ProductEndpoints(out);
    }

    /** A single URL for every product (the emulator on loopback). */
    public static ProductEndpoints single(URI main) {
        Map<Product, URI> out = new EnumMap<>(Product.class);
        for (Product p : Product.values()) {
            out.put(p, main);
        }
        return new ProductEndpoints(out);
    }

    private static String cloudHost(Product p, String region) {
        return switch (p) {
            case VPC -> "vpc." + region + CLOUD_DOMAIN;
            case ECS -> "ecs." + region + CLOUD_DOMAIN;
            case STS -> "sts." + region + CLOUD_DOMAIN;
            case RESOURCE_MANAGER -> "resourcemanager" + CLOUD_DOMAIN;
            case BSS -> "business" + CLOUD_DOMAIN;
        };
    }

    private static URI parse(Product p, String given, String scheme) {
        String text = given.contains("://") ? given : scheme + "://" + given;
        try {
            URI u = new URI(text);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("the endpoint for " + p.code() + " (\"" + given
                        + "\") names no host");
            }
            return u.getPath() == null || u.getPath().isEmpty() ? u.resolve("/") : u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the endpoint for " + p.code() + " (\"" + given + "\") is not a URL: "
                    + e.getReason());
        }
    }
}
