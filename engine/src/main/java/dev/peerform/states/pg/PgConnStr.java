package dev.peerform.states.pg;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Terraform's conn_str read as Terraform's driver (lib/pq) reads it, then said to the JDBC driver.
 *
 * <p>Both spellings lib/pq takes: a {@code postgres://} (or {@code postgresql://}) URL, and libpq's
 * {@code key=value} pairs (values may be single-quoted). What the string leaves out comes from the libpq
 * environment variables lib/pq honours (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE, ...), then
 * from lib/pq's defaults: localhost, port 5432, the current OS user, and sslmode=require (lib/pq requires TLS
 * unless told otherwise, where libpq would only prefer it; following it keeps a connection Terraform would
 * refuse from silently going in the clear). Parameters neither driver knows are sent to the server as run-time
 * settings, as lib/pq does.
 *
 * <p>The string holds credentials: no message here ever repeats it or a value from it.
 */
record PgConnStr(String jdbcUrl, Properties properties) {

    private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("host", "PGHOST"), Map.entry("port", "PGPORT"), Map.entry("dbname", "PGDATABASE"),
            Map.entry("user", "PGUSER"), Map.entry("password", "PGPASSWORD"), Map.entry("sslmode", "PGSSLMODE"),
            Map.entry("sslcert", "PGSSLCERT"), Map.entry("sslkey", "PGSSLKEY"),
            Map.entry("sslrootcert", "PGSSLROOTCERT"), Map.entry("connect_timeout", "PGCONNECT_TIMEOUT"),
            Map.entry("application_name", "PGAPPNAME"), Map.entry("options", "PGOPTIONS"));

    /** lib/pq's name -> the JDBC driver's property, for the parameters both know. */
    private static final Map<String, String> JDBC_PROPERTY = Map.of(
            "user", "user", "password", "password", "sslmode", "sslmode", "sslcert", "sslcert",
            "sslkey", "sslkey", "sslrootcert", "sslrootcert", "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName");

    /**
     * @throws IllegalArgumentException saying what is wrong, never what the string holds
     */
    static PgConnStr parse(String connStr, Map<String, String> env, String osUser) {
        Map<String, String> given = connStr.startsWith("postgres://") || connStr.startsWith("postgresql://")
                ? fromUrl(connStr) : fromPairs(connStr);
        Map<String, String> all = new LinkedHashMap<>();
        ENVIRONMENT.forEach((key, variable) -> {
            String value = env.get(variable);
            if (value != null && !value.isEmpty()) all.put(key, value);
        });
        all.putAll(given);
        all.putIfAbsent("host", "localhost");
        all.putIfAbsent("port", "5432");
        all.putIfAbsent("user", osUser);
        all.putIfAbsent("sslmode", "require");
        all.putIfAbsent("application_name", "peerform");

        String host = all.remove("host");
        if (host.startsWith("/")) {
            throw new IllegalArgumentException("conn_str names a unix socket directory as its host; peerform "
                    + "connects over TCP only: give a host name or address");
        }
        if (host.contains(",")) throw new IllegalArgumentException("conn_str names several hosts; give one");
        String port = all.remove("port");
        if (!port.matches("[0-9]{1,5}")) throw new IllegalArgumentException("conn_str has a port that is not a number");
        // without a database name the server takes the user's, as libpq and lib/pq do
        String dbname = all.remove("dbname");
        if (dbname == null || dbname.isEmpty()) dbname = all.get("user");
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String url = "jdbc:postgresql://" + hostPart + ":" + port + "/"
                + pathSegment(dbname);

        Properties properties = new Properties();
        StringBuilder options = new StringBuilder(all.getOrDefault("options", ""));
        all.remove("options");
        all.forEach((key, value) -> {
            String property = JDBC_PROPERTY.get(key);
            if (property != null) {
                properties.setProperty(property, value);
            } else if (key.matches("[a-z_][a-z0-9_.]*")) {
                if (!options.isEmpty()) options.append(' ');
                options.append("-c ").append(key).append('=').append(value.replace("\\", "\\\\").replace(" ", "\\ "));
            } else {
                throw new IllegalArgumentException("conn_str has a parameter name that is not valid: " + key);
            }
        });
        if (!options.isEmpty()) properties.setProperty("options", options.toString());
        return new PgConnStr(url, properties);
    }

    private static Map<String, String> fromUrl(String connStr) {
        URI uri;
        try {
            uri = new URI(connStr);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("conn_str is not a valid postgres:// URL");
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            out.put("user", decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) out.put("password", decode(info.substring(colon + 1)));
        }
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            String host = uri.getHost();
            out.put("host", host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } else if (uri.getRawAuthority() != null && uri.getHost() == null) {
            throw new IllegalArgumentException("conn_str is not a valid postgres:// URL: its host cannot be read");
        }
        if (uri.getPort() >= 0) out.put("port", Integer.toString(uri.getPort()));
        String path = uri.getRawPath();
        if (path != null && path.length() > 1) out.put("dbname", decode(path.substring(1)));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    /** libpq's key=value pairs: spaces between pairs, values bare or single-quoted with backslash escapes. */
    private static Map<String, String> fromPairs(String connStr) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = connStr.length();
        while (true) {
            while (i < n && Character.isWhitespace(connStr.charAt(i))) i++;
            if (i >= n) return out;
            int keyStart = i;
            while (i < n && connStr.charAt(i) != '=' && !Character.isWhitespace(connStr.charAt(i))) i++;
            String key = connStr.substring(keyStart, i);
            while (i < n && Character.isWhitespace(connStr.charAt(i))) i++;
            if (i >= n || connStr.charAt(i) != '=') {
                // not the word itself: after a badly quoted value it may be a piece of a password
                throw new IllegalArgumentException("conn_str is not key=value pairs: no \"=\" after the word at "
                        + "character " + (keyStart + 1));
            }
            i++;
            while (i < n && Character.isWhitespace(connStr.charAt(i))) i++;
            StringBuilder value = new StringBuilder();
            if (i < n && connStr.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("conn_str: unterminated quoted value of " + key);
                    char c = connStr.charAt(i++);
                    if (c == '\'') break;
                    if (c == '\\') {
                        if (i >= n) throw new IllegalArgumentException("conn_str: unterminated quoted value of " + key);
                        c = connStr.charAt(i++);
                    }
                    value.append(c);
                }
            } else {
                while (i < n && !Character.isWhitespace(connStr.charAt(i))) {
                    char c = connStr.charAt(i++);
                    if (c == '\\' && i < n) c = connStr.charAt(i++);
                    value.append(c);
                }
            }
            out.put(key, value.toString());
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A database name as one percent-encoded path segment of the JDBC URL. */
    private static String pathSegment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0) out.append(c);
            else out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    /** Never the credentials. */
    @Override
    public String toString() {
        return "PgConnStr[" + jdbcUrl + ", user=" + properties.getProperty("user") + "]";
    }
}
