package org.xxgk;

import java.util.List;

/**
 * Where one cell of an aggregated report came from ({@code xxgk_sources}): indexes into the parts
 * given to {@link Reports#aggregate}.
 *
 * @param key     the cell key
 * @param summed  parts whose cell held a number (an explicit 0 included): in the sum
 * @param blank   parts whose cell was blank or not applicable: not added
 * @param unknown parts whose cell was unreadable, not captured, money without a unit, or overflowed:
 *                the sum is a lower bound
 */
public record CellSources(String key, List<Integer> summed, List<Integer> blank, List<Integer> unknown) {}
