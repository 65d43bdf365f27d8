// RFC 4180 CSV writing shared by every CSV the library produces (cells, rendered tables, corpus
// runs, fault manifests). Internal header.
#ifndef XXGK_SRC_CSV_HPP
#define XXGK_SRC_CSV_HPP

#include "xxgk/detail/traits.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::detail {

/// Appends one field: quoted when it holds a comma, a quote or a line break, quotes doubled.
inline void csv_field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

/// Appends one line of fields and "\n".
inline void csv_line(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        csv_field(out, fields[i]);
    }
    out += '\n';
}

/// Appends the member names of the described struct T (all std::string members), comma-separated,
/// without a line end: the header of a CSV of T records.
template <class T>
void csv_header_fields(std::string& out) {
    bool first = true;
    for_each_member<T>([&](auto d) {
        if (!first) out += ',';
        first = false;
        out += d.name;
    });
}

/// Appends the members of a described record (all std::string members), comma-separated, without
/// a line end.
template <class T>
void csv_record_fields(std::string& out, const T& rec) {
    bool first = true;
    for_each_member<T>([&](auto d) {
        if (!first) out += ',';
        first = false;
        csv_field(out, rec.*d.pointer);
    });
}

}  // namespace xxgk::detail

#endif
