// Scanned variants of PDF fixtures, made at test time (nothing big is committed): the pages
// rendered in grey with poppler at a given resolution, turned by a small angle, blurred, given
// Gaussian noise from a fixed seed, and stored as JPEG in an image-only PDF (Leptonica) — what a
// county office's scanner and its PDF software make. Used by tests/unit/import_ocr_test.cpp and
// by the hand-run measurement tests/ocr/ocr_measure.cpp.
#ifndef XXGK_TESTS_OCR_SCANS_HPP
#define XXGK_TESTS_OCR_SCANS_HPP

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace xxgk_test {

/// How a page is "scanned".
struct scan_style {
    std::string name;
    int dpi = 150;          ///< resolution of the rendering (and of the image in the PDF)
    double degrees = 0;     ///< rotation (a page laid askew on the glass)
    int blur = 0;           ///< box blur half-width in pixels (0: none)
    double noise = 0;       ///< standard deviation of Gaussian grey noise (0–255 scale)
    int jpeg_quality = 75;  ///< JPEG quality of the stored image
};

/// The scan styles of the measurement (100–200 dpi, noise, blur, rotation up to ±1.5°, JPEG 40–90).
inline std::vector<scan_style> scan_styles() {
    return {
        {"clean-200", 200, 0, 0, 0, 90},    {"tilt-150", 150, 0.6, 0, 6, 75},  {"blur-200", 200, -0.4, 1, 8, 60},
        {"noisy-150", 150, 0.3, 0, 18, 50}, {"low-100", 100, -0.2, 0, 4, 70},  {"rough-120", 120, 1.0, 1, 12, 40},
        {"skew-150", 150, 1.5, 0, 8, 70},   {"skew-200", 200, -1.5, 0, 6, 80}, {"noisy-100", 100, 0.4, 0, 14, 55},
    };
}

/// The pages [first, last] (0-based, clamped) of `pdf` scanned in `style`, noise from `seed`, as
/// an image-only PDF. Throws std::runtime_error when the PDF cannot be read.
inline std::string scanned_pdf(const std::string& pdf, const scan_style& style, std::uint32_t seed, int first = 0,
                               int last = 1 << 20) {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!doc) throw std::runtime_error("scanned_pdf: not a readable PDF");
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, style.noise > 0 ? style.noise : 1.0);
    Pixa* pages = pixaCreate(0);
    for (int i = std::max(0, first); i < doc->pages() && i <= last; ++i) {
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        poppler::page_renderer renderer;
        renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
        renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
        renderer.set_image_format(poppler::image::format_gray8);
        const poppler::image img = renderer.render_page(p.get(), style.dpi, style.dpi);
        Pix* pix = pixCreate(img.width(), img.height(), 8);
        l_uint32* data = pixGetData(pix);
        const int wpl = pixGetWpl(pix);
        for (int y = 0; y < img.height(); ++y) {
            const auto* row = reinterpret_cast<const unsigned char*>(img.const_data()) +
                              static_cast<std::ptrdiff_t>(y) * img.bytes_per_row();
            for (int x = 0; x < img.width(); ++x) SET_DATA_BYTE(data + static_cast<std::ptrdiff_t>(y) * wpl, x, row[x]);
        }
        if (style.degrees != 0) {
            Pix* turned = pixRotate(pix, static_cast<l_float32>(style.degrees * M_PI / 180.0), L_ROTATE_AREA_MAP,
                                    L_BRING_IN_WHITE, 0, 0);
            pixDestroy(&pix);
            pix = turned;
        }
        if (style.blur > 0) {
            Pix* blurred = pixBlockconv(pix, style.blur, style.blur);
            pixDestroy(&pix);
            pix = blurred;
        }
        if (style.noise > 0) {
            data = pixGetData(pix);
            const int w = pixGetWidth(pix), h = pixGetHeight(pix), pwpl = pixGetWpl(pix);
            for (int y = 0; y < h; ++y) {
                l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * pwpl;
                for (int x = 0; x < w; ++x) {
                    const long v = std::lround(GET_DATA_BYTE(line, x) + gauss(rng));
                    SET_DATA_BYTE(line, x, static_cast<l_uint8>(std::clamp(v, 0L, 255L)));
                }
            }
        }
        pixSetResolution(pix, style.dpi, style.dpi);
        pixaAddPix(pages, pix, L_INSERT);
    }
    l_uint8* bytes = nullptr;
    std::size_t size = 0;
    const l_ok bad =
        pixaConvertToPdfData(pages, style.dpi, 1.0f, L_JPEG_ENCODE, style.jpeg_quality, nullptr, &bytes, &size);
    pixaDestroy(&pages);
    if (bad || !bytes) throw std::runtime_error("scanned_pdf: Leptonica could not write the PDF");
    std::string out(reinterpret_cast<const char*>(bytes), size);
    lept_free(bytes);
    return out;
}

}  // namespace xxgk_test

#endif
