package org.xxgk;

import java.util.List;

/**
 * One finding of a validation (a row of {@code xxgk_issues}). Immutable. Never parse a message: the
 * other members say everything.
 *
 * @param code      stable code, never reused: "XXGK-T3-004" (docs/rules.md lists every code)
 * @param severity  its severity
 * @param rule      the rule: "R2", or the family ("header")
 * @param key       the cell key; "" when not about one cell
 * @param pointer   the JSON Pointer of that cell or field
 * @param expected  the value the rule expects; "" when none
 * @param actual    the value printed ("blank" for a blank cell)
 * @param cells     the cell keys taking part in the check
 * @param messageZh the message in Chinese, naming cells by their official labels
 * @param messageEn the message in English
 * @param causedBy  "&lt;code&gt; &lt;key&gt;" of the root finding this one follows from (it is then of severity info); "" for a root
 */
public record Finding(String code, Severity severity, String rule, String key, String pointer, String expected,
                      String actual, List<String> cells, String messageZh, String messageEn, String causedBy) {
    /**
     * The message in one language.
     *
     * @param language {@link Language#ZH} or {@link Language#EN}
     * @return the message
     * @throws XxgkException {@link Status#INVALID_ARGUMENT} for a null language
     */
    public String message(Language language) {
        Args.notNull(language, "language");
        return language == Language.ZH ? messageZh : messageEn;
    }
}
