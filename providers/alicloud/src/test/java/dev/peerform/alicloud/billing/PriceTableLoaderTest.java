package dev.peerform.alicloud.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.alicloud.billing.PriceEntry.Distance;
import dev.peerform.alicloud.billing.PriceEntry.Kind;
import dev.peerform.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableLoaderTest {

    private static final String MINE = """
            {"format_version": 1, "name": "my contract", "currency": "USD",
             "sources": {"contract": {"title": "our 2026 contract"}},
             "prices": [{"id": "all", "kind": "price", "monthly": "12.50", "source": "contract"}]}
            """;

    @TempDir
    Path dir;

    private static Diagnostic only(PriceTableLoader.Result r) {
        assertTrue(r.table().isEmpty(), "a table with problems is not used");
        assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
        return r.diagnostics().get(0);
    }

    private static PriceTableLoader.Result parse(String json) {
        return PriceTableLoader.parse("prices.json", "prices.json", json);
    }

    @Test
    void builtinPriceTableLoadsAndEveryRowAndGroupNamesAPublishedSource() {
        PriceTable t = Tables.builtin();
        assertEquals("builtin", t.origin());
        assertEquals("USD", t.currency());
        assertTrue(t.entries().size() >= 4);
        t.entries().forEach(e -> assertTrue(t.sources().containsKey(e.source()), e.id()));
        t.regionGroups().values().forEach(g -> assertTrue(t.sources().containsKey(g.source()), g.id()));
    }

    @Test
    void builtinPriceTableHasNoCrossRegionPriceButDatedPromotions() {
        for (PriceEntry e : Tables.builtin().entries()) {
            if (e.distance() != Distance.SAME_REGION) {
                assertEquals(Kind.PROMOTION, e.kind(), e.id());
                assertTrue(e.until() != null, e.id());
            }
        }
    }

    @Test
    void priceTableFlagReplacesTheBuiltinTable() throws IOException {
        Files.writeString(dir.resolve("mine.json"), MINE);
        var r = PriceTableLoader.select("mine.json", Map.of(), dir);
        assertEquals("my contract", r.table().orElseThrow().name());
        assertEquals(dir.resolve("mine.json").toString(), r.table().orElseThrow().origin());
    }

    @Test
    void environmentVariableNamesTheTableWhenNoFlagIsGivenAndTheFlagWins() throws IOException {
        Files.writeString(dir.resolve("mine.json"), MINE);
        var env = Map.of(PriceTableLoader.ENVIRONMENT_VARIABLE, "mine.json");
        assertEquals("my contract", PriceTableLoader.select(null, env, dir).table().orElseThrow().name());
        var missingFlag = PriceTableLoader.select("other.json", env, dir);
        assertTrue(only(missingFlag).detail().contains("-price-table names"), missingFlag::toString);
        assertEquals("builtin", PriceTableLoader.select(null, Map.of(), dir).table().orElseThrow().origin());
    }

    @Test
    void missingPriceTableIsADiagnosticNamingTheVariableAndThePath() {
        var env = Map.of(PriceTableLoader.ENVIRONMENT_VARIABLE, "nowhere.json");
        Diagnostic d = only(PriceTableLoader.select(null, env, dir));
        assertEquals("Price table not found", d.summary());
        assertTrue(d.detail().contains("PEERFORM_PRICE_TABLE names " + dir.resolve("nowhere.json")), d.detail());
    }

    @Test
    void priceTableThatIsNotJsonNamesFileLineAndColumn() {
        Diagnostic d = only(parse("{\n  \"format_version\": 1,\n  \"currency\": USD\n}"));
        assertEquals("Price table is not valid JSON", d.summary());
        assertEquals("prices.json", d.subject().filename());
        assertEquals(3, d.subject().start().line());
        // Jackson places the error at the end of the bad token USD (columns 15-17)
        assertTrue(d.subject().start().column() >= 15 && d.subject().start().column() <= 18, d::toString);
    }

    @Test
    void negativeMonthlyChargeIsRefusedAtItsLine() {
        Diagnostic d = only(parse("""
                {"format_version": 1, "currency": "USD",
                 "sources": {"s": {"title": "t"}},
                 "prices": [
                   {"id": "a", "kind": "price",
                    "monthly": "-5", "source": "s"}]}
                """));
        assertEquals("Invalid price table", d.summary());
        assertEquals(5, d.subject().start().line());
        assertTrue(d.detail().contains("at prices[0].monthly"), d.detail());
        assertTrue(d.toString().contains("prices.json:5,"), d.toString());
    }

    @Test
    void promotionWithoutAnEndDateIsRefused() {
        Diagnostic d = only(parse("""
                {"format_version": 1, "currency": "USD", "sources": {"s": {"title": "t"}},
                 "prices": [{"id": "p", "kind": "promotion", "monthly": "0", "source": "s"}]}
                """));
        assertTrue(d.detail().contains("a promotion needs its end date"), d.detail());
        assertEquals(2, d.subject().start().line());
    }

    @Test
    void priceWithoutAKnownSourceIsRefused() {
        Diagnostic d = only(parse("""
                {"format_version": 1, "currency": "USD", "sources": {"s": {"title": "t"}},
                 "prices": [{"id": "a", "kind": "price", "monthly": "1", "source": "hearsay"}]}
                """));
        assertTrue(d.detail().contains("no source \"hearsay\""), d.detail());
    }

    @Test
    void misspeltKeyIsRefusedRatherThanIgnored() {
        Diagnostic d = only(parse("""
                {"format_version": 1, "currency": "USD", "sources": {"s": {"title": "t"}},
                 "prices": [{"id": "a", "kind": "price", "monthly": "1", "source": "s", "bandwith_mbps": 1000}]}
                """));
        assertTrue(d.detail().contains("unknown key \"bandwith_mbps\""), d.detail());
        assertTrue(d.detail().contains("at prices[0].bandwith_mbps"), d.detail());
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        var r = parse("""
                {"format_version": 2, "currency": "USD", "sources": {"s": {"title": "t"}},
                 "prices": [{"id": "a", "kind": "sale", "monthly": "1", "source": "s", "until": "2020-13-01"},
                            {"id": "a", "kind": "price", "monthly": "1", "source": "s"}]}
                """);
        List<String> details = r.diagnostics().stream().map(Diagnostic::detail).toList();
        assertEquals(4, details.size(), details::toString);
        assertTrue(details.stream().anyMatch(s -> s.startsWith("format_version must be 1")));
        assertTrue(details.stream().anyMatch(s -> s.contains("not \"sale\"")));
        assertTrue(details.stream().anyMatch(s -> s.contains("not \"2020-13-01\"")));
        assertTrue(details.stream().anyMatch(s -> s.contains("the id \"a\" is used by another row")));
    }

    @Test
    void betweenNamesTwoDifferentRegions() {
        Diagnostic d = only(parse("""
                {"format_version": 1, "currency": "USD", "sources": {"s": {"title": "t"}},
                 "prices": [{"id": "a", "kind": "price", "between": ["cn-beijing", "cn-beijing"], "monthly": "1",
                             "source": "s"}]}
                """));
        assertTrue(d.detail().contains("two different regions"), d.detail());
    }
}
