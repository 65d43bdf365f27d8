#include "xxgk/report.hpp"

#include "xxgk/error.hpp"
#include "xxgk/detail/traits.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <cstdio>

namespace xxgk {

// ---- calendar_date

bool calendar_date::is_valid() const noexcept {
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string calendar_date::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<calendar_date> calendar_date::parse(std::string_view t) noexcept {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    calendar_date d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day) || !d.is_valid()) return std::nullopt;
    return d;
}

// ---- report

report report::make(format_version format) {
    report r;
    if (format == format_version::v2021) r.tables = tables_2021{};
    return r;
}

format_version report::format() const noexcept {
    return tables.index() == 0 ? format_version::v2019 : format_version::v2021;
}

namespace {

// Member-wise equality derived from the descriptions.
template <class T>
bool equal(const T& a, const T& b) {
    if constexpr (boost::describe::has_describe_members<T>::value) {
        bool same = true;
        detail::for_each_member<T>([&](auto d) { same = same && equal(a.*d.pointer, b.*d.pointer); });
        return same;
    } else if constexpr (detail::is_optional<T>::value) {
        return a.has_value() == b.has_value() && (!a || equal(*a, *b));
    } else if constexpr (detail::is_vector<T>::value) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!equal(a[i], b[i])) return false;
        return true;
    } else if constexpr (std::is_same_v<T, report_tables>) {
        return a.index() == b.index() &&
               std::visit([&](const auto& x) { return equal(x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
    } else if constexpr (std::is_same_v<T, decimal>) {
        return a == b && a.scale() == b.scale();
    } else {
        return a == b;
    }
}

}  // namespace

bool operator==(const report& a, const report& b) {
    return equal(a, b) && a.unknown_members == b.unknown_members;  // described members, then the kept extras
}

// ---- errors

namespace {
std::string summarize(const std::vector<problem>& problems) {
    if (problems.empty()) return "invalid input";
    std::string s = problems.front().pointer.empty() ? problems.front().message
                                                     : problems.front().pointer + ": " + problems.front().message;
    if (problems.size() > 1) s += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    return s;
}
}  // namespace

decode_error::decode_error(std::vector<problem> problems)
    : error(problems.empty() ? errc::invalid_json : problems.front().code, summarize(problems)),
      problems_(std::move(problems)) {}

const char* to_string(errc code) noexcept { return boost::describe::enum_to_string(code, "unknown"); }

}  // namespace xxgk
