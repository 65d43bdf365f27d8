package org.xxgk;

/**
 * One entry of the rule catalog ({@code xxgk_rule_info}): a code validation can produce.
 *
 * @param code       "XXGK-T3-004"
 * @param rule       "R2", or the family ("header")
 * @param severity   the default severity
 * @param titleZh    short meaning in Chinese
 * @param titleEn    short meaning in English
 * @param templateZh message template; placeholders {cell} {expected} {actual} …
 * @param templateEn message template in English
 */
public record Rule(String code, String rule, Severity severity, String titleZh, String titleEn, String templateZh,
                   String templateEn) {
    static Rule of(Native.RuleInfo r) {
        return new Rule(Native.cString(r.code), Native.cString(r.rule), Severity.of(r.severity), Native.cString(r.title_zh),
                        Native.cString(r.title_en), Native.cString(r.template_zh), Native.cString(r.template_en));
    }
}
