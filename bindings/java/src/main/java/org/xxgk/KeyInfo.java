package org.xxgk;

/**
 * Everything known about one cell key of a format ({@code xxgk_key_info}), with its official labels.
 *
 * @param index        position in the format's key list (table order)
 * @param kind         what values the cell admits
 * @param key          "requests.granted.natural_person"
 * @param pointer      "/requests/granted/natural_person"
 * @param section      "requests"
 * @param row          "granted"
 * @param column       "natural_person"
 * @param sectionLabel "三、收到和处理政府信息公开申请情况"
 * @param rowGroups    enclosing row groups, outermost first, joined by " › "; "" when none
 * @param rowLabel     "（一）予以公开"
 * @param columnGroup  "法人或其他组织"; "" when none
 * @param columnLabel  "商业企业"
 * @param labelPath    the cell's full Chinese name, section › groups › row › column
 */
public record KeyInfo(long index, CellKind kind, String key, String pointer, String section, String row, String column,
                      String sectionLabel, String rowGroups, String rowLabel, String columnGroup, String columnLabel,
                      String labelPath) {
    static KeyInfo of(Native.KeyInfo k) {
        return new KeyInfo(Native.value(k.index), CellKind.of(k.kind), Native.cString(k.key), Native.cString(k.pointer),
                           Native.cString(k.section), Native.cString(k.row), Native.cString(k.column),
                           Native.cString(k.section_label), Native.cString(k.row_groups), Native.cString(k.row_label),
                           Native.cString(k.column_group), Native.cString(k.column_label), Native.cString(k.label_path));
    }
}
