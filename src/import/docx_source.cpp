// Word document (.docx) → blocks. The container is a zip, opened from memory with libzip; its main
// part word/document.xml (and word/styles.xml, for heading and bold styles) is parsed with libxml2.
// Paragraphs become lines, tables become grids exactly like the HTML reader's (gridSpan and vMerge
// copies are span copies, an empty w:tc is an empty cell), so everything after read_docx is the
// pipeline the text and HTML importers share (docs/import.md, "Word (.docx)").
#include "document.hpp"
#include "../codes.hpp"
#include "fold.hpp"
#include "log.hpp"

#include <xxgk/error.hpp>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>  // xmlCreateMemoryParserCtxt
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace xxgk::import_detail {
namespace {

// ---- the container ---------------------------------------------------------------------------

struct zip_discarder {
    void operator()(zip_t* z) const { zip_discard(z); }  // read-only: nothing to write back
};
struct zip_source_freer {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct zip_file_closer {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct zip_error_holder {
    zip_error_t e;
    zip_error_holder() { zip_error_init(&e); }
    ~zip_error_holder() { zip_error_fini(&e); }
    zip_error_holder(const zip_error_holder&) = delete;
    zip_error_holder& operator=(const zip_error_holder&) = delete;
};

/// The zip container, read in place (the caller's bytes outlive it). Every entry read counts
/// against one budget of unpacked bytes, so that a small file cannot unpack to gigabytes.
class package {
public:
    package(std::string_view bytes, std::size_t budget) : budget_(budget), limit_(budget) {
        zip_error_holder err;
        std::unique_ptr<zip_source_t, zip_source_freer> src(
            zip_source_buffer_create(bytes.empty() ? "" : bytes.data(), bytes.size(), 0, &err.e));
        if (!src) throw std::bad_alloc();
        zip_t* z = zip_open_from_source(src.get(), ZIP_RDONLY, &err.e);
        if (!z)
            throw error(errc::invalid_value,
                        std::string("not a readable Word document: the zip container cannot be opened (") +
                            zip_error_strerror(&err.e) + ")");
        src.release();  // the archive owns its source from now on
        zip_.reset(z);
    }

    bool has(const char* name) const { return zip_name_locate(zip_.get(), name, 0) >= 0; }

    /// The entry's bytes; nullopt when there is no such entry.
    std::optional<std::string> read(const char* name) {
        const zip_int64_t index = zip_name_locate(zip_.get(), name, 0);
        if (index < 0) return std::nullopt;
        const auto i = static_cast<zip_uint64_t>(index);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_.get(), i, 0, &st) != 0)
            throw error(errc::invalid_value, std::string("damaged Word document: entry ") + name + " cannot be read (" +
                                                 zip_strerror(zip_.get()) + ")");
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            throw error(errc::encrypted, std::string("the Word document is encrypted: zip entry ") + name +
                                             " is password-protected; save the document without a password first");
        // The declared size is checked before a byte is inflated; the bytes read are checked
        // again below, because a hostile archive can declare less than it holds.
        if ((st.valid & ZIP_STAT_SIZE) && st.size > budget_) too_large(name, st.size);
        std::unique_ptr<zip_file_t, zip_file_closer> f(zip_fopen_index(zip_.get(), i, 0));
        if (!f) {
            const int ze = zip_error_code_zip(zip_get_error(zip_.get()));
            if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP)
                throw error(errc::encrypted, std::string("the Word document is encrypted: zip entry ") + name +
                                                 " is password-protected; save the document without a password first");
            throw error(errc::invalid_value, std::string("damaged Word document: entry ") + name +
                                                 " cannot be opened (" + zip_strerror(zip_.get()) + ")");
        }
        std::string out;
        // The declared size (within the budget, checked above) sizes the buffer once.
        if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
        char buf[64 * 1024];
        for (;;) {
            // Never ask for more than one byte past the budget: reading stops at the limit.
            const std::size_t want = std::min(sizeof buf, budget_ - out.size() + 1);
            const zip_int64_t n = zip_fread(f.get(), buf, want);
            if (n < 0)
                throw error(errc::invalid_value, std::string("damaged Word document: entry ") + name +
                                                     " cannot be unpacked (" + zip_file_strerror(f.get()) + ")");
            if (n == 0) break;
            out.append(buf, static_cast<std::size_t>(n));
            if (out.size() > budget_) too_large(name, out.size());
        }
        budget_ -= out.size();
        return out;
    }

private:
    [[noreturn]] void too_large(const char* name, zip_uint64_t size) const {
        throw error(errc::limit_exceeded, std::string("the Word document unpacks to more than the limit of ") +
                                              std::to_string(limit_) +
                                              " bytes (import_options::max_input_bytes): entry " + name + " holds " +
                                              (size > budget_ ? "at least " : "") + std::to_string(size) + " bytes");
    }

    std::unique_ptr<zip_t, zip_discarder> zip_;
    std::size_t budget_;
    const std::size_t limit_;
};

// ---- XML ------------------------------------------------------------------------------------

struct doc_freer {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ctxt_freer {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

// Office Open XML forbids DTDs. A document declaring one is refused as soon as the declaration is
// seen, before any entity of it is parsed: external entities (XXE) and entity expansion (billion
// laughs) are then impossible whatever libxml2's own defaults are.
void refuse_dtd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* c = static_cast<xmlParserCtxt*>(ctx);
    c->_private = c;  // marks the refusal for parse_part
    xmlStopParser(c);
}

/// Parses one part of the package. Network access, DTD loading and entity substitution are off;
/// errors are collected in the context (never printed).
std::unique_ptr<xmlDoc, doc_freer> parse_part(const std::string& xml, const char* name) {
    static const bool initialised = (xmlInitParser(), true);  // once, before threads parse concurrently
    (void)initialised;
    if (xml.size() > static_cast<std::size_t>(INT_MAX))
        throw error(errc::limit_exceeded, std::string("entry ") + name + " is larger than 2 GiB");
    refuse_many_attributes(xml, (std::string("entry ") + name).c_str());
    std::unique_ptr<xmlParserCtxt, ctxt_freer> ctxt(xmlNewParserCtxt());
    if (!ctxt) throw std::bad_alloc();
    ctxt->sax->internalSubset = refuse_dtd;
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    std::unique_ptr<xmlDoc, doc_freer> d(
        xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), name, nullptr, options));
    if (ctxt->_private)
        throw error(errc::invalid_value,
                    std::string("damaged Word document: ") + name +
                        " declares a DTD, which Office Open XML forbids (refused: entities are never expanded)");
    if (!d || !ctxt->wellFormed) {
        std::string what = "not well-formed XML";
        std::string at;
        if (const xmlError* e = xmlCtxtGetLastError(ctxt.get())) {
            if (e->message) {
                what = trim(e->message);
            }
            at = " at line " + std::to_string(e->line) + (e->int2 > 0 ? ", column " + std::to_string(e->int2) : "");
        }
        throw error(errc::invalid_value, std::string("damaged Word document: ") + name + at + ": " + what);
    }
    return d;
}

constexpr std::string_view w_transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view w_strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view mc_ns = "http://schemas.openxmlformats.org/markup-compatibility/2006";

std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool in_ns(const xmlNode* n, std::string_view ns) { return n->ns && view(n->ns->href) == ns; }

/// A WordprocessingML element (transitional or strict namespace) named `local`.
bool is_w(const xmlNode* n, std::string_view local) {
    return n->type == XML_ELEMENT_NODE && view(n->name) == local && (in_ns(n, w_transitional) || in_ns(n, w_strict));
}

bool is_mc(const xmlNode* n, std::string_view local) {
    return n->type == XML_ELEMENT_NODE && view(n->name) == local && in_ns(n, mc_ns);
}

const xmlNode* child(const xmlNode* n, std::string_view local) {
    if (!n) return nullptr;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (is_w(c, local)) return c;
    return nullptr;
}

/// The attribute `local` (w:val, w:styleId, …) whatever its prefix.
std::optional<std::string> attr(const xmlNode* n, std::string_view local) {
    if (!n) return std::nullopt;
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (view(a->name) == local) {
            xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
            std::string s(v ? reinterpret_cast<const char*>(v) : "");
            xmlFree(v);
            return s;
        }
    return std::nullopt;
}

/// An on/off property (w:b, w:vanish): present and not w:val="0"/"false"/"off".
std::optional<bool> on_off(const xmlNode* props, std::string_view local) {
    const xmlNode* p = child(props, local);
    if (!p) return std::nullopt;
    const auto v = attr(p, "val");
    return !(v && (*v == "0" || *v == "false" || *v == "off"));
}

/// A small non-negative integer attribute w:val; nullopt when absent or not a number.
std::optional<int> int_val(const xmlNode* n) {
    const auto v = attr(n, "val");
    if (!v || v->empty()) return std::nullopt;
    int x = 0;
    for (char c : *v) {
        if (c < '0' || c > '9') return std::nullopt;
        x = std::min(x * 10 + (c - '0'), 100000);
    }
    return x;
}

/// mc:AlternateContent holds the same content several times (a Choice for newer readers, a
/// Fallback for older ones): exactly one branch is read, the first Choice, else the Fallback.
const xmlNode* alternate_branch(const xmlNode* ac) {
    const xmlNode* fallback = nullptr;
    for (const xmlNode* c = ac->children; c; c = c->next) {
        if (is_mc(c, "Choice")) return c;
        if (is_mc(c, "Fallback") && !fallback) fallback = c;
    }
    return fallback;
}

// ---- styles ---------------------------------------------------------------------------------

struct style {
    std::string name, based_on;
    std::optional<int> outline;  // w:outlineLvl, 0-based
    std::optional<bool> bold;
    bool numbered = false;  // w:numPr in the style: its paragraphs are list items
    std::string num_id;     // its w:numId (a heading style linked to a multilevel list)
    int num_level = 0;      // its w:ilvl
};

/// word/styles.xml: what a paragraph's or a run's style says about headings, bold and lists.
/// Read with libxml2's SAX2 interface, no tree: Word's styles part is often ten times the size of
/// the text (every latent style of the template), and a tree of it cost more than all the rest.
class styles {
public:
    /// Reads the part; throws `error` (errc::invalid_value) when it is not well-formed.
    void read(const std::string& xml) {
        static const bool initialised = (xmlInitParser(), true);  // once, before threads parse concurrently
        (void)initialised;
        if (xml.size() > static_cast<std::size_t>(INT_MAX))
            throw error(errc::limit_exceeded, "entry word/styles.xml is larger than 2 GiB");
        xmlSAXHandler sax{};
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = &styles::start;
        sax.endElementNs = &styles::end;
        sax.internalSubset = &styles::refuse;
        sax.serror = [](void*, xmlErrorPtr) {};  // errors are read from the context below
        // A memory context reads the bytes in place (a push parser would copy them).
        std::unique_ptr<xmlParserCtxt, ctxt_freer> ctxt(
            xmlCreateMemoryParserCtxt(xml.data(), static_cast<int>(xml.size())));
        if (!ctxt) throw std::bad_alloc();
        sax_state st;
        st.self = this;
        st.ctxt = ctxt.get();
        {
            // Our handler for the parse only; the context's own is put back before it is freed.
            struct swap_sax {
                xmlParserCtxt* c;
                xmlSAXHandler* own;
                ~swap_sax() { c->sax = own; }
            } swapped{ctxt.get(), ctxt->sax};
            ctxt->sax = &sax;
            ctxt->userData = &st;
            xmlCtxtUseOptions(ctxt.get(), XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
            xmlParseDocument(ctxt.get());
        }
        if (st.failed) throw std::bad_alloc();
        if (st.dtd) throw error(errc::invalid_value, "word/styles.xml declares a DTD, which Office Open XML forbids");
        if (!ctxt->wellFormed) {
            std::string at, what = "not well-formed XML";
            if (const xmlError* e = xmlCtxtGetLastError(ctxt.get())) {
                if (e->message) what = trim(e->message);
                at = " at line " + std::to_string(e->line);
            }
            throw error(errc::invalid_value, "damaged Word document: word/styles.xml" + at + ": " + what);
        }
    }

    /// 1–6 for a heading style, 0 otherwise: the built-in names ("heading 1", which Word writes
    /// whatever the language of its interface, with ids such as "1" in Chinese Word; "标题 1" by
    /// WPS), an outline level, or — without styles.xml — an id such as "Heading1".
    int heading(const std::string& id) const {
        std::string cur = id;
        for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
            const auto it = by_id_.find(cur);
            if (it == by_id_.end()) return depth == 0 ? heading_from_name(cur) : 0;
            if (const int h = heading_from_name(it->second.name)) return h;
            if (it->second.outline) return *it->second.outline < 6 ? *it->second.outline + 1 : 0;
            cur = it->second.based_on;
        }
        return 0;
    }

    std::optional<bool> bold(const std::string& id) const {
        std::string cur = id;
        for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
            const auto it = by_id_.find(cur);
            if (it == by_id_.end()) return std::nullopt;
            if (it->second.bold) return it->second.bold;
            cur = it->second.based_on;
        }
        return std::nullopt;
    }

    /// The style's list numbering (its numPr or its base style's): nullptr when it has none.
    const style* numbered(const std::string& id) const {
        std::string cur = id;
        for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
            const auto it = by_id_.find(cur);
            if (it == by_id_.end()) return nullptr;
            if (it->second.numbered) return &it->second;
            cur = it->second.based_on;
        }
        return nullptr;
    }

private:
    /// "heading 3", "Heading3", "标题 3", "标题3" → 3.
    static int heading_from_name(std::string_view name) {
        std::string s;
        for (char c : name)
            if (c != ' ') s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
            if (s.size() == prefix.size() + 1 && s.compare(0, prefix.size(), prefix) == 0) {
                const char d = s.back();
                if (d >= '1' && d <= '6') return d - '0';
            }
        }
        return 0;
    }

    struct sax_state {
        styles* self = nullptr;
        xmlParserCtxt* ctxt = nullptr;
        std::vector<std::string> path;  // local names of the open WordprocessingML elements
        std::string id;
        style current;
        bool dtd = false;
        bool failed = false;  // a callback could not allocate
    };

    static std::optional<std::string> sax_attr(int n, const xmlChar** attrs, std::string_view local) {
        // Five pointers per attribute: local name, prefix, URI, value, end of value.
        for (int i = 0; i < n; ++i)
            if (view(attrs[i * 5]) == local)
                return std::string(reinterpret_cast<const char*>(attrs[i * 5 + 3]),
                                   static_cast<std::size_t>(attrs[i * 5 + 4] - attrs[i * 5 + 3]));
        return std::nullopt;
    }

    // The callbacks are called from C: nothing may unwind through libxml2. An allocation failure
    // stops the parser and is thrown again once it has returned.
    static void start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri, int nns,
                      const xmlChar** nss, int n, int nd, const xmlChar** attrs) {
        auto& st = *static_cast<sax_state*>(ctx);
        try {
            start_element(st, local, uri, n, attrs);
        } catch (...) {
            st.failed = true;
            xmlStopParser(st.ctxt);
        }
        (void)prefix, (void)nns, (void)nss, (void)nd;
    }

    static void start_element(sax_state& st, const xmlChar* local, const xmlChar* uri, int n, const xmlChar** attrs) {
        const std::string_view ns = view(uri), name = view(local);
        if (ns != w_transitional && ns != w_strict) {
            st.path.emplace_back();  // keeps the depth right; never matches below
            return;
        }
        st.path.emplace_back(name);
        const auto& p = st.path;
        if (p.size() == 2 && name == "style") {
            st.id = sax_attr(n, attrs, "styleId").value_or("");
            st.current = style{};
        } else if (p.size() == 3 && p[1] == "style") {
            if (name == "name") st.current.name = sax_attr(n, attrs, "val").value_or("");
            if (name == "basedOn") st.current.based_on = sax_attr(n, attrs, "val").value_or("");
        } else if (p.size() == 4 && p[1] == "style" && p[2] == "pPr") {
            if (name == "outlineLvl") {
                const auto v = sax_attr(n, attrs, "val");
                if (v && !v->empty() && v->size() < 4 &&
                    std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; }))
                    st.current.outline = std::stoi(*v);
            }
            if (name == "numPr") st.current.numbered = true;
        } else if (p.size() == 5 && p[1] == "style" && p[2] == "pPr" && p[3] == "numPr") {
            const auto v = sax_attr(n, attrs, "val").value_or("");
            if (name == "numId") st.current.num_id = v;
            if (name == "ilvl" && v.size() == 1 && v[0] >= '0' && v[0] <= '8') st.current.num_level = v[0] - '0';
        } else if (p.size() == 4 && p[1] == "style" && p[2] == "rPr" && name == "b") {
            const auto v = sax_attr(n, attrs, "val");
            st.current.bold = !(v && (*v == "0" || *v == "false" || *v == "off"));
        }
    }

    static void end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        auto& st = *static_cast<sax_state*>(ctx);
        try {
            if (st.path.size() == 2 && st.path[1] == "style" && !st.id.empty())
                st.self->by_id_.emplace(std::move(st.id), std::move(st.current));
        } catch (...) {
            st.failed = true;
            xmlStopParser(st.ctxt);
        }
        if (!st.path.empty()) st.path.pop_back();
    }

    static void refuse(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        auto& st = *static_cast<sax_state*>(ctx);
        st.dtd = true;
        xmlStopParser(st.ctxt);
    }

    std::map<std::string, style> by_id_;
};

// ---- automatic numbering ---------------------------------------------------------------------

/// word/numbering.xml: the text Word draws before a numbered paragraph ("一、", "（二）", "3.").
/// Reports often get their ordinals from Word's automatic numbering (typing "一、" at the start of
/// a paragraph turns it into a list), and without them headings and labels lose their ordinals.
class numbering {
public:
    void read(const xmlDoc* d) {
        const xmlNode* root = xmlDocGetRootElement(d);
        if (!root) return;
        for (const xmlNode* n = root->children; n; n = n->next) {
            if (is_w(n, "abstractNum")) {
                const auto id = attr(n, "abstractNumId");
                if (!id) continue;
                auto& levels = abstracts_[*id];
                for (const xmlNode* l = n->children; l; l = l->next) {
                    if (!is_w(l, "lvl")) continue;
                    const auto il = int_val_attr(l, "ilvl");
                    if (!il || *il > 8) continue;
                    level& lv = levels[static_cast<std::size_t>(*il)];
                    lv.defined = true;
                    if (const auto v = int_val(child(l, "start"))) lv.start = *v;
                    lv.format = attr(child(l, "numFmt"), "val").value_or("decimal");
                    lv.text = attr(child(l, "lvlText"), "val").value_or("");
                    lv.suffix = attr(child(l, "suff"), "val").value_or("tab");
                }
            } else if (is_w(n, "num")) {
                const auto id = attr(n, "numId");
                const auto abstract = attr(child(n, "abstractNumId"), "val");
                if (!id || !abstract) continue;
                instance& in = nums_[*id];
                in.abstract = *abstract;
                for (const xmlNode* o = n->children; o; o = o->next) {
                    if (!is_w(o, "lvlOverride")) continue;
                    const auto il = int_val_attr(o, "ilvl");
                    if (!il || *il > 8) continue;
                    if (const auto v = int_val(child(o, "startOverride"))) in.start_override[*il] = *v;
                }
            }
        }
    }

    /// The number text of the next paragraph of list `num_id` at level `ilvl` (counters advance),
    /// with its separator; empty for bullets, for "none" and for lists not defined.
    std::string next(const std::string& num_id, int ilvl) {
        const auto in = nums_.find(num_id);
        if (in == nums_.end() || ilvl < 0 || ilvl > 8) return {};
        const auto ab = abstracts_.find(in->second.abstract);
        if (ab == abstracts_.end()) return {};
        const auto& levels = ab->second;
        // Word counts per abstract list; a w:num with a start override restarts it when first used.
        auto& counts = counters_[in->second.abstract];
        if (started_.insert(num_id).second)
            for (const auto& [l, start] : in->second.start_override) counts[static_cast<std::size_t>(l)] = start - 1;
        const auto li = static_cast<std::size_t>(ilvl);
        counts[li] = counts[li] ? *counts[li] + 1 : levels[li].start;
        for (std::size_t deeper = li + 1; deeper < counts.size(); ++deeper) counts[deeper].reset();
        ++rendered_;
        const level& lv = levels[li];
        if (!lv.defined || lv.format == "bullet" || lv.format == "none") return {};
        std::string out;
        for (std::size_t i = 0; i < lv.text.size(); ++i) {
            const char c = lv.text[i];
            if (c == '%' && i + 1 < lv.text.size() && lv.text[i + 1] >= '1' && lv.text[i + 1] <= '9') {
                const auto ref = static_cast<std::size_t>(lv.text[i + 1] - '1');
                out += format(counts[ref] ? *counts[ref] : levels[ref].start, levels[ref].format);
                ++i;
            } else {
                out += c;
            }
        }
        if (lv.suffix != "nothing" && !out.empty()) out += ' ';
        return out;
    }

    bool empty() const { return nums_.empty(); }
    int rendered() const { return rendered_; }

private:
    struct level {
        bool defined = false;
        int start = 1;
        std::string format = "decimal", text, suffix = "tab";
    };
    struct instance {
        std::string abstract;
        std::map<int, int> start_override;
    };

    static std::optional<int> int_val_attr(const xmlNode* n, std::string_view name) {
        const auto v = attr(n, name);
        if (!v || v->empty() || v->size() > 6) return std::nullopt;
        int x = 0;
        for (char c : *v) {
            if (c < '0' || c > '9') return std::nullopt;
            x = x * 10 + (c - '0');
        }
        return x;
    }

    /// `n` written as the level's number format says (numFmt of ECMA-376 §17.18.59; the formats
    /// Chinese reports use, others as decimal).
    static std::string format(int n, const std::string& f) {
        static const char* const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n <= 0) return std::to_string(n);
        if ((f == "chineseCounting" || f == "chineseCountingThousand" || f == "chineseLegalSimplified" ||
             f == "japaneseCounting" || f == "taiwaneseCounting" || f == "ideographDigital") &&
            n < 100) {
            if (f == "ideographDigital") {
                std::string out;
                for (char c : std::to_string(n)) out += digits[c - '0'];
                return out;
            }
            std::string out;
            if (n >= 20) out += digits[n / 10];
            if (n >= 10) out += "十";
            if (n % 10 != 0 || n < 10) out += digits[n % 10];
            return out;
        }
        if (f == "ideographTraditional" && n <= 10) {
            static const char* const stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
            return stems[n - 1];
        }
        const auto circled = [n](char32_t first) {
            const char32_t c = first + static_cast<char32_t>(n - 1);
            std::string out;  // U+2460…U+249B
            utf8::append(out, c);
            return out;
        };
        if ((f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") && n <= 20) return circled(0x2460);
        if (f == "decimalEnclosedParen" && n <= 20) return circled(0x2474);
        if (f == "decimalEnclosedFullstop" && n <= 20) return circled(0x2488);
        if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
            std::string out;
            for (char c : std::to_string(n)) out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
            return out;
        }
        if (f == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
        if ((f == "upperLetter" || f == "lowerLetter") && n <= 26 * 20) {
            const char base = f == "upperLetter" ? 'A' : 'a';
            return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
        }
        if ((f == "upperRoman" || f == "lowerRoman") && n < 4000) {
            static const std::pair<int, const char*> table[] = {
                {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
                {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
            std::string out;
            for (const auto& [v, r] : table)
                for (; n >= v; n -= v) out += r;
            if (f == "lowerRoman")
                for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
            return out;
        }
        return std::to_string(n);
    }

    std::map<std::string, std::array<level, 9>> abstracts_;
    std::map<std::string, instance> nums_;
    std::map<std::string, std::array<std::optional<int>, 9>> counters_;
    std::set<std::string> started_;
    int rendered_ = 0;
};

// ---- the body -------------------------------------------------------------------------------

constexpr int max_cols = 64;  // as the HTML reader: the widest official table has 17 columns

bool contains_table(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_w(c, "tbl") || contains_table(c)) return true;
    }
    return false;
}

class walker {
public:
    walker(document& doc, const styles& st, numbering& num) : doc_(doc), styles_(st), numbering_(num) {}

    /// Block-level content: paragraphs, tables, and the containers that hold them.
    void blocks(const xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (is_w(n, "p")) {
                paragraph(n);
            } else if (is_w(n, "tbl")) {
                table(n);
            } else if (is_w(n, "sdt")) {
                blocks(child(n, "sdtContent") ? child(n, "sdtContent")->children : nullptr);
            } else if (is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo") || is_w(n, "smartTag")) {
                blocks(n->children);
            } else if (is_w(n, "del") || is_w(n, "moveFrom")) {
                ++deleted_;
            } else if (is_mc(n, "AlternateContent")) {
                ++alternates_;
                if (const xmlNode* b = alternate_branch(n)) blocks(b->children);
            }
            // w:sectPr, w:bookmarkStart, w:proofErr, …: no text.
        }
    }

    void finish(bool have_styles) {
        std::string summary = "word/document.xml: " + std::to_string(paragraphs_) + " paragraph(s), " +
                              std::to_string(next_table_) + " table(s)";
        if (layout_tables_ > 0) summary += " (" + std::to_string(layout_tables_) + " of them layout)";
        summary += have_styles ? "; styles from word/styles.xml" : "";
        summary += "; headers, footers, footnotes and comments are not read";
        log_entry(doc_.log, codes::I_080, summary);
        if (deleted_ > 0)
            log_entry(doc_.log, codes::I_081,
                      std::to_string(deleted_) +
                          " deleted revision(s) (w:del, w:moveFrom) skipped; inserted text is read");
        if (hidden_ > 0) log_entry(doc_.log, codes::I_082, std::to_string(hidden_) + " run(s) of hidden text skipped");
        if (numbering_.rendered() > 0)
            log_entry(doc_.log, codes::I_088,
                      std::to_string(numbering_.rendered()) +
                          " automatically numbered paragraph(s): their number text written from word/numbering.xml");
        if (text_boxes_ > 0 || alternates_ > 0)
            log_entry(doc_.log, codes::I_083,
                      std::to_string(text_boxes_) + " text box(es) read after the paragraph that anchors them; " +
                          std::to_string(alternates_) + " mc:AlternateContent read once (first Choice, else Fallback)");
    }

private:
    // ---- paragraphs

    void paragraph(const xmlNode* p) {
        ++paragraphs_;
        const std::uint32_t number = static_cast<std::uint32_t>(paragraphs_);
        const xmlNode* ppr = child(p, "pPr");
        std::string style_id;
        if (const auto s = attr(child(ppr, "pStyle"), "val")) style_id = *s;
        int heading = styles_.heading(style_id);
        // The paragraph's own outline level overrides its style's (9 is body text).
        if (const xmlNode* o = child(ppr, "outlineLvl"))
            if (const auto v = int_val(o)) heading = *v < 6 ? *v + 1 : 0;
        // Numbering: the paragraph's own numPr, else its style's (numId 0 switches it off).
        const xmlNode* num = child(ppr, "numPr");
        std::string num_id;
        int num_level = 0;
        if (num) {
            num_id = attr(child(num, "numId"), "val").value_or("");
            num_level = int_val(child(num, "ilvl")).value_or(0);
        }
        if (const style* ns = num ? nullptr : styles_.numbered(style_id)) {
            num_id = ns->num_id;
            num_level = ns->num_level;
        }
        if (num && num_id.empty())  // a numPr with only w:ilvl takes the style's list
            if (const style* ns = styles_.numbered(style_id)) num_id = ns->num_id;
        const bool list = (num && num_id != "0") || (!num && styles_.numbered(style_id));
        prefix_ = !num_id.empty() && num_id != "0" ? numbering_.next(num_id, num_level) : std::string();
        std::vector<const xmlNode*> boxes;
        if (cell_) {
            // Inside a table cell: the cell's paragraphs are one text, joined by spaces.
            if (!cell_->empty() && cell_->back() != ' ') *cell_ += ' ';
            para_ = {number, 0, false, style_id, &boxes};
            inline_content(p->children);
        } else {
            para_ = {number, heading, list, style_id, &boxes};
            inline_content(p->children);
            flush();
        }
        para_.boxes = nullptr;
        prefix_.clear();  // a numbered paragraph without text: its number is not drawn either
        // Text boxes anchored in the paragraph: read after it, once.
        for (const xmlNode* box : boxes) {
            ++text_boxes_;
            blocks(box->children);
        }
    }

    /// Runs and the inline containers around them.
    void inline_content(const xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (is_w(n, "r")) {
                run(n);
            } else if (is_w(n, "hyperlink") || is_w(n, "ins") || is_w(n, "moveTo") || is_w(n, "smartTag") ||
                       is_w(n, "customXml") || is_w(n, "fldSimple") || is_w(n, "bdo") || is_w(n, "dir")) {
                inline_content(n->children);
            } else if (is_w(n, "sdt")) {
                if (const xmlNode* c = child(n, "sdtContent")) inline_content(c->children);
            } else if (is_w(n, "del") || is_w(n, "moveFrom")) {
                ++deleted_;
            } else if (is_mc(n, "AlternateContent")) {
                ++alternates_;
                if (const xmlNode* b = alternate_branch(n)) inline_content(b->children);
            }
            // w:pPr (read above), bookmarks, proofing marks, comment anchors, math: no text.
        }
    }

    void run(const xmlNode* r) {
        const xmlNode* rpr = child(r, "rPr");
        if (on_off(rpr, "vanish").value_or(false)) {
            ++hidden_;
            return;
        }
        std::optional<bool> bold = on_off(rpr, "b");
        if (!bold)
            if (const auto rs = attr(child(rpr, "rStyle"), "val")) bold = styles_.bold(*rs);
        if (!bold) bold = styles_.bold(para_.style);
        for (const xmlNode* c = r->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is_w(c, "t")) {
                xmlChar* v = xmlNodeGetContent(c);
                text(view(v), bold.value_or(false));
                xmlFree(v);
            } else if (is_w(c, "tab") || is_w(c, "ptab")) {
                if (cell_)
                    text(" ", false);
                else {
                    line_ += '\t';
                    marked_ += '\t';
                }
            } else if (is_w(c, "br") || is_w(c, "cr")) {
                // A line break ends a line, as <br> does in HTML; in a cell it is a space.
                if (cell_)
                    text(" ", false);
                else
                    flush();
            } else if (is_w(c, "noBreakHyphen")) {
                text("-", bold.value_or(false));
            } else if (is_w(c, "drawing") || is_w(c, "pict") || is_w(c, "object")) {
                find_text_boxes(c);
            } else if (is_mc(c, "AlternateContent")) {
                ++alternates_;
                // The branch holds run content (w:t, w:drawing, …) of this run.
                if (const xmlNode* b = alternate_branch(c)) run_children_only(b->children, bold.value_or(false));
            }
            // w:delText, w:instrText (field codes), w:fldChar, w:footnoteReference, w:sym,
            // w:lastRenderedPageBreak: not text.
        }
    }

    /// Run content found inside an mc:AlternateContent branch of a run.
    void run_children_only(const xmlNode* c, bool bold) {
        for (; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is_w(c, "t")) {
                xmlChar* v = xmlNodeGetContent(c);
                text(view(v), bold);
                xmlFree(v);
            } else if (is_w(c, "drawing") || is_w(c, "pict") || is_w(c, "object")) {
                find_text_boxes(c);
            }
        }
    }

    /// Collects the text boxes of a drawing (w:txbxContent), taking one branch of each
    /// mc:AlternateContent on the way so that a box is never read twice.
    void find_text_boxes(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is_w(c, "txbxContent")) {
                if (para_.boxes) para_.boxes->push_back(c);
            } else if (is_mc(c, "AlternateContent")) {
                ++alternates_;
                if (const xmlNode* b = alternate_branch(c)) find_text_boxes(b);
            } else {
                find_text_boxes(c);
            }
        }
    }

    void text(std::string_view s, bool bold) {
        if (s.empty()) return;
        if (!prefix_.empty()) {
            // The number takes the formatting of the paragraph's first text (bold in a bold title).
            const std::string number = std::move(prefix_);
            prefix_.clear();
            text(number, bold);
        }
        if (cell_) {
            append_collapsed(*cell_, s);
            return;
        }
        if (para_.heading == 0 && bold != bold_open_) {
            marked_ += "**";
            bold_open_ = bold;
        }
        line_ += s;
        marked_ += s;
    }

    void flush() {
        if (bold_open_) marked_ += "**";
        bold_open_ = false;
        if (auto b = paragraph_block(line_, marked_, para_.heading, para_.list)) {
            b->where.line = para_.number;
            doc_.blocks.push_back(std::move(*b));
        }
        line_.clear();
        marked_.clear();
    }

    // ---- tables

    static std::vector<const xmlNode*> rows_of(const xmlNode* tbl) {
        std::vector<const xmlNode*> rows;
        const auto collect = [&rows](const xmlNode* n, const auto& self) -> void {
            for (; n; n = n->next) {
                if (is_w(n, "tr"))
                    rows.push_back(n);
                else if (is_w(n, "sdt")) {
                    if (const xmlNode* c = child(n, "sdtContent")) self(c->children, self);
                } else if (is_w(n, "customXml"))
                    self(n->children, self);
            }
        };
        collect(tbl->children, collect);
        return rows;
    }

    static std::vector<const xmlNode*> cells_of(const xmlNode* tr) {
        std::vector<const xmlNode*> cells;
        const auto collect = [&cells](const xmlNode* n, const auto& self) -> void {
            for (; n; n = n->next) {
                if (is_w(n, "tc"))
                    cells.push_back(n);
                else if (is_w(n, "sdt")) {
                    if (const xmlNode* c = child(n, "sdtContent")) self(c->children, self);
                } else if (is_w(n, "customXml"))
                    self(n->children, self);
            }
        };
        collect(tr->children, collect);
        return cells;
    }

    /// A row deleted as a tracked change (w:trPr/w:del) is not part of the table.
    static bool deleted_row(const xmlNode* tr) { return child(child(tr, "trPr"), "del") != nullptr; }

    void table(const xmlNode* tbl) {
        const auto index = static_cast<std::uint32_t>(next_table_++);
        if (contains_table(tbl)) {
            // A table holding tables is layout (as in the HTML reader): its cells are walked as
            // containers, in order, their tables read on their own.
            ++layout_tables_;
            log_entry(doc_.log, codes::I_084, "table " + std::to_string(index) + " holds tables: read as text", {},
                      table_at(index));
            for (const xmlNode* tr : rows_of(tbl))
                for (const xmlNode* tc : cells_of(tr)) blocks(tc->children);
            return;
        }
        std::size_t grid_cols = 0;
        if (const xmlNode* g = child(tbl, "tblGrid"))
            for (const xmlNode* c = g->children; c; c = c->next) grid_cols += is_w(c, "gridCol");
        grid_cols = std::min<std::size_t>(grid_cols, max_cols);
        src_cell absent;
        absent.present = false;
        std::vector<std::vector<src_cell>> grid;
        std::vector<const xmlNode*> trs;
        for (const xmlNode* tr : rows_of(tbl)) {
            if (deleted_row(tr)) {
                ++deleted_;
                continue;
            }
            const auto r = static_cast<std::uint32_t>(grid.size());
            std::vector<src_cell> row;
            const xmlNode* trpr = child(tr, "trPr");
            int col = 0;
            // w:gridBefore: grid positions before the first cell that the row does not have.
            if (const auto before = int_val(child(trpr, "gridBefore"))) col = std::min(*before, max_cols);
            row.resize(static_cast<std::size_t>(col), absent);
            for (const xmlNode* tc : cells_of(tr)) {
                if (col >= max_cols) {
                    repaired("row " + std::to_string(r) + " has more than " + std::to_string(max_cols) +
                                 " grid positions; the rest is not read",
                             index, r, static_cast<std::uint32_t>(col));
                    break;
                }
                const xmlNode* tcpr = child(tc, "tcPr");
                int span = int_val(child(tcpr, "gridSpan")).value_or(1);
                if (span < 1) span = 1;
                if (span > max_cols - col) {
                    repaired("gridSpan " + std::to_string(span) + " runs past the grid; clamped", index, r,
                             static_cast<std::uint32_t>(col));
                    span = max_cols - col;
                }
                // w:vMerge without w:val="restart" continues the cell above; legacy w:hMerge
                // "continue" continues the cell to the left.
                const xmlNode* vmerge = child(tcpr, "vMerge");
                const bool v_continue = vmerge && attr(vmerge, "val").value_or("continue") != "restart";
                const xmlNode* hmerge = child(tcpr, "hMerge");
                const bool h_continue = hmerge && attr(hmerge, "val").value_or("continue") != "restart";
                std::string s;
                cell_ = &s;
                blocks(tc->children);
                cell_ = nullptr;
                src_cell origin;
                origin.text = trim(s);
                provenance p;
                p.table = index;
                p.row = r;
                p.cell = static_cast<std::uint32_t>(col);  // the grid position: stable across merges
                origin.where = p;
                row.resize(static_cast<std::size_t>(col + span), absent);
                const src_cell* above = nullptr;
                if (v_continue && r > 0 && grid.back().size() > static_cast<std::size_t>(col) &&
                    grid.back()[static_cast<std::size_t>(col)].present)
                    above = &grid.back()[static_cast<std::size_t>(col)];
                const src_cell* left = h_continue && col > 0 && row[static_cast<std::size_t>(col - 1)].present
                                           ? &row[static_cast<std::size_t>(col - 1)]
                                           : nullptr;
                if (above || left) {
                    if (!origin.text.empty())
                        log_entry(doc_.log, codes::I_086,
                                  "text \"" + origin.text + "\" of a merged continuation cell not read", {}, p);
                    // A vertical continuation copies each position above it (the cell above may
                    // itself span); a horizontal one copies the cell to its left.
                    const std::vector<src_cell>* prev = above ? &grid.back() : nullptr;
                    const src_cell copy = above ? *above : *left;  // `left` points into `row`, written below
                    for (int dc = 0; dc < span; ++dc) {
                        const auto pos = static_cast<std::size_t>(col + dc);
                        src_cell& slot = row[pos];
                        slot = prev && prev->size() > pos && (*prev)[pos].present ? (*prev)[pos] : copy;
                        slot.span_copy = true;
                    }
                } else {
                    if (v_continue || h_continue)
                        repaired(std::string(v_continue ? "vMerge" : "hMerge") +
                                     " continuation with no cell to continue; read as a cell of its own",
                                 index, r, static_cast<std::uint32_t>(col));
                    for (int dc = 0; dc < span; ++dc) {
                        src_cell& slot = row[static_cast<std::size_t>(col + dc)];
                        slot = origin;
                        slot.span_copy = dc > 0;
                    }
                }
                col += span;
            }
            // w:gridAfter: positions after the last cell that the row does not have (left absent
            // by the padding below).
            grid.push_back(std::move(row));
            trs.push_back(tr);
        }
        std::size_t width = grid_cols;
        for (const auto& row : grid) width = std::max(width, row.size());
        for (std::size_t r = 0; r < grid.size(); ++r) {
            auto& row = grid[r];
            row.resize(width, absent);
            block b;
            b.type = block::kind::row;
            b.html = true;
            b.where.table = index;
            b.where.row = static_cast<std::uint32_t>(r);
            b.text = grid_row_text(row);
            // A row whose cells are all empty is kept (unlike the HTML reader's spacer rows): in a
            // Word table it is a printed row of empty boxes, the evidence that its cells are blank.
            bool any = false;
            for (const src_cell& c : row) any = any || c.present;
            b.cells = std::move(row);
            if (any) doc_.blocks.push_back(std::move(b));
        }
    }

    static provenance table_at(std::uint32_t t, std::optional<std::uint32_t> r = std::nullopt,
                               std::optional<std::uint32_t> c = std::nullopt) {
        provenance p;
        p.table = t;
        p.row = r;
        p.cell = c;
        return p;
    }

    void repaired(const std::string& what, std::uint32_t t, std::uint32_t r, std::uint32_t c) {
        log_entry(doc_.log, codes::I_085, "table " + std::to_string(t) + ": " + what, {}, table_at(t, r, c));
    }

    struct paragraph_state {
        std::uint32_t number = 0;
        int heading = 0;
        bool list = false;
        std::string style;
        std::vector<const xmlNode*>* boxes = nullptr;
    };

    document& doc_;
    const styles& styles_;
    numbering& numbering_;
    std::string prefix_;  // the paragraph's number text, written before its first text
    paragraph_state para_;
    std::string line_, marked_;
    bool bold_open_ = false;
    std::string* cell_ = nullptr;  // the text of the table cell being read, or null
    int paragraphs_ = 0, next_table_ = 0, layout_tables_ = 0;
    int deleted_ = 0, hidden_ = 0, text_boxes_ = 0, alternates_ = 0;
};

}  // namespace

document read_docx(std::string_view docx, std::size_t max_unpacked_bytes) {
    refuse_ole2(docx);
    if (docx.empty()) throw error(errc::invalid_value, "not a Word document: the input is empty");
    package pkg(docx, max_unpacked_bytes);
    std::optional<std::string> main_part = pkg.read("word/document.xml");
    if (!main_part)
        throw error(errc::unsupported_kind, "the zip file is not a Word document: it has no word/document.xml");
    document doc;
    styles st;
    bool have_styles = false;
    if (std::optional<std::string> s = pkg.read("word/styles.xml")) {
        // Styles only refine headings and bold: a damaged styles part is logged, not fatal.
        try {
            st.read(*s);
            have_styles = true;
        } catch (const error& e) {
            if (e.code() != errc::invalid_value) throw;
            log_entry(doc.log, codes::I_087, e.what());
        }
    } else {
        log_entry(doc.log, codes::I_087, "the package has no word/styles.xml");
    }
    const auto d = parse_part(*main_part, "word/document.xml");
    main_part.reset();  // the tree holds the text from here on
    const xmlNode* root = xmlDocGetRootElement(d.get());
    const xmlNode* body = root && is_w(root, "document") ? child(root, "body") : nullptr;
    if (!body) throw error(errc::invalid_value, "damaged Word document: word/document.xml has no w:document/w:body");
    numbering num;
    if (std::optional<std::string> n = pkg.read("word/numbering.xml")) {
        // Like styles, numbering only adds ordinals: a damaged part is logged, not fatal.
        try {
            num.read(parse_part(*n, "word/numbering.xml").get());
        } catch (const error& e) {
            if (e.code() != errc::invalid_value) throw;
            log_entry(doc.log, codes::I_089, e.what());
        }
    }
    walker w(doc, st, num);
    w.blocks(body->children);
    w.finish(have_styles);
    return doc;
}

}  // namespace xxgk::import_detail
