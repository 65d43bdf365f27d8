#include "xxgk/cell.hpp"

namespace xxgk {

cell::cell(const cell& other)
    : value_(other.value_), state_(other.state_), unit_(other.unit_),
      detail_(other.detail_ ? std::make_unique<detail_block>(*other.detail_) : nullptr) {}

cell& cell::operator=(const cell& other) {
    if (this != &other) {
        value_ = other.value_;
        state_ = other.state_;
        unit_ = other.unit_;
        detail_ = other.detail_ ? std::make_unique<detail_block>(*other.detail_) : nullptr;
    }
    return *this;
}

cell cell::number(decimal value, money_unit unit) {
    cell c;
    c.set_value(value, unit);
    return c;
}

cell cell::not_applicable(std::string raw) {
    cell c;
    c.state_ = cell_state::not_applicable;
    c.set_raw(std::move(raw));
    return c;
}

cell cell::text(std::string raw) {
    cell c;
    c.state_ = cell_state::text;
    c.set_raw(std::move(raw));
    return c;
}

cell cell::not_captured() {
    cell c;
    c.state_ = cell_state::not_captured;
    return c;
}

namespace {
const std::optional<std::string> no_raw;
const std::optional<provenance> no_source;
}  // namespace

const std::optional<std::string>& cell::raw() const noexcept { return detail_ ? detail_->raw : no_raw; }
const std::optional<provenance>& cell::source() const noexcept { return detail_ ? detail_->source : no_source; }

cell::detail_block& cell::detail() {
    if (!detail_) detail_ = std::make_unique<detail_block>();
    return *detail_;
}

void cell::trim_detail() noexcept {
    if (detail_ && !detail_->raw && !detail_->source) detail_.reset();
}

void cell::set_raw(std::optional<std::string> raw) {
    if (raw || detail_) detail().raw = std::move(raw);
    trim_detail();
}

void cell::set_source(std::optional<provenance> source) {
    if (source || detail_) detail().source = std::move(source);
    trim_detail();
}

void cell::set_state(cell_state state) noexcept {
    state_ = state;
    if (state != cell_state::number) {
        value_ = decimal();
        unit_ = money_unit::none;
    }
}

void cell::set_value(decimal value, money_unit unit) noexcept {
    state_ = cell_state::number;
    value_ = value;
    unit_ = unit;
}

bool operator==(const cell& a, const cell& b) noexcept {
    if (a.state_ != b.state_ || a.unit_ != b.unit_ || a.value_ != b.value_) return false;
    // Same value, but "1.50" and "1.5" print differently: keep them apart for lossless equality.
    if (a.value_.scale() != b.value_.scale()) return false;
    return a.raw() == b.raw() && a.source() == b.source();
}

}  // namespace xxgk
