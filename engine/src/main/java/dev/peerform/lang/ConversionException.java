package dev.peerform.lang;

/** A value cannot be converted to the wanted type; the message reads as Terraform's ("a number is required"). */
public final class ConversionException extends Exception {

    public ConversionException(String message) {
        super(message, null, false, false);
    }
}
