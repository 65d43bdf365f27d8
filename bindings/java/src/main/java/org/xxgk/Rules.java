package org.xxgk;

import com.sun.jna.ptr.PointerByReference;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule catalog: every code validation can produce ({@code xxgk_rule_count}, {@code xxgk_rule_at},
 * {@code xxgk_rule_find}; docs/rules.md). A static table: safe from any thread.
 */
public final class Rules {
    private Rules() {}

    /**
     * The number of entries.
     *
     * @return the count
     */
    public static long count() {
        return Native.value(Native.Lib.xxgk_rule_count());
    }

    /**
     * Entry {@code index}, in code order.
     *
     * @param index 0-based, below {@link #count()}
     * @return the entry
     * @throws XxgkException {@link Status#NOT_FOUND} past the end, {@link Status#INVALID_ARGUMENT} when negative
     */
    public static Rule at(long index) {
        Args.size(index, "index");
        Native.RuleInfo r = new Native.RuleInfo();
        PointerByReference err = new PointerByReference();
        Native.check(Native.Lib.xxgk_rule_at(Native.size(index), r, err), err);
        return Rule.of(r);
    }

    /**
     * The entry of a code.
     *
     * @param code "XXGK-T3-004"
     * @return the entry
     * @throws XxgkException {@link Status#NOT_FOUND} for a code not in the catalog, {@link Status#INVALID_ARGUMENT} for null
     */
    public static Rule find(String code) {
        byte[] z = Native.cString(code, "code");
        Native.RuleInfo r = new Native.RuleInfo();
        PointerByReference err = new PointerByReference();
        Native.check(Native.Lib.xxgk_rule_find(z, Native.len(z), r, err), err);
        return Rule.of(r);
    }

    /**
     * The whole catalog, in code order.
     *
     * @return an immutable list
     */
    public static List<Rule> all() {
        long n = count();
        List<Rule> rules = new ArrayList<>((int) n);
        for (long i = 0; i < n; ++i) rules.add(at(i));
        return List.copyOf(rules);
    }
}
