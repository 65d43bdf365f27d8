package org.xxgk;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One statistical cell as {@link Report#cell} read it ({@code xxgk_cell}): its state, the exact
 * value with its unit, and the text as printed. Immutable; a copy, so it stays valid when the report
 * changes or closes.
 *
 * @param state what the cell holds; a blank is never a zero
 * @param kind  what values the cell's key admits
 * @param unit  the unit written with a money value; {@link Unit#NONE} unless a number with a unit
 * @param value the exact value when {@code state} is {@link CellState#NUMBER}, else null
 * @param raw   the text as printed ("1,234", "—"), null when not known (set by hand, or by JSON without it)
 */
public record Cell(CellState state, CellKind kind, Unit unit, BigDecimal value, String raw) {
    /**
     * Whether the cell holds a number (an explicit 0 included).
     *
     * @return true for {@link CellState#NUMBER}
     */
    public boolean isNumber() {
        return state == CellState.NUMBER;
    }

    /**
     * The value, when the cell holds a number.
     *
     * @return the value, or empty
     */
    public Optional<BigDecimal> number() {
        return Optional.ofNullable(value);
    }

    /**
     * The printed text, when known.
     *
     * @return the raw text, or empty
     */
    public Optional<String> rawText() {
        return Optional.ofNullable(raw);
    }
}
