package dev.peerform.json;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * JSON as Terraform writes it, for every file and every {@code -json} output: numbers read exactly, and written
 * indented the way Terraform indents (two spaces, {@code "key": value}, empty {@code []} and <code>{}</code>).
 */
public final class TerraformJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")).withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private TerraformJson() {
    }

    /** One line, as Terraform's {@code show -json} prints. */
    public static String compact(JsonNode n) throws IOException {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n);
    }
}
