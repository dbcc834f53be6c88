package io.capstream.schema.serde;

import java.io.ByteArrayOutputStream;

/** The Confluent wire format header: magic byte 0, then the schema id as a big-endian int. */
public final class WireFormat {

    /** First byte of every record. */
    public static final byte MAGIC_BYTE = 0;

    /** Bytes before the Avro body: the magic byte and the 4-byte schema id. */
    public static final int HEADER_BYTES = 5;

    private WireFormat() {}

    /** Writes the header for a record of schema {@code schemaId}. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * Reads the schema id from a record's header.
     *
     * @throws WireFormatException when the record is shorter than the header or does not start with
     *     the magic byte
     */
    public static int readSchemaId(String topic, byte[] data) {
        if (data.length < HEADER_BYTES) {
            throw new WireFormatException(
                    WireFormatException.Problem.TRUNCATED,
                    topic,
                    -1,
                    "record on topic "
                            + topic
                            + " is truncated: "
                            + data.length
                            + " bytes, but the Confluent wire format header alone needs "
                            + HEADER_BYTES,
                    null);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new WireFormatException(
                    WireFormatException.Problem.UNKNOWN_MAGIC_BYTE,
                    topic,
                    -1,
                    String.format(
                            "record on topic %s (%d bytes) starts with byte 0x%02x, not the"
                                    + " Confluent magic byte 0x00: not written by a schema-registry"
                                    + " Avro serializer",
                            topic, data.length, data[0] & 0xff),
                    null);
        }
        return ((data[1] & 0xff) << 24)
                | ((data[2] & 0xff) << 16)
                | ((data[3] & 0xff) << 8)
                | (data[4] & 0xff);
    }
}
