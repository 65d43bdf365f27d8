// Scanned pages → placed words and rules (docs/import.md, "Scanned pages"): Leptonica prepares
// the page image (binarisation, deskew, the table rules found by morphology and removed before
// recognition), Tesseract's C++ API reads the words (chi_sim, LSTM), and every number-like word
// is read again on its own box with a digits-only setting (eng), keeping the alternatives of each
// digit from Tesseract's choice iterator. What the words do not cover but the page shows (ink in
// a box no word was read from) becomes a word too, so that a box is never taken for empty when
// something is printed in it.
#include "ocr.hpp"
#include "cells.hpp"

#include <xxgk/error.hpp>
#include <xxgk/text.hpp>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace xxgk::import_detail {
namespace {

struct pix_free {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using pix_ptr = std::unique_ptr<Pix, pix_free>;
struct boxa_free {
    void operator()(Boxa* b) const { boxaDestroy(&b); }
};
using boxa_ptr = std::unique_ptr<Boxa, boxa_free>;
struct box_free {
    void operator()(Box* b) const { boxDestroy(&b); }
};
using box_ptr = std::unique_ptr<Box, box_free>;

/// A digit's choices rated below this (choice iterator, as a fraction) are not alternatives.
constexpr double min_alternative = 0.01;
/// Every digit of a certain value: recognised with a symbol confidence of at least
/// `certain_symbol` (0–100), its choice rated at least `certain_choice`, and no other choice
/// rated `max_rival` or more. (Clean print: digits rate 0.71–0.94, symbol confidence 94–99.5; a
/// 4 misread as 1 rated 0.74.) What is not certain is left to the identities.
constexpr double certain_symbol = 90;
constexpr double certain_choice = 0.8;
constexpr double max_rival = 0.05;
/// Grey levels below the paper at which a smoothed pixel is ink at least (`ink_marks`).
constexpr int faint_margin = 10;
/// Digits whose text is smaller than this (pixels) are read a second time scaled up to it, by at
/// most `max_zoom`.
constexpr int zoom_height = 40;
constexpr double max_zoom = 4;
/// Readings kept per value.
constexpr std::size_t max_readings = 12;
/// Scans finer than this are scaled down before recognition (time grows with the pixels; the
/// digits of a report's tables are read as well at 300 dpi).
constexpr double max_dpi = 300;
/// Largest image read (pixels): a page at 600 dpi is about 35 million.
constexpr double max_pixels = 64e6;

/// The Tesseract engines of the calling thread, loaded on first use (loading chi_sim takes a
/// few tenths of a second): one for the page, one for digits alone.
struct engines {
    tesseract::TessBaseAPI page, digits;
};

engines& thread_engines() {
    thread_local std::unique_ptr<engines> e;
    if (e) return *e;
    static std::once_flag quiet;
    std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });  // Leptonica's stderr chatter
    auto made = std::make_unique<engines>();
    const auto init = [](tesseract::TessBaseAPI& api, const char* lang, const char* package) {
        if (api.Init(nullptr, lang, tesseract::OEM_LSTM_ONLY) != 0)
            throw error(errc::unsupported_kind, std::string("OCR: Tesseract's language data \"") + lang +
                                                    "\" could not be loaded (Debian package " + package +
                                                    "); install it, or import with OCR off");
        api.SetVariable("debug_file", "/dev/null");
    };
    init(made->page, "chi_sim", "tesseract-ocr-chi-sim");
    init(made->digits, "eng", "tesseract-ocr-eng");
    made->digits.SetVariable("tessedit_char_whitelist", "0123456789.-");
    made->digits.SetVariable("lstm_choice_mode", "2");
    made->digits.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    made->page.SetPageSegMode(tesseract::PSM_AUTO);
    // A column of digits in a table ("0" over "0" over "0") is not vertical text.
    made->page.SetVariable("textord_tabfind_vertical_text", "0");
    e = std::move(made);
    return *e;
}

std::string take_text(char* s) {
    std::unique_ptr<char[]> owned(s);
    return s ? trim(std::string(s)) : std::string();
}

/// Characters OCR gives for digits in a number-like word (O for 0, l and | for 1 …).
char32_t digit_of(char32_t c) {
    switch (c) {
        case U'O':
        case U'o':
        case U'D':
        case U'Q':
        case U'〇': return U'0';
        case U'I':
        case U'l':
        case U'|':
        case U'!':
        case U'i': return U'1';
        case U'Z':
        case U'z': return U'2';
        case U'S':
        case U's': return U'5';
        case U'B': return U'8';
        case U'g': return U'9';
        default: return c;
    }
}

/// The page reading of a number-like word in the digits-only alphabet.
std::string as_digits(std::string_view text) {
    std::string out;
    for (char32_t c : to_u32(text)) {
        if (is_space(c) || c == U',' || c == U'，') continue;
        char32_t d = digit_of(c);
        if (d >= U'０' && d <= U'９') d = U'0' + (d - U'０');
        if (d == U'．' || d == U'。') d = U'.';
        if (d == U'－' || d == U'—') d = U'-';
        if ((d >= U'0' && d <= U'9') || d == U'.' || d == U'-') out += static_cast<char>(d);
    }
    return out;
}

/// The digits-only reading of a region of the page: every reading the digits' alternatives make,
/// best first, with its probability; `certain` when each digit is sure.
struct digit_reading {
    std::vector<std::pair<std::string, double>> readings;
    bool certain = false;
};

/// One digits-only pass over a region, scaled by `zoom` (1: as scanned).
digit_reading read_digits_once(engines& e, Pix* page, int l, int t, int r, int b, double zoom) {
    digit_reading out;
    const int w = pixGetWidth(page), h = pixGetHeight(page);
    const int pad_x = std::max(2, (b - t) / 3), pad_y = std::max(2, (b - t) / 5);
    l = std::max(0, l - pad_x);
    t = std::max(0, t - pad_y);
    r = std::min(w, r + pad_x);
    b = std::min(h, b + pad_y);
    if (r - l < 2 || b - t < 2) return out;
    box_ptr box(boxCreate(l, t, r - l, b - t));
    pix_ptr clip(pixClipRectangle(page, box.get(), nullptr));
    if (!clip) return out;
    // A white margin of about a text height: the line recogniser reads a digit pressed against
    // the image's edge poorly, or not at all.
    if (zoom > 1) {
        pix_ptr scaled(pixScaleGrayLI(clip.get(), static_cast<l_float32>(zoom), static_cast<l_float32>(zoom)));
        if (!scaled) return out;
        clip = std::move(scaled);
    }
    pix_ptr crop(pixAddBorder(clip.get(), std::max(8, static_cast<int>(std::lround((b - t) * zoom))), 255));
    if (!crop) return out;
    e.digits.SetImage(crop.get());
    e.digits.SetSourceResolution(static_cast<int>(std::lround((pixGetXRes(page) > 0 ? pixGetXRes(page) : 300) * zoom)));
    if (e.digits.Recognize(nullptr) != 0) return out;
    std::unique_ptr<tesseract::ResultIterator> it(e.digits.GetIterator());
    std::vector<std::vector<std::pair<std::string, double>>> symbols;
    bool certain = true;
    if (it) {
        do {
            if (it->Empty(tesseract::RIL_SYMBOL)) continue;
            const std::string best = take_text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
            std::vector<std::pair<std::string, double>> choices;
            tesseract::ChoiceIterator ci(*it);
            do {
                const char* s = ci.GetUTF8Text();
                if (!s || !*s) continue;
                const double p = ci.Confidence();
                const auto same =
                    std::find_if(choices.begin(), choices.end(), [&](const auto& c) { return c.first == s; });
                if (same != choices.end())
                    same->second = std::max(same->second, p);
                else
                    choices.push_back({s, p});
            } while (ci.Next());
            const double symbol_confidence = it->Confidence(tesseract::RIL_SYMBOL);
            if (choices.empty() && !best.empty()) choices.push_back({best, symbol_confidence});
            // The choice iterator rates each choice from 0 to 100 (LSTM: not probabilities that
            // add up); as fractions below.
            for (auto& c : choices) c.second = std::clamp(c.second / 100.0, 0.0, 1.0);
            std::stable_sort(choices.begin(), choices.end(),
                             [](const auto& a, const auto& c) { return a.second > c.second; });
            if (choices.empty()) continue;
            if (choices.front().first != best || symbol_confidence < certain_symbol ||
                choices.front().second < certain_choice || (choices.size() > 1 && choices[1].second >= max_rival))
                certain = false;
            std::vector<std::pair<std::string, double>> kept;
            for (const auto& c : choices)
                if (kept.empty() || (c.second >= min_alternative && kept.size() < 3)) kept.push_back(c);
            symbols.push_back(std::move(kept));
        } while (it->Next(tesseract::RIL_SYMBOL));
    }
    if (symbols.empty()) return out;
    // Every combination of the digits' choices, by probability (a beam of max_readings).
    std::vector<std::pair<std::string, double>> beam{{std::string(), 1.0}};
    for (const auto& choices : symbols) {
        std::vector<std::pair<std::string, double>> next;
        for (const auto& b0 : beam)
            for (const auto& c : choices) next.push_back({b0.first + c.first, b0.second * c.second});
        std::stable_sort(next.begin(), next.end(), [](const auto& a, const auto& c) { return a.second > c.second; });
        if (next.size() > max_readings) next.resize(max_readings);
        beam = std::move(next);
    }
    out.readings = std::move(beam);
    out.certain = certain;
    return out;
}

/// The digits-only reading of a region: read as scanned and, when its text is smaller than
/// `zoom_height` pixels, once more scaled up to that height (the line recogniser reads small,
/// blurred digits better larger). The readings of both passes together, each with its better
/// probability; certain when one pass is certain and both passes agree on the best reading.
digit_reading read_digits(engines& e, Pix* page, int l, int t, int r, int b) {
    digit_reading first = read_digits_once(e, page, l, t, r, b, 1);
    const int height = b - t;
    if (height <= 0 || height >= zoom_height || !ocr_steps_in_use().zoom) return first;
    const double zoom = std::min(max_zoom, static_cast<double>(zoom_height) / height);
    digit_reading second = read_digits_once(e, page, l, t, r, b, zoom);
    if (second.readings.empty()) {
        first.certain = false;
        return first;
    }
    if (first.readings.empty()) {
        second.certain = false;
        return second;
    }
    digit_reading out;
    out.certain = (first.certain || second.certain) && first.readings.front().first == second.readings.front().first;
    out.readings = first.readings;
    for (const std::pair<std::string, double>& reading : second.readings) {
        const auto same = std::find_if(out.readings.begin(), out.readings.end(),
                                       [&](const auto& x) { return x.first == reading.first; });
        if (same != out.readings.end())
            same->second = std::max(same->second, reading.second);
        else
            out.readings.push_back(reading);
    }
    std::stable_sort(out.readings.begin(), out.readings.end(),
                     [](const auto& a, const auto& c) { return a.second > c.second; });
    // The agreed reading first (a tie in probability must not put another before it).
    if (out.certain) {
        const auto agreed = std::find_if(out.readings.begin(), out.readings.end(),
                                         [&](const auto& x) { return x.first == first.readings.front().first; });
        std::rotate(out.readings.begin(), agreed, agreed + 1);
    }
    if (out.readings.size() > max_readings) out.readings.resize(max_readings);
    return out;
}

/// A connected piece of ink of a binary image: its bounding box in pixels.
struct component {
    int x = 0, y = 0, w = 0, h = 0;
};

/// The pieces of ink of a binary image (8-connected), as Leptonica finds them.
std::vector<component> components(Pix* binary) {
    std::vector<component> out;
    boxa_ptr boxes(pixConnCompBB(binary, 8));
    const int n = boxes ? boxaGetCount(boxes.get()) : 0;
    for (int i = 0; i < n; ++i) {
        component c;
        boxaGetBoxGeometry(boxes.get(), i, &c.x, &c.y, &c.w, &c.h);
        out.push_back(c);
    }
    return out;
}

/// A rule found in the page image, in pixels.
struct rule_px {
    int from = 0, to = 0;  ///< extent along it, from < to
    double at = 0;         ///< position across it (its middle)
    int thick = 0;         ///< thickness across it
};

/// Pieces of straight rules found by morphology in the binarised page: runs of ink at least
/// `length` pixels long along `horizontal` (or vertical) lines, and thin.
std::vector<rule_px> find_rule_pieces(Pix* bin, bool horizontal, int length) {
    // Gaps of a pixel or two (noise, JPEG) closed; not more, or the horizontal strokes of a
    // line of bold characters (一、本年…) join into a "rule".
    pix_ptr closed(horizontal ? pixCloseBrick(nullptr, bin, 3, 1) : pixCloseBrick(nullptr, bin, 1, 3));
    pix_ptr opened(horizontal ? pixOpenBrick(nullptr, closed.get(), length, 1)
                              : pixOpenBrick(nullptr, closed.get(), 1, length));
    std::vector<rule_px> out;
    if (!opened) return out;
    for (const auto& [x, y, w, h] : components(opened.get())) {
        // A rule is thin: a block of ink (a filled heading bar, a stamp) is not.
        const int thick = horizontal ? h : w, along = horizontal ? w : h;
        if (thick > std::max(6, length / 4) || along < length) continue;
        out.push_back(horizontal ? rule_px{x, x + w, y + h / 2.0, h} : rule_px{y, y + h, x + w / 2.0, w});
    }
    return out;
}

/// Every pixel of the page that is ink, however faint: the page averaged over 3×3, darker than
/// the paper (the commonest grey away from the binarised ink `bin`) by more than 4.5 times the
/// paper's own noise (at least `faint_margin` grey levels). Null when Leptonica fails.
/// A thin printed "-" at 100 dpi, stored as JPEG, is a smudge 20–30 grey levels deep, lighter
/// than the binarisation's threshold but not than this. The noise is measured on the page, so
/// that a noisy scan's paper is not taken for ink.
pix_ptr faint_ink(Pix* gray, Pix* bin) {
    pix_ptr smooth(pixBlockconv(gray, 1, 1));
    if (!smooth) return nullptr;
    // The paper: the page away from the binarised ink (5 pixels around it), where only noise is.
    pix_ptr near_ink(pixDilateBrick(nullptr, bin, 11, 11));
    if (!near_ink) return nullptr;
    pixInvert(near_ink.get(), near_ink.get());
    Numa* histogram = pixGetGrayHistogramMasked(smooth.get(), near_ink.get(), 0, 0, 1);
    l_float32 paper_pixels = 0;
    if (histogram) numaGetSum(histogram, &paper_pixels);
    if (paper_pixels < 1000) {  // ink everywhere (a photograph?): the whole page then
        numaDestroy(&histogram);
        histogram = pixGetGrayHistogram(smooth.get(), 1);
    }
    if (!histogram) return nullptr;
    std::vector<double> count(256, 0.0);
    for (int v = 0; v < 256 && v < numaGetCount(histogram); ++v) {
        l_float32 n = 0;
        numaGetFValue(histogram, v, &n);
        count[static_cast<std::size_t>(v)] = n;
    }
    numaDestroy(&histogram);
    const int paper = static_cast<int>(std::max_element(count.begin(), count.end()) - count.begin());
    // The paper's noise: below the paper level the averaged noise is half a normal curve (above
    // it may be cut off at white), whose median depth is 0.674 of its standard deviation.
    double below = 0;
    for (int v = std::max(0, paper - 40); v < paper; ++v) below += count[static_cast<std::size_t>(v)];
    double seen = 0;
    int median_depth = 0;
    for (int v = paper - 1; v >= std::max(0, paper - 40) && seen < below / 2; --v) {
        seen += count[static_cast<std::size_t>(v)];
        median_depth = paper - v;
    }
    const int margin = std::max(faint_margin, static_cast<int>(std::lround(4.5 * median_depth / 0.674)));
    return pix_ptr(pixThresholdToBinary(smooth.get(), std::max(1, paper - margin)));
}

/// The pieces of one line joined into one rule: pieces within `across` pixels of each other
/// across and at most `gap` pixels apart along. A scanner's blur and a light scan break a thin
/// rule into dashes where its grey comes close to the binarisation's threshold; each dash is at
/// least a rule's `length` long, so joining them never makes a rule of text.
std::vector<rule_px> joined(std::vector<rule_px> pieces, double across, int gap) {
    std::sort(pieces.begin(), pieces.end(), [](const rule_px& a, const rule_px& b) { return a.at < b.at; });
    std::vector<rule_px> out;
    std::size_t i = 0;
    while (i < pieces.size()) {
        std::size_t j = i;
        while (j + 1 < pieces.size() && pieces[j + 1].at - pieces[j].at <= across) ++j;
        std::vector<rule_px> line(pieces.begin() + static_cast<std::ptrdiff_t>(i),
                                  pieces.begin() + static_cast<std::ptrdiff_t>(j + 1));
        std::sort(line.begin(), line.end(), [](const rule_px& a, const rule_px& b) { return a.from < b.from; });
        std::vector<rule_px> runs;
        double weight = 0;
        for (const rule_px& piece : line) {
            if (!runs.empty() && piece.from <= runs.back().to + gap) {
                rule_px& run = runs.back();
                const double length = piece.to - piece.from;
                run.at = (run.at * weight + piece.at * length) / (weight + length);
                weight += length;
                run.to = std::max(run.to, piece.to);
                run.thick = std::max(run.thick, piece.thick);
                continue;
            }
            runs.push_back(piece);
            weight = piece.to - piece.from;
        }
        out.insert(out.end(), runs.begin(), runs.end());
        i = j + 1;
    }
    return out;
}

/// Each rule piece carried on along the faint ink (`faint`, `faint_ink`) where the binarisation
/// lost it: its ends move outwards while the band the rule runs in (its thickness, a pixel more
/// each side) holds ink, over dropouts of at most 3 pixels, by at most `reach` pixels. A
/// scanner's blur or a light scan leaves a thin rule a grey line the binarisation breaks into
/// dashes, some shorter than a rule; the faint ink sees the whole line. Only a rule already
/// found is carried on, so text (whose faint halos touch) never makes a rule.
void carried_on(std::vector<rule_px>& rules, Pix* faint, bool horizontal, int reach) {
    if (!faint) return;
    const int w = pixGetWidth(faint), h = pixGetHeight(faint), wpl = pixGetWpl(faint);
    const l_uint32* data = pixGetData(faint);
    const int extent = horizontal ? w : h, breadth = horizontal ? h : w;
    for (rule_px& r : rules) {
        const int half = r.thick / 2 + 1;
        const int mid = static_cast<int>(std::lround(r.at));
        // True when the band across position `along` holds ink.
        const auto inked = [&](int along) {
            for (int a = std::max(0, mid - half); a <= std::min(breadth - 1, mid + half); ++a) {
                const int x = horizontal ? along : a, y = horizontal ? a : along;
                if (GET_DATA_BIT(data + static_cast<std::ptrdiff_t>(y) * wpl, x)) return true;
            }
            return false;
        };
        for (const int step : {1, -1}) {
            const int end = step > 0 ? r.to - 1 : r.from;
            int last = end, dry = 0;
            for (int along = end + step; along >= 0 && along < extent && std::abs(along - end) <= reach;
                 along += step) {
                if (inked(along)) {
                    last = along;
                    dry = 0;
                } else if (++dry > 3) {
                    break;
                }
            }
            if (step > 0)
                r.to = last + 1;
            else
                r.from = last;
        }
    }
}

/// Keeps a rule shorter than `free_length` only when a rule of the other direction crosses or
/// meets it (within `reach` pixels): a table's rules meet at their ends, while a "rule" made of
/// the strokes of a blurred line of text stands alone in a box.
void keep_connected(std::vector<rule_px>& horizontal, std::vector<rule_px>& vertical, int free_length, int reach) {
    const auto meets = [reach](const rule_px& a, const rule_px& b) {
        return b.at >= a.from - reach && b.at <= a.to + reach && a.at >= b.from - reach && a.at <= b.to + reach;
    };
    const auto connected = [&](const std::vector<rule_px>& rules, const std::vector<rule_px>& others) {
        std::vector<rule_px> out;
        for (const rule_px& r : rules)
            if (r.to - r.from >= free_length ||
                std::any_of(others.begin(), others.end(), [&](const rule_px& o) { return meets(r, o); }))
                out.push_back(r);
        return out;
    };
    std::vector<rule_px> h = connected(horizontal, vertical), v = connected(vertical, horizontal);
    horizontal = std::move(h);
    vertical = std::move(v);
}

/// The rules as rulings in points (`scale` points a pixel); their ends reach a little further,
/// where a rule's end meets the crossing rule's middle.
std::vector<ruling> in_points(const std::vector<rule_px>& rules, double scale) {
    std::vector<ruling> out;
    for (const rule_px& r : rules) {
        const double ext = r.thick / 2.0 + 2;
        out.push_back({(r.from - ext) * scale, (r.to + ext) * scale, r.at * scale});
    }
    return out;
}

/// The pixels of the rules (`horizontal` ones, or vertical), a pixel more each side, in a 1-bit
/// image of `like`'s size; null when Leptonica fails.
pix_ptr rule_mask(const std::vector<rule_px>& rules, bool horizontal, Pix* like) {
    pix_ptr mask(pixCreateTemplate(like));
    if (!mask) return mask;
    for (const rule_px& r : rules) {
        const int half = r.thick / 2 + 1;
        const int across = static_cast<int>(std::lround(r.at)) - half;
        if (horizontal)
            pixRasterop(mask.get(), r.from, across, r.to - r.from, 2 * half + 1, PIX_SET, nullptr, 0, 0);
        else
            pixRasterop(mask.get(), across, r.from, 2 * half + 1, r.to - r.from, PIX_SET, nullptr, 0, 0);
    }
    return mask;
}

/// Every piece of ink on the page `gray`, however faint (`faint_ink`), as boxes in points, in
/// pieces of more than one pixel.
std::vector<ocr_ink> ink_marks(Pix* gray, Pix* bin, std::uint32_t number, double scale) {
    std::vector<ocr_ink> out;
    pix_ptr marks = faint_ink(gray, bin);
    if (!marks) return out;
    for (const auto& [x, y, w, h] : components(marks.get())) {
        if (w * h < 2) continue;
        out.push_back({number, x * scale, y * scale, (x + w) * scale, (y + h) * scale});
    }
    return out;
}

placed_page ocr_pix(Pix* source, double dpi, std::uint32_t number) {
    engines& e = thread_engines();
    const ocr_steps& steps = ocr_steps_in_use();
    placed_page out;
    out.number = number;
    pix_ptr gray(pixConvertTo8(source, 0));
    if (!gray)
        throw error(errc::invalid_value, "OCR: page " + std::to_string(number) + " is not an image Leptonica can read");
    if (dpi > max_dpi) {
        const float f = static_cast<float>(max_dpi / dpi);
        pix_ptr scaled(pixScale(gray.get(), f, f));
        if (scaled) {
            gray = std::move(scaled);
            dpi = max_dpi;
        }
    }
    pixSetResolution(gray.get(), static_cast<l_int32>(std::lround(dpi)), static_cast<l_int32>(std::lround(dpi)));
    const double scale = 72.0 / dpi;  // pixels → points
    out.height = pixGetHeight(gray.get()) * scale;
    out.width_px = pixGetWidth(gray.get());
    out.height_px = pixGetHeight(gray.get());
    out.dpi = dpi;
    // Binarised (Otsu over the whole page), then straightened: the skew found on the text lines.
    const auto binarise = [&steps](Pix* g) {
        Pix* bin = nullptr;
        if (steps.otsu)
            pixOtsuAdaptiveThreshold(g, 4000, 4000, 0, 0, 0.0f, nullptr, &bin);
        else
            bin = pixThresholdToBinary(g, 128);
        return pix_ptr(bin);
    };
    pix_ptr bin = binarise(gray.get());
    if (!bin) return out;
    l_float32 angle = 0, conf = 0;
    if (steps.deskew && pixFindSkew(bin.get(), &angle, &conf) == 0 && conf > 2.5f && std::abs(angle) > 0.03f &&
        std::abs(angle) < 5.0f) {
        pix_ptr turned(pixRotate(gray.get(), static_cast<l_float32>(angle * M_PI / 180.0), L_ROTATE_AREA_MAP,
                                 L_BRING_IN_WHITE, 0, 0));
        if (turned) {
            out.skew_degrees = angle;
            gray = std::move(turned);
            bin = binarise(gray.get());
            if (!bin) return out;
        }
    }
    // The table rules, then the page without them (Tesseract reads a rule beside a digit as 1).
    // A rule is longer than a character: 0.3 in (21.6 pt) is longer than 一 at 16 pt.
    const int length = std::max(12, static_cast<int>(std::lround(dpi * 0.3)));
    std::vector<rule_px> horizontal, vertical;
    if (steps.rules) {
        horizontal = find_rule_pieces(bin.get(), true, length);
        vertical = find_rule_pieces(bin.get(), false, length);
        if (steps.join_rules) {
            pix_ptr faint = faint_ink(gray.get(), bin.get());
            const int reach = static_cast<int>(std::lround(dpi * 0.6));
            carried_on(horizontal, faint.get(), true, reach);
            carried_on(vertical, faint.get(), false, reach);
            const double across = std::max(2.0, dpi / 100);
            const int gap = std::max(4, static_cast<int>(std::lround(dpi * 0.08)));
            horizontal = joined(std::move(horizontal), across, gap);
            vertical = joined(std::move(vertical), across, gap);
            keep_connected(horizontal, vertical, static_cast<int>(std::lround(dpi * 1.5)),
                           std::max(3, static_cast<int>(std::lround(dpi * 0.03))));
        }
        if (std::getenv("XXGK_DBG")) {
            for (auto& r : horizontal)
                fprintf(stderr, "H p%u at %.1f %d..%d t%d\n", number, r.at, r.from, r.to, r.thick);
            for (auto& r : vertical) fprintf(stderr, "V p%u at %.1f %d..%d t%d\n", number, r.at, r.from, r.to, r.thick);
        }
        out.rules.horizontal = in_points(horizontal, scale);
        out.rules.vertical = in_points(vertical, scale);
    }
    pix_ptr clean(pixCopy(nullptr, gray.get()));
    pix_ptr ink(pixCopy(nullptr, bin.get()));  // the binarised page without the rules
    for (const bool along : {true, false}) {
        const std::vector<rule_px>& rules = along ? horizontal : vertical;
        if (rules.empty()) continue;
        pix_ptr m = rule_mask(rules, along, bin.get());
        pix_ptr wide(m ? pixDilateBrick(nullptr, m.get(), 5, 5) : nullptr);
        if (!wide) continue;
        if (steps.remove_rules) pixPaintThroughMask(clean.get(), wide.get(), 0, 0, 255);
        pixSubtract(ink.get(), ink.get(), wide.get());
    }
    // The reader's empty boxes are checked against every mark of ink, however faint (settle_ocr:
    // a box read empty with ink in it is not blank).
    out.ink = ink_marks(clean.get(), bin.get(), number, scale);
    e.page.SetImage(clean.get());
    e.page.SetSourceResolution(static_cast<int>(std::lround(dpi)));
    if (e.page.Recognize(nullptr) != 0) return out;
    struct word_px {
        std::string text;
        int l, t, r, b;  ///< the word's own box (pixels)
        double line_t, line_b;
    };
    struct glyph {
        std::string text;
        int l, t, r, b;
    };
    // A vertical rule between two glyphs of a word: Tesseract joins the digits of neighbouring
    // boxes into one word once the rule between them is removed ("00"); the word is cut there.
    std::vector<ruling> vertical_px;
    for (const ruling& v : out.rules.vertical) vertical_px.push_back({v.from / scale, v.to / scale, v.at / scale});
    const auto rule_between = [&](const glyph& a, const glyph& c) {
        return std::any_of(vertical_px.begin(), vertical_px.end(), [&](const ruling& v) {
            return v.at > a.r - 2 && v.at < c.l + 2 && v.from < std::min(a.b, c.b) && v.to > std::max(a.t, c.t);
        });
    };
    std::vector<word_px> words;
    {
        std::unique_ptr<tesseract::ResultIterator> it(e.page.GetIterator());
        if (it) {
            do {
                if (it->Empty(tesseract::RIL_WORD)) continue;
                word_px w{take_text(it->GetUTF8Text(tesseract::RIL_WORD)), 0, 0, 0, 0, 0, 0};
                if (w.text.empty()) continue;
                it->BoundingBox(tesseract::RIL_WORD, &w.l, &w.t, &w.r, &w.b);
                // The line's band (ascenders to descenders at the baseline), not the glyphs' box:
                // "一" is a flat box, and every threshold of the reader is a text height.
                int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
                float row_h = 0, desc = 0, asc = 0;
                w.line_t = w.t;
                w.line_b = w.b;
                const bool base_known = it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2);
                if (base_known) it->RowAttributes(&row_h, &desc, &asc);
                if (base_known && row_h > 0) {
                    const double cx = (w.l + w.r) / 2.0;
                    const double base = x2 != x1 ? y1 + (y2 - y1) * (cx - x1) / (x2 - x1) : y1;
                    const double top = base - row_h - std::max(0.0f, asc) * 0.5, bottom = base - std::min(0.0f, desc);
                    if (bottom > top) {
                        w.line_t = std::min<double>(top, w.t);
                        w.line_b = std::max<double>(bottom, w.b);
                    }
                }
                // Its glyphs, to cut it where a rule stands between two of them.
                std::vector<glyph> glyphs;
                do {
                    glyph g{take_text(it->GetUTF8Text(tesseract::RIL_SYMBOL)), 0, 0, 0, 0};
                    it->BoundingBox(tesseract::RIL_SYMBOL, &g.l, &g.t, &g.r, &g.b);
                    // A glyph across a rule is two pieces of ink read as one (a vertical label's
                    // character and the text of the next box): dropped, its ink is read below as
                    // marks no word covers.
                    const bool straddles = std::any_of(vertical_px.begin(), vertical_px.end(), [&](const ruling& v) {
                        return v.at > g.l + 2 && v.at < g.r - 2 && v.from < g.b && v.to > g.t;
                    });
                    if (straddles) {
                        glyphs.push_back({std::string(), g.l, g.t, g.r, g.b});  // a cut, no text
                    } else if (!g.text.empty()) {
                        glyphs.push_back(std::move(g));
                    }
                    if (it->IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL)) break;
                } while (it->Next(tesseract::RIL_SYMBOL));
                const bool cut_glyph =
                    std::any_of(glyphs.begin(), glyphs.end(), [](const glyph& g) { return g.text.empty(); });
                std::size_t from = 0;
                for (std::size_t k = 1; k <= glyphs.size(); ++k) {
                    const bool cut = k == glyphs.size() || glyphs[k].text.empty() || glyphs[k - 1].text.empty() ||
                                     rule_between(glyphs[k - 1], glyphs[k]);
                    if (!cut) continue;
                    if (from == 0 && k == glyphs.size() && !cut_glyph) break;  // no cut: the word as it is
                    word_px piece = w;
                    piece.text.clear();
                    piece.l = glyphs[from].l;
                    piece.r = glyphs[k - 1].r;
                    for (std::size_t g = from; g < k; ++g) piece.text += glyphs[g].text;
                    from = k;
                    if (!piece.text.empty()) words.push_back(std::move(piece));
                }
                if (from == 0 && !glyphs.empty()) words.push_back(std::move(w));
            } while (it->Next(tesseract::RIL_WORD));
        }
    }
    // Ink no word covers: a printed mark the page reading missed (a lone digit in a box) is a
    // word of its own, read digits-only; never an empty box.
    const int typical = [&] {
        std::vector<int> heights;
        for (const word_px& w : words) heights.push_back(w.b - w.t);
        std::sort(heights.begin(), heights.end());
        return heights.empty() ? static_cast<int>(dpi / 7) : heights[heights.size() / 2];
    }();
    {
        // A word far taller than the text (a column of digits taken for one glyph or for vertical
        // text) is no reading: dropped, its ink is read below as marks.
        words.erase(
            std::remove_if(words.begin(), words.end(), [&](const word_px& w) { return w.b - w.t > typical * 5 / 2; }),
            words.end());
        struct blob {
            int l, t, r, b;
        };
        std::vector<blob> missed;
        for (const component& c : components(ink.get())) {
            const int x = c.x, y = c.y, w = c.w, h = c.h;
            if (h > typical * 4 || w > typical * 6) continue;
            if (h < std::max(4, typical * 2 / 5)) continue;
            const bool covered = std::any_of(words.begin(), words.end(), [&](const word_px& wd) {
                return x + w > wd.l - 2 && x < wd.r + 2 && y + h > wd.t - 2 && y < wd.b + 2;
            });
            if (!covered) missed.push_back({x, y, x + w, y + h});
        }
        // Blobs side by side (the digits of one number) are one mark.
        std::sort(missed.begin(), missed.end(), [](const blob& a, const blob& b) { return a.l < b.l; });
        std::vector<blob> marks;
        for (const blob& m : missed) {
            auto near = std::find_if(marks.begin(), marks.end(), [&](const blob& k) {
                return m.l - k.r < typical * 3 / 5 && std::min(m.b, k.b) - std::max(m.t, k.t) > 0;
            });
            if (near != marks.end()) {
                near->l = std::min(near->l, m.l);
                near->t = std::min(near->t, m.t);
                near->r = std::max(near->r, m.r);
                near->b = std::max(near->b, m.b);
            } else {
                marks.push_back(m);
            }
        }
        out.marks = marks.size();
        std::vector<word_px> read_marks;
        for (const blob& m : marks) {
            const digit_reading d = read_digits(e, clean.get(), m.l, m.t, m.r, m.b);
            // Unread ink stays visible as such: "□" reads as unreadable text, never as a value.
            std::string text = d.readings.empty() ? std::string("□") : d.readings.front().first;
            const int mid = (m.t + m.b) / 2;
            word_px mark{text, m.l, m.t, m.r, m.b, mid - typical * 0.6, mid + typical * 0.6};
            // The band of the line it stands on (the word beside it that overlaps it most), so
            // that it joins that line where its place among the line's words is its x: a mark on
            // a line of its own would be read after the line, out of its order.
            int best = 0;
            for (const word_px& w : words) {
                const int overlap = std::min(w.b, m.b) - std::max(w.t, m.t);
                if (mid < w.line_t || mid > w.line_b || overlap <= best) continue;
                best = overlap;
                mark.line_t = w.line_t;
                mark.line_b = w.line_b;
            }
            read_marks.push_back(std::move(mark));
        }
        words.insert(words.end(), read_marks.begin(), read_marks.end());
    }
    for (const word_px& w : words) {
        placed_word pw;
        pw.text = w.text;
        pw.l = w.l * scale;
        pw.r = w.r * scale;
        pw.t = w.line_t * scale;
        pw.b = w.line_b * scale;
        // A lone glyph that is no digit ("侍", "，" where a table prints 0 in a serif face), or
        // digits with a stray mark joined ("]1" for 11), standing alone, is read digits-only
        // too; its text stays the page's reading, and its digits are only candidates for the
        // identities to settle (settle_ocr), never certain.
        const bool lone = !number_like(w.text) && w.text != "□" &&
                          (to_u32(w.text).size() == 1 || digits_with_stray_marks(w.text)) &&
                          std::none_of(words.begin(), words.end(), [&](const word_px& o) {
                              return &o != &w && std::min(o.b, w.b) - std::max(o.t, w.t) > (w.b - w.t) / 2 &&
                                     o.r > w.l - typical && o.l < w.r + typical;
                          });
        if (lone) {
            const digit_reading d = read_digits(e, clean.get(), w.l, w.t, w.r, w.b);
            ocr_value v{number, pw.l, pw.t, pw.r, pw.b, w.text, {}, false};
            for (const auto& rd : d.readings)
                v.readings.push_back({rd.first, static_cast<int>(std::lround(rd.second * 100))});
            if (!v.readings.empty()) out.values.push_back(std::move(v));
        } else if (number_like(w.text) || w.text == "□") {
            const digit_reading d = read_digits(e, clean.get(), w.l, w.t, w.r, w.b);
            ocr_value v;
            v.page = number;
            v.l = pw.l;
            v.t = pw.t;
            v.r = pw.r;
            v.b = pw.b;
            const std::string page_reading = w.text == "□" ? std::string() : as_digits(w.text);
            for (const auto& rd : d.readings)
                v.readings.push_back({rd.first, static_cast<int>(std::lround(rd.second * 100))});
            // The page's own reading is a candidate too (a digit the digits-only pass lost).
            if (!page_reading.empty() && std::none_of(v.readings.begin(), v.readings.end(),
                                                      [&](const auto& x) { return x.first == page_reading; }))
                v.readings.push_back({page_reading, 0});
            v.certain = d.certain && !d.readings.empty() && d.readings.front().first == page_reading;
            if (!d.readings.empty())
                pw.text = d.readings.front().first;
            else if (w.text == "□")
                pw.text = w.text;
            v.text = pw.text;
            out.values.push_back(std::move(v));
        }
        out.words.push_back(std::move(pw));
    }
    return out;
}

}  // namespace

bool number_like(std::string_view text) {
    bool digit = false;
    for (char32_t c : to_u32(text)) {
        if (is_space(c)) continue;
        const char32_t d = digit_of(c);
        if ((d >= U'0' && d <= U'9') || (c >= U'０' && c <= U'９')) {
            digit = digit || (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') || d != c;
            continue;
        }
        if (std::u32string_view(U".,-，．。－—").find(c) == std::u32string_view::npos) return false;
    }
    return digit;
}

bool digits_with_stray_marks(std::string_view text) {
    bool digit = false, stray = false;
    for (char32_t c : to_u32(text)) {
        if (is_space(c)) continue;
        if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９')) {
            digit = true;
            continue;
        }
        if (std::u32string_view(U"[]()（）【】丨/\\:;：；'\"`‘’“”").find(c) == std::u32string_view::npos) return false;
        stray = true;
    }
    return digit && stray;
}

ocr_steps& ocr_steps_in_use() {
    static ocr_steps steps;
    return steps;
}

placed_page ocr_page(const gray_image& image, std::uint32_t number) {
    if (image.width <= 0 || image.height <= 0 || !image.data)
        throw error(errc::invalid_value, "OCR: page " + std::to_string(number) + " has no image");
    pix_ptr pix(pixCreate(image.width, image.height, 8));
    if (!pix) throw std::bad_alloc();
    l_uint32* data = pixGetData(pix.get());
    const int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < image.height; ++y) {
        const unsigned char* row = image.data + static_cast<std::ptrdiff_t>(y) * image.stride;
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    return ocr_pix(pix.get(), image.dpi > 0 ? image.dpi : image.width / 8.27, number);
}

std::vector<placed_page> ocr_image_file(std::string_view bytes) {
    const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    static std::once_flag quiet;
    std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
    if (bytes.empty() || pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 ||
        h <= 0)
        throw error(errc::invalid_value,
                    "not a readable image: Leptonica could not read its header (PNG, JPEG or TIFF expected)");
    if (static_cast<double>(w) * h > max_pixels)
        throw error(errc::limit_exceeded,
                    "the image is " + std::to_string(w) + " × " + std::to_string(h) +
                        " pixels, more than the 64 million read (a page at 600 dpi is about 35 million)");
    std::vector<pix_ptr> pages;
    if (format == IFF_TIFF || format == IFF_TIFF_G3 || format == IFF_TIFF_G4 || format == IFF_TIFF_PACKBITS ||
        format == IFF_TIFF_RLE || format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG) {
        Pixa* pa = pixaReadMemMultipageTiff(data, bytes.size());
        if (pa) {
            const int n = pixaGetCount(pa);
            for (int i = 0; i < n; ++i) pages.emplace_back(pixaGetPix(pa, i, L_COPY));
            pixaDestroy(&pa);
        }
    } else {
        pages.emplace_back(pixReadMem(data, bytes.size()));
    }
    if (pages.empty() || std::any_of(pages.begin(), pages.end(), [](const pix_ptr& p) { return !p; }))
        throw error(errc::invalid_value,
                    "not a readable image: Leptonica could not decode it (damaged PNG, JPEG or TIFF)");
    std::vector<placed_page> out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Pix* p = pages[i].get();
        if (static_cast<double>(pixGetWidth(p)) * pixGetHeight(p) > max_pixels)
            throw error(errc::limit_exceeded,
                        "page " + std::to_string(i + 1) + " of the image is larger than 64 million pixels");
        // The resolution the file declares; without one, the page is taken for A4 portrait width.
        const l_int32 xres = pixGetXRes(p);
        const double dpi = xres >= 50 && xres <= 2400 ? xres : pixGetWidth(p) / 8.27;
        out.push_back(ocr_pix(p, dpi, static_cast<std::uint32_t>(i + 1)));
    }
    return out;
}

}  // namespace xxgk::import_detail
