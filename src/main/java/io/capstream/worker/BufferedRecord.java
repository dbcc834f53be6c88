package io.capstream.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An input record waiting in the micro-batch buffer. It keeps the raw value (not the decoded image,
 * which is cached in memory only) so the state store and its changelog stay small, and its
 * coordinates so a late failure can still name the original record.
 */
record BufferedRecord(
        String topic,
        int partition,
        long offset,
        long timestampMs,
        long arrivalWallMs,
        String key,
        byte[] value) {

    private static final int FORMAT = 1;

    static Serde<BufferedRecord> serde() {
        Serializer<BufferedRecord> ser = (topic, r) -> r == null ? null : r.toBytes();
        Deserializer<BufferedRecord> de = (topic, b) -> b == null ? null : fromBytes(b);
        return Serdes.serdeFrom(ser, de);
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeUTF(topic);
            out.writeInt(partition);
            out.writeLong(offset);
            out.writeLong(timestampMs);
            out.writeLong(arrivalWallMs);
            out.writeBoolean(key != null);
            if (key != null) {
                out.writeUTF(key);
            }
            out.writeInt(value.length);
            out.write(value);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedRecord fromBytes(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("buffered record format " + format + " is unknown");
            }
            String topic = in.readUTF();
            int partition = in.readInt();
            long offset = in.readLong();
            long ts = in.readLong();
            long arrival = in.readLong();
            String key = in.readBoolean() ? in.readUTF() : null;
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            return new BufferedRecord(topic, partition, offset, ts, arrival, key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
