package org.xxgk.jna;

import com.sun.jna.Native;
import com.sun.jna.ptr.ByReference;

/**
 * C's {@code size_t *} out-parameter for JNA. Internal to the xxgk package — public only because JNA
 * creates instances by reflection; not part of the API and may change in any release.
 */
public final class SizeTByReference extends ByReference {
    /** A zeroed size_t. */
    public SizeTByReference() {
        super(Native.SIZE_T_SIZE);
        if (Native.SIZE_T_SIZE == 8) getPointer().setLong(0, 0);
        else getPointer().setInt(0, 0);
    }

    /**
     * The value stored.
     *
     * @return the size, read as unsigned
     */
    public long value() {
        return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xffffffffL;
    }
}
