package org.xxgk.jna;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;

/**
 * C's {@code size_t} for JNA: as wide as the platform's. Internal to the xxgk package — public only
 * because JNA creates instances by reflection; not part of the API and may change in any release.
 */
public final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    /** Zero (the constructor JNA calls). */
    public SizeT() {
        this(0);
    }

    /**
     * A size.
     *
     * @param value the value, read as unsigned
     */
    public SizeT(long value) {
        super(Native.SIZE_T_SIZE, value, true);
    }
}
