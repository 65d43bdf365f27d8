// The ruling lines of a PDF's pages, read from the content streams with qpdf (Debian libqpdf-dev):
// qpdf tokenises the content streams (and Form XObjects) into operands and operators; this file
// keeps the graphics state that places a path on the page (q/Q, cm, the Form's /Matrix) and the
// paint that makes it visible, and records thin straight shapes as rules. Word and WPS stroke
// their borders as lines (m/l/S); Chromium fills them as 1 px rectangles (re/f).
#include "pdf_rules.hpp"

// qpdf 11: std::shared_ptr throughout, none of its legacy PointerHolder (qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pipeline.hh>

#include <algorithm>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <set>
#include <utility>

namespace xxgk::import_detail {
namespace {

/// An affine map [a b c d e f] as PDF writes it: (x, y) → (a x + c y + e, b x + d y + f).
struct affine {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    std::pair<double, double> apply(double x, double y) const { return {a * x + c * y + e, b * x + d * y + f}; }
    /// `m` applied first, then this (PDF's `cm`: CTM' = m × CTM).
    affine after(const affine& m) const {
        return {m.a * a + m.b * c, m.a * b + m.b * d,     m.c * a + m.d * c,
                m.c * b + m.d * d, m.e * a + m.f * c + e, m.e * b + m.f * d + f};
    }
};

constexpr double kThin = 2.5;      ///< thicker filled shapes are backgrounds, not rules (points)
constexpr double kShortest = 3.0;  ///< shorter segments are glyph-like marks, not rules
constexpr std::size_t kObjectBudget = 1'000'000;
constexpr int kFormDepth = 8;
constexpr std::size_t kRulesPerPage = 20'000;
/// qpdf holds a content stream decoded in memory while it tokenises it: a Flate bomb (a few KB
/// that inflate to gigabytes) is measured first, by decoding into this counter, and not parsed
/// when larger.
constexpr std::size_t kContentBytes = 32u << 20;

class byte_counter : public Pipeline {
public:
    byte_counter() : Pipeline("xxgk content size", nullptr) {}
    void write(unsigned char const*, size_t len) override {
        bytes += len;
        // qpdf reports a throwing pipeline as a stream error and stops decoding.
        if (bytes > kContentBytes) throw std::length_error("content stream larger than the limit");
    }
    void finish() override {}
    std::size_t bytes = 0;
};

struct graphics {
    affine ctm;
    bool fill_white = false, stroke_white = false;
};

/// White in any of the device colour spaces (1 g, 1 1 1 rg, 0 0 0 0 k).
bool white(const std::vector<double>& v) {
    if (v.size() == 1) return v[0] >= 0.999;
    if (v.size() == 3) return v[0] >= 0.999 && v[1] >= 0.999 && v[2] >= 0.999;
    if (v.size() == 4) return v[0] <= 0.001 && v[1] <= 0.001 && v[2] <= 0.001 && v[3] <= 0.001;
    return false;
}

class rule_reader : public QPDFObjectHandle::ParserCallbacks {
public:
    rule_reader(page_rules& out, affine to_device, QPDFObjectHandle resources, std::size_t& objects, int depth,
                std::set<QPDFObjGen>& forms_open)
        : out_(out), resources_(std::move(resources)), objects_(objects), depth_(depth), forms_open_(forms_open) {
        gs_.ctm = to_device;
    }

    void handleObject(QPDFObjectHandle obj, size_t, size_t) override {
        if (++objects_ > kObjectBudget) {
            terminateParsing();  // qpdf ends the parse; read_pdf_rules sees the budget spent
            return;
        }
        if (!obj.isOperator()) {
            if (obj.isNumber())
                numbers_.push_back(obj.getNumericValue());
            else if (obj.isName())
                name_ = obj.getName();
            operands_ = true;
            return;
        }
        op(obj.getOperatorValue());
        numbers_.clear();
        name_.clear();
        operands_ = false;
    }
    void handleEOF() override {}

    graphics gs_;

private:
    struct point {
        double x, y;
    };
    struct subpath {
        std::vector<point> pts;  ///< device coordinates
        bool straight = true;    ///< no curve segment
        bool rect = false;       ///< from `re`
    };

    void op(const std::string& o) {
        const auto n = numbers_.size();
        if (o == "q") {
            stack_.push_back(gs_);
        } else if (o == "Q") {
            if (!stack_.empty()) {
                gs_ = stack_.back();
                stack_.pop_back();
            }
        } else if (o == "cm" && n == 6) {
            gs_.ctm = gs_.ctm.after({numbers_[0], numbers_[1], numbers_[2], numbers_[3], numbers_[4], numbers_[5]});
        } else if (o == "m" && n == 2) {
            path_.push_back({{dev(numbers_[0], numbers_[1])}});
        } else if (o == "l" && n == 2) {
            if (path_.empty())
                path_.push_back({{dev(numbers_[0], numbers_[1])}});
            else
                path_.back().pts.push_back(dev(numbers_[0], numbers_[1]));
        } else if ((o == "c" && n == 6) || ((o == "v" || o == "y") && n == 4)) {
            if (path_.empty()) path_.emplace_back();
            path_.back().straight = false;
            path_.back().pts.push_back(dev(numbers_[n - 2], numbers_[n - 1]));
        } else if (o == "h") {
            if (!path_.empty() && !path_.back().pts.empty()) path_.back().pts.push_back(path_.back().pts.front());
        } else if (o == "re" && n == 4) {
            const double x = numbers_[0], y = numbers_[1], w = numbers_[2], h = numbers_[3];
            subpath s;
            s.rect = true;
            s.pts = {dev(x, y), dev(x + w, y), dev(x + w, y + h), dev(x, y + h), dev(x, y)};
            path_.push_back(std::move(s));
        } else if (o == "S" || o == "s") {
            if (!gs_.stroke_white) stroke();
            path_.clear();
        } else if (o == "f" || o == "F" || o == "f*") {
            if (!gs_.fill_white) fill();
            path_.clear();
        } else if (o == "B" || o == "B*" || o == "b" || o == "b*") {
            if (!gs_.fill_white) fill();
            if (!gs_.stroke_white) stroke();
            path_.clear();
        } else if (o == "n") {
            path_.clear();
        } else if (o == "g" || o == "rg" || o == "k" || o == "sc" || o == "scn") {
            gs_.fill_white = white(numbers_);
        } else if (o == "G" || o == "RG" || o == "K" || o == "SC" || o == "SCN") {
            gs_.stroke_white = white(numbers_);
        } else if (o == "cs") {
            gs_.fill_white = false;
        } else if (o == "CS") {
            gs_.stroke_white = false;
        } else if (o == "Do" && !name_.empty()) {
            form(name_);
        }
    }

    point dev(double x, double y) const {
        const auto [dx, dy] = gs_.ctm.apply(x, y);
        return {dx, dy};
    }

    void add(bool horizontal, double from, double to, double at) {
        if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(at)) return;
        if (to < from) std::swap(from, to);
        if (to - from < kShortest) return;
        auto& list = horizontal ? out_.horizontal : out_.vertical;
        if (list.size() >= kRulesPerPage) return;
        list.push_back({from, to, at});
    }

    /// A straight segment that runs along an axis (within a tenth of a point per 10 points).
    void segment(point p, point q) {
        const double dx = std::abs(q.x - p.x), dy = std::abs(q.y - p.y);
        if (dy <= 0.01 * dx + 0.1)
            add(true, p.x, q.x, (p.y + q.y) / 2);
        else if (dx <= 0.01 * dy + 0.1)
            add(false, p.y, q.y, (p.x + q.x) / 2);
    }

    void stroke() {
        for (const subpath& s : path_)
            if (s.straight)
                for (std::size_t k = 1; k < s.pts.size(); ++k) segment(s.pts[k - 1], s.pts[k]);
    }

    /// A filled axis-aligned rectangle thin in one direction is a rule along the other.
    void fill() {
        for (const subpath& s : path_) {
            if (!s.straight || s.pts.size() < 4) continue;
            double l = 1e300, r = -1e300, t = 1e300, b = -1e300;
            for (const point& p : s.pts) {
                l = std::min(l, p.x);
                r = std::max(r, p.x);
                t = std::min(t, p.y);
                b = std::max(b, p.y);
            }
            // Axis-aligned: every corner on the bounding box's edges.
            const bool aligned = std::all_of(s.pts.begin(), s.pts.end(), [&](const point& p) {
                return (std::abs(p.x - l) < 0.05 || std::abs(p.x - r) < 0.05) &&
                       (std::abs(p.y - t) < 0.05 || std::abs(p.y - b) < 0.05);
            });
            if (!aligned) continue;
            const double w = r - l, h = b - t;
            if (h <= kThin && w > h)
                add(true, l, r, (t + b) / 2);
            else if (w <= kThin && h > w)
                add(false, t, b, (l + r) / 2);
        }
    }

    /// A Form XObject painted with `Do`: its content read with the Form's /Matrix after the CTM.
    void form(const std::string& name) {
        if (depth_ >= kFormDepth || !resources_.isDictionary()) return;
        QPDFObjectHandle xobjects = resources_.getKey("/XObject");
        if (!xobjects.isDictionary()) return;
        QPDFObjectHandle x = xobjects.getKey(name);
        if (!x.isStream()) return;
        QPDFObjectHandle dict = x.getDict();
        if (!dict.getKey("/Subtype").isNameAndEquals("/Form")) return;
        const QPDFObjGen id = x.getObjGen();
        if (forms_open_.count(id)) return;  // a Form that paints itself
        affine m;
        QPDFObjectHandle matrix = dict.getKey("/Matrix");
        if (matrix.isArray() && matrix.getArrayNItems() == 6) {
            double v[6];
            for (int k = 0; k < 6; ++k) {
                QPDFObjectHandle e = matrix.getArrayItem(k);
                if (!e.isNumber()) return;
                v[k] = e.getNumericValue();
            }
            m = {v[0], v[1], v[2], v[3], v[4], v[5]};
        }
        QPDFObjectHandle res = dict.getKey("/Resources");
        {
            byte_counter size;
            try {
                x.pipeStreamData(&size, 0, qpdf_dl_generalized, true);
            } catch (const std::exception&) {}
            if (size.bytes > kContentBytes) return;
        }
        forms_open_.insert(id);
        rule_reader inner(out_, gs_.ctm.after(m), res.isDictionary() ? res : resources_, objects_, depth_ + 1,
                          forms_open_);
        inner.gs_.fill_white = gs_.fill_white;
        inner.gs_.stroke_white = gs_.stroke_white;
        try {
            x.parseAsContents(&inner);
        } catch (const std::exception&) {
            // A damaged Form: its rules so far are kept, the page goes on.
        }
        forms_open_.erase(id);
        if (objects_ > kObjectBudget) terminateParsing();
    }

    page_rules& out_;
    QPDFObjectHandle resources_;
    std::size_t& objects_;
    int depth_;
    std::set<QPDFObjGen>& forms_open_;
    std::vector<graphics> stack_;
    std::vector<subpath> path_;
    std::vector<double> numbers_;
    std::string name_;
    bool operands_ = false;
};

}  // namespace

pdf_rules read_pdf_rules(std::string_view pdf, std::size_t page_count) {
    pdf_rules result;
    result.pages.resize(page_count);
    std::size_t objects = 0;
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.setAttemptRecovery(true);
        q.processMemoryFile("report.pdf", pdf.data(), pdf.size());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
        for (std::size_t i = 0; i < pages.size() && i < page_count; ++i) {
            QPDFPageObjectHelper& page = pages[i];
            try {
                QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
                if (rotate.isInteger() && rotate.getIntValue() % 360 != 0) {
                    result.problems.push_back("page " + std::to_string(i + 1) + " is rotated; its rules are not read");
                    continue;
                }
                const QPDFObjectHandle::Rectangle crop = page.getCropBox().getArrayAsRectangle();
                // poppler's text boxes: origin at the crop box's top left, y downwards.
                const affine to_device{1, 0, 0, -1, -std::min(crop.llx, crop.urx), std::max(crop.lly, crop.ury)};
                {
                    byte_counter size;
                    try {
                        page.pipeContents(&size);
                    } catch (const std::exception&) {}
                    if (size.bytes > kContentBytes) {
                        result.problems.push_back("page " + std::to_string(i + 1) +
                                                  ": its content streams decode to more than " +
                                                  std::to_string(kContentBytes >> 20) + " MiB");
                        continue;
                    }
                }
                std::set<QPDFObjGen> forms_open;
                rule_reader reader(result.pages[i], to_device, page.getAttribute("/Resources", false), objects, 0,
                                   forms_open);
                page.parseContents(&reader);
                if (objects > kObjectBudget) {
                    result.pages[i] = {};
                    result.problems.push_back("the content streams hold more than " + std::to_string(kObjectBudget) +
                                              " objects; the rules of page " + std::to_string(i + 1) +
                                              " and of the pages after it are not read");
                    break;
                }
            } catch (const std::exception& e) {
                result.problems.push_back("page " + std::to_string(i + 1) + ": " + e.what());
            }
        }
    } catch (const std::exception& e) {
        result.problems.push_back(e.what());
    }
    return result;
}

}  // namespace xxgk::import_detail
