// xxgk — the national report format versions.
#ifndef XXGK_FORMAT_HPP
#define XXGK_FORMAT_HPP

#include <boost/describe/enum.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace xxgk {

/// The national format a report follows. Part of the data and of every API.
enum class format_version : int {
    v2019 = 2019,  ///< 国办公开办函〔2019〕60号, report years 2019 and 2020
    v2021 = 2021,  ///< 国办公开办函〔2021〕30号, report years 2021 onward
};
BOOST_DESCRIBE_ENUM(format_version, v2019, v2021)

/// Every supported format, oldest first.
inline constexpr std::array<format_version, 2> all_formats{format_version::v2019, format_version::v2021};

/// The format's name as used in JSON, the CLI and every binding: "2019" or "2021".
constexpr std::string_view to_string(format_version f) noexcept { return f == format_version::v2019 ? "2019" : "2021"; }

/// Parses "2019" or "2021". Returns nothing for anything else.
constexpr std::optional<format_version> parse_format_version(std::string_view s) noexcept {
    if (s == "2019") return format_version::v2019;
    if (s == "2021") return format_version::v2021;
    return std::nullopt;
}

/// The format that applies to a report year: 2019 for 2019–2020, 2021 from 2021.
/// Returns nothing for years before 2019 (the old 条例's statistics are out of scope).
constexpr std::optional<format_version> format_for_year(int year) noexcept {
    if (year < 2019) return std::nullopt;
    return year <= 2020 ? format_version::v2019 : format_version::v2021;
}

/// The notice that issued the format, e.g. "国办公开办函〔2019〕60号".
constexpr std::string_view notice_of(format_version f) noexcept {
    return f == format_version::v2019 ? "国办公开办函〔2019〕60号" : "国办公开办函〔2021〕30号";
}

}  // namespace xxgk

#endif
