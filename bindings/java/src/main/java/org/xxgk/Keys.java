package org.xxgk;

import com.sun.jna.ptr.PointerByReference;

import java.util.ArrayList;
import java.util.List;

/**
 * The cell keys of a format with their official labels ({@code xxgk_key_count}, {@code xxgk_key_at},
 * {@code xxgk_key_find}): 198 for 2019, 200 for 2021, in table order. Static tables: safe from any thread.
 */
public final class Keys {
    private Keys() {}

    /**
     * How many cell keys a format has.
     *
     * @param format the format
     * @return the count
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null
     */
    public static long count(Format format) {
        return Native.value(Native.Lib.xxgk_key_count(Args.notNull(format, "format").number()));
    }

    /**
     * Key {@code index} of a format, in table order.
     *
     * @param format the format
     * @param index  0-based, below {@link #count}
     * @return the key and its labels
     * @throws XxgkException {@link Status#NOT_FOUND} past the end, {@link Status#INVALID_ARGUMENT}
     *                       for null or a negative index
     */
    public static KeyInfo at(Format format, long index) {
        int f = Args.notNull(format, "format").number();
        Args.size(index, "index");
        Native.KeyInfo k = new Native.KeyInfo();
        PointerByReference err = new PointerByReference();
        Native.check(Native.Lib.xxgk_key_at(f, Native.size(index), k, err), err);
        return KeyInfo.of(k);
    }

    /**
     * The description of a key.
     *
     * @param format the format
     * @param key    "requests.granted.natural_person"
     * @return the key and its labels
     * @throws XxgkException {@link Status#UNKNOWN_KEY} (the message says when the key belongs to the
     *                       other format), {@link Status#INVALID_ARGUMENT} for null
     */
    public static KeyInfo find(Format format, String key) {
        int f = Args.notNull(format, "format").number();
        byte[] z = Native.cString(key, "key");
        Native.KeyInfo k = new Native.KeyInfo();
        PointerByReference err = new PointerByReference();
        Native.check(Native.Lib.xxgk_key_find(f, z, Native.len(z), k, err), err);
        return KeyInfo.of(k);
    }

    /**
     * Every key of a format, in table order.
     *
     * @param format the format
     * @return an immutable list
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for null
     */
    public static List<KeyInfo> all(Format format) {
        long n = count(format);
        List<KeyInfo> keys = new ArrayList<>((int) n);
        for (long i = 0; i < n; ++i) keys.add(at(format, i));
        return List.copyOf(keys);
    }
}
