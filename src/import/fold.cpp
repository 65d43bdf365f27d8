#include "fold.hpp"

#include <xxgk/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace xxgk::import_detail {
namespace {

// Traditional → simplified, as pairs (traditional, simplified), for the characters of the report
// vocabulary: labels, headings, units and the words around them. Mirror sites convert reports to
// traditional script ("規範性檔案" for 规范性文件, formats.md §12); matching maps them back.
constexpr std::u32string_view traditional_pairs =
    U"並并乾干亂乱佈布佔占併并來来係系倉仓個个們们倫伦偉伟側侧傑杰備备傭佣傳传債债傷伤僅仅價价儀仪億亿儘尽償偿優优儲储"
    U"兒儿內内兩两冊册凍冻凱凯則则剛刚創创劃划劇剧劉刘"
    U"劑剂動动務务勝胜勞劳勢势勵励勸劝勻匀匯汇匱匮區区協协卻却厲厉參参員员問问啟启單单嗎吗嚴严囑嘱國国圍围園园圓圆圖图"
    U"團团執执報报場场塊块塵尘壇坛壓压壞坏壯壮壽寿夠够"
    U"夢梦夥伙夾夹奧奥奪夺奮奋妝妆娛娱婦妇嬰婴孫孙學学寢寝實实寧宁審审寫写寬宽寶宝將将專专尋寻對对導导屆届層层屬属岡冈"
    U"島岛峽峡嶺岭師师帳账帶带幣币幫帮幹干幾几庫库廁厕"
    U"廂厢廈厦廟庙廠厂廢废廣广廬庐廳厅張张強强彈弹彎弯彙汇後后徑径從从復复徵征徹彻恆恒悅悦惡恶惱恼愛爱態态慚惭慣惯慮虑"
    U"憂忧憐怜憑凭憲宪懇恳應应懲惩懶懒懷怀懸悬戀恋戰战"
    U"戲戏戶户挾挟捲卷掃扫掙挣掛挂採采揚扬換换揮挥損损搶抢撥拨撫抚撲扑擁拥擇择擊击擋挡擔担據据擠挤擬拟擴扩擺摆擾扰攔拦"
    U"攜携攝摄攤摊攬揽敗败敘叙敵敌數数斬斩斷断於于時时"
    U"暢畅暫暂曆历曉晓曬晒書书會会東东桿杆條条棄弃棟栋楊杨楓枫業业極极榮荣構构槍枪樂乐樓楼標标樣样樹树橋桥機机檔档檢检"
    U"檯台櫃柜權权歐欧歡欢歲岁歷历歸归殘残殺杀殼壳毀毁"
    U"氣气決决沒没況况淨净淺浅測测湊凑準准溝沟滅灭滬沪滯滞滿满漁渔漢汉漲涨潔洁潤润澆浇澤泽濃浓濕湿濟济濤涛濱滨瀏浏灣湾"
    U"災灾為为無无煉炼煙烟熱热燈灯燒烧營营燦灿燭烛爐炉"
    U"爛烂爭争牆墙犧牺狀状獄狱獎奖獨独獲获獵猎獻献現现環环瓊琼產产畝亩畢毕畫画異异當当疊叠瘋疯療疗癒愈發发盜盗盡尽監监"
    U"盤盘盧卢矯矫碩硕確确碼码磚砖礎础礙碍礦矿祕秘禍祸"
    U"禪禅禮礼稅税稱称穀谷積积穩稳窮穷窯窑竊窃競竞筆笔節节範范築筑簡简簽签簾帘籃篮籌筹籠笼粵粤糧粮糾纠紀纪紅红納纳純纯"
    U"紙纸級级紛纷細细終终組组結结絕绝絡络給给統统絲丝"
    U"經经綜综綠绿維维綱纲網网緊紧緒绪線线緣缘編编緩缓緯纬練练縣县縫缝縮缩縱纵總总績绩織织繞绕繩绳繪绘繫系繳缴繼继續续"
    U"罰罚罵骂罷罢羅罗義义習习聖圣聞闻聯联聲声職职聽听"
    U"肅肃脅胁脈脉腦脑膚肤膠胶膽胆臟脏臨临臺台與与舉举舊旧艙舱艦舰艱艰莊庄華华萬万葉叶著着蒼苍蓋盖蕭萧薦荐藍蓝藝艺藥药"
    U"蘆芦蘇苏蘭兰處处號号虧亏蝦虾蟲虫蠶蚕衆众衛卫衝冲"
    U"裏里補补裝装裡里製制複复褲裤襲袭見见規规視视親亲覺觉覽览觀观觸触訂订計计訊讯討讨訓训託托記记訝讶訟讼訪访設设許许"
    U"訴诉診诊詐诈評评詞词詢询試试詭诡話话該该詳详誇夸"
    U"誌志認认誘诱語语誠诚誤误誦诵說说課课調调談谈請请諒谅論论諸诸謀谋謂谓謊谎謝谢謠谣謹谨證证識识譜谱譯译議议護护譽誉"
    U"讀读變变讓让讚赞豎竖豐丰豬猪貓猫貝贝負负財财貢贡"
    U"貧贫貨货販贩貫贯責责貴贵買买貸贷費费貿贸資资賊贼賓宾賞赏賠赔賢贤賣卖賤贱賦赋質质賬账賴赖賺赚購购贈赠贊赞贏赢趕赶"
    U"趙赵趨趋跡迹踐践踴踊蹤踪躍跃軀躯車车軌轨軍军軟软"
    U"軸轴較较載载輔辅輕轻輛辆輩辈輪轮輯辑輸输轄辖轉转轟轰辦办辭辞辯辩農农這这連连週周進进遊游運运過过達达違违遙遥遜逊"
    U"遞递遠远適适遲迟遷迁選选遺遗遼辽邁迈還还邊边郵邮"
    U"鄉乡鄭郑鄰邻醜丑醫医醬酱釋释針针鈔钞鉅巨鉛铅銀银銅铜銳锐鋁铝鋪铺鋼钢錄录錢钱錦锦錫锡錯错鍋锅鍛锻鍵键鎖锁鎮镇鏈链"
    U"鏡镜鐘钟鐵铁鑄铸鑑鉴鑒鉴鑰钥長长門门閃闪閉闭開开"
    U"閒闲間间閣阁閥阀閩闽閱阅闆板闊阔關关闡阐闢辟陝陕陣阵陰阴陳陈陸陆陽阳隊队階阶際际隨随險险隱隐隴陇隸隶隻只雖虽雙双"
    U"雜杂雞鸡離离難难雲云電电霧雾靈灵靜静韋韦韓韩韻韵"
    U"響响頁页頂顶項项順顺須须頌颂預预頒颁領领頭头頸颈頻频顆颗題题額额願愿顛颠類类顧顾顯显風风颱台颳刮飛飞飢饥飯饭飲饮"
    U"飾饰養养餘余館馆饋馈饑饥饒饶馬马駐驻騎骑騙骗騰腾"
    U"驅驱驕骄驗验驚惊驢驴體体髮发鬆松鬍胡鬥斗鬧闹鬱郁魚鱼魯鲁鮮鲜鯨鲸鳥鸟鳳凤鴨鸭鴻鸿鵝鹅鶴鹤鷹鹰鹽盐麗丽麥麦麵面麼么"
    U"黃黄點点黨党黴霉齊齐齋斋齒齿齡龄龍龙龐庞龜龟";

// Every traditional character of the table lies in U+4E00–U+9FFF; a bit per code point of that
// block says which ones are, so that the search runs only for them.
constexpr char32_t cjk_first = 0x4E00, cjk_last = 0x9FFF;

}  // namespace

std::u32string_view traditional_simplified_pairs() noexcept { return traditional_pairs; }

namespace {

struct t2s_table {
    std::vector<std::pair<char32_t, char32_t>> pairs;
    std::array<std::uint64_t, (cjk_last - cjk_first + 64) / 64> traditional{};
    t2s_table() {
        for (std::size_t i = 0; i + 1 < traditional_pairs.size(); i += 2) {
            const char32_t t = traditional_pairs[i];
            pairs.emplace_back(t, traditional_pairs[i + 1]);
            if (t >= cjk_first && t <= cjk_last)
                traditional[(t - cjk_first) / 64] |= std::uint64_t{1} << ((t - cjk_first) % 64);
        }
        std::sort(pairs.begin(), pairs.end());
    }
    bool maybe_traditional(char32_t c) const noexcept {
        if (c < cjk_first || c > cjk_last) return true;  // outside the block: ask the pairs
        return (traditional[(c - cjk_first) / 64] >> ((c - cjk_first) % 64)) & 1;
    }
};

const t2s_table& t2s() {
    static const t2s_table table;
    return table;
}

// Room for `n` code points, uninitialised: on the stack when small, else on the heap.
class scratch {
    std::array<char32_t, 256> local_;
    std::unique_ptr<char32_t[]> heap_;

public:
    explicit scratch(std::size_t n) : heap_(n > std::tuple_size<decltype(local_)>::value ? new char32_t[n] : nullptr) {}
    char32_t* data() noexcept { return heap_ ? heap_.get() : local_.data(); }
};

struct u32_reader {
    std::u32string_view text;
    std::size_t i = 0;
    bool next(char32_t& c) noexcept {
        if (i >= text.size()) return false;
        c = text[i++];
        return true;
    }
};

bool is_quote(char32_t c) noexcept {
    switch (c) {
        case U'"':
        case U'\'':
        case U'`':
        case U'\u201C':
        case U'\u201D':
        case U'\u2018':
        case U'\u2019':
        case U'\u300C':
        case U'\u300D':
        case U'\u300E':
        case U'\u300F':
        case U'\u301D':
        case U'\u301E':
        case U'\uFF02':
        case U'\uFF07': return true;
        default: return false;
    }
}

}  // namespace

std::u32string to_u32(std::string_view text) {
    // At most one code point per byte: decoded into a scratch buffer, then made at its size.
    scratch buffer(text.size());
    char32_t* const start = buffer.data();
    char32_t* o = start;
    char32_t c = 0;
    for (utf8_reader r{text}; r.next(c);) *o++ = c;
    return std::u32string(start, o);
}

std::string to_u8(std::u32string_view text) {
    std::string out(text.size() * 4, '\0');
    char* o = out.data();
    for (char32_t c : text) o = utf8::encode(o, c);
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
}

std::string sanitize_utf8(std::string_view text, std::vector<std::size_t>& bad) {
    std::string out;
    std::size_t base = 0;
    while (true) {
        const std::size_t off = utf8::first_invalid(text);
        if (off == utf8::npos) {
            out.append(text);
            return out;
        }
        out.append(text.substr(0, off));
        out += "\xEF\xBF\xBD";
        bad.push_back(base + off);
        text.remove_prefix(off + 1);
        base += off + 1;
    }
}

bool is_space(char32_t c) noexcept {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0xA0 ||
           c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

std::u32string trim(std::u32string_view text) {
    std::size_t a = 0, b = text.size();
    while (a < b && (is_space(text[a]) || is_invisible(text[a]))) ++a;
    while (b > a && (is_space(text[b - 1]) || is_invisible(text[b - 1]))) --b;
    return std::u32string(text.substr(a, b - a));
}

bool is_blank(std::string_view text) noexcept {
    // trim(text) is empty exactly when every decoded code point is blank (a bad byte decodes to
    // U+FFFD, which is not).
    char32_t c = 0;
    for (utf8_reader r{text}; r.next(c);)
        if (!is_space(c) && !is_invisible(c)) return false;
    return true;
}

std::string trim(std::string_view text) {
    // Text that is not valid UTF-8 comes back as to_u8(trim(to_u32(text))): its bad bytes replaced.
    if (utf8::first_invalid(text) != utf8::npos) {
        const std::u32string u = to_u32(text);
        return to_u8(trim(std::u32string_view(u)));
    }
    return std::string(trim_valid(text));
}

std::string_view trim_valid(std::string_view text) noexcept {
    // Valid text decodes and encodes back to itself: only its ends are looked at.
    const auto blank = [](char32_t c) { return is_space(c) || is_invisible(c); };
    std::size_t a = 0, b = text.size();
    for (utf8_reader r{text};;) {
        char32_t c = 0;
        if (!r.next(c) || !blank(c)) break;
        a = r.i;
    }
    while (b > a) {
        std::size_t k = b - 1;
        while (k > a && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        char32_t c = 0;
        utf8_reader{text.substr(0, b), k}.next(c);
        if (!blank(c)) break;
        b = k;
    }
    return text.substr(a, b - a);
}

char32_t half_width(char32_t c) noexcept {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
    if (c == 0x3000) return U' ';
    return c;
}

char32_t simplified(char32_t c) noexcept {
    if (c < 0x4E00) return c;
    const t2s_table& table = t2s();
    if (!table.maybe_traditional(c)) return c;
    const auto& pairs = table.pairs;
    auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(c, char32_t{0}));
    if (it != pairs.end() && it->first == c) return it->second;
    return c;
}

namespace {

// The folded form of one code point (phrases aside); false when folding leaves it out.
bool fold_code_point(char32_t& c, bool* converted) noexcept {
    if (is_space(c) || is_invisible(c) || is_quote(c)) return false;
    c = half_width(c);
    switch (c) {
        case U'*':
        case U'#':
        case U'_': return false;  // Markdown emphasis and heading marks
        case U'\u2014':
        case U'\u2013':
        case U'\u2212':
        case U'\u2015':
        case U'\u2010':
        case U'\u2011': c = U'-'; break;
        case U'\u3014':
        case U'\u3010':
        case U'\u3016': c = U'['; break;  // 〔 【 〖
        case U'\u3015':
        case U'\u3011':
        case U'\u3017': c = U']'; break;
        case U'\u3002': break;  // 。 kept
        default: break;
    }
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    const char32_t s = simplified(c);
    if (s != c && converted) *converted = true;
    c = s;
    return true;
}

// fold_code_point of every ASCII code point; `ascii_dropped` when it is left out.
constexpr unsigned char ascii_dropped = 0x80;
struct ascii_fold_table {
    std::array<unsigned char, 0x80> to{};
    ascii_fold_table() {
        for (char32_t c = 0; c < 0x80; ++c) {
            char32_t f = c;
            to[c] = fold_code_point(f, nullptr) ? static_cast<unsigned char>(f) : ascii_dropped;
        }
    }
};

// fold_code_point of the punctuation blocks report text is full of: general punctuation
// (U+2000–U+206F: spaces, dashes, quotes, invisible marks), CJK symbols and punctuation with kana
// (U+3000–U+30FF: 、。〔〕【】), half- and full-width forms (U+FF00–U+FFEF: ，：（）０-９).
// All lie below U+4E00, so traditional → simplified never changes them (`converted` stays).
constexpr char32_t punct_dropped = 0xFFFFFFFF;
struct punct_fold_table {
    struct block {
        char32_t first, last;
        std::array<char32_t, 0x100> to;
    };
    std::array<block, 3> blocks{{{0x2000, 0x206F, {}}, {0x3000, 0x30FF, {}}, {0xFF00, 0xFFEF, {}}}};
    punct_fold_table() {
        for (block& b : blocks)
            for (char32_t c = b.first; c <= b.last; ++c) {
                char32_t f = c;
                b.to[c - b.first] = fold_code_point(f, nullptr) ? f : punct_dropped;
            }
    }
    // The folded form of `c` (punct_dropped: left out), or null outside the blocks.
    const char32_t* find(char32_t c) const noexcept {
        for (const block& b : blocks)
            if (c >= b.first && c <= b.last) return &b.to[c - b.first];
        return nullptr;
    }
};

// fold_code_point, with the common cases answered from tables: ASCII, CJK ideographs (which only
// the traditional → simplified step can change, and only the few of the table), punctuation.
struct code_point_folder {
    const ascii_fold_table& ascii;
    const t2s_table& t2s;
    const punct_fold_table& punct;
    bool* converted;
    // Writes the folded form of `c` (if any) at `o`; returns the end.
    char32_t* operator()(char32_t* o, char32_t c) const {
        if (c < 0x80) {
            if (ascii.to[c] != ascii_dropped) *o++ = static_cast<char32_t>(ascii.to[c]);
        } else if (c >= cjk_first && c <= cjk_last && !t2s.maybe_traditional(c)) {
            *o++ = c;
        } else if (const char32_t* p = punct.find(c)) {
            if (*p != punct_dropped) *o++ = *p;
        } else if (fold_code_point(c, converted)) {
            *o++ = c;
        }
        return o;
    }
};

template <class Reader>
std::u32string fold_all(Reader r, std::size_t capacity, bool* converted) {
    static const ascii_fold_table ascii;
    static const punct_fold_table punct;
    const code_point_folder put{ascii, t2s(), punct, converted};
    // Written into a scratch buffer first: no more code points come out than go in (`capacity`
    // bounds them), and the result is then made at its size.
    scratch buffer(capacity);
    char32_t* const start = buffer.data();
    char32_t* o = start;
    // Vocabulary changes of the traditional-script conversion (zh-TW words, not just characters):
    // 檔案 → 文件, 資訊 → 信息, left to right, before the characters are folded.
    char32_t c = 0;
    while (r.next(c)) {
        if (c == U'檔' || c == U'資') {
            Reader ahead = r;
            char32_t d = 0;
            if (ahead.next(d) && d == (c == U'檔' ? U'案' : U'訊')) {
                if (converted) *converted = true;
                const bool file = c == U'檔';
                o = put(o, file ? U'文' : U'信');
                o = put(o, file ? U'件' : U'息');
                r = ahead;
                continue;
            }
        }
        o = put(o, c);
    }
    return std::u32string(start, o);
}

}  // namespace

std::u32string fold(std::string_view text, bool* converted) {
    return fold_all(utf8_reader{text}, text.size(), converted);
}

std::u32string fold(std::u32string_view text, bool* converted) {
    return fold_all(u32_reader{text}, text.size(), converted);
}

int chinese_number(std::u32string_view t) noexcept {
    auto digit = [](char32_t c) -> int {
        switch (c) {
            case U'一': return 1;
            case U'二': return 2;
            case U'三': return 3;
            case U'四': return 4;
            case U'五': return 5;
            case U'六': return 6;
            case U'七': return 7;
            case U'八': return 8;
            case U'九': return 9;
            default: return -1;
        }
    };
    if (t.empty() || t.size() > 3) return 0;
    if (t.size() == 1) return t[0] == U'十' ? 10 : std::max(0, digit(t[0]));
    if (t.size() == 2) {
        if (t[0] == U'十' && digit(t[1]) > 0) return 10 + digit(t[1]);
        if (digit(t[0]) > 0 && t[1] == U'十') return digit(t[0]) * 10;
        return 0;
    }
    if (digit(t[0]) > 0 && t[1] == U'十' && digit(t[2]) > 0) return digit(t[0]) * 10 + digit(t[2]);
    return 0;
}

ordinal leading_ordinal(std::u32string_view f) noexcept {
    auto is_cn = [](char32_t c) {
        return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' ||
               c == U'八' || c == U'九' || c == U'十';
    };
    auto is_digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    ordinal o;
    if (f.empty()) return o;
    if (f[0] == U'(') {
        std::size_t i = 1;
        while (i < f.size() && is_cn(f[i])) ++i;
        if (i > 1 && i < f.size() && f[i] == U')') {
            o.kind = ordinal::paren_chinese;
            o.value = chinese_number(f.substr(1, i - 1));
            o.length = i + 1;
            if (o.value > 0) return o;
            return {};
        }
        i = 1;
        while (i < f.size() && is_digit(f[i])) ++i;
        if (i > 1 && i < f.size() && f[i] == U')' && i <= 3) {
            o.kind = ordinal::digit;
            o.value = 0;
            for (std::size_t k = 1; k < i; ++k) o.value = o.value * 10 + static_cast<int>(f[k] - U'0');
            o.length = i + 1;
            return o;
        }
        return {};
    }
    std::size_t i = 0;
    while (i < f.size() && is_cn(f[i])) ++i;
    if (i > 0 && i < f.size() && (f[i] == U'、' || f[i] == U'.' || f[i] == U',')) {
        o.kind = ordinal::dun_chinese;
        o.value = chinese_number(f.substr(0, i));
        o.length = i + 1;
        if (o.value > 0) return o;
        return {};
    }
    i = 0;
    while (i < f.size() && is_digit(f[i])) ++i;
    if (i > 0 && i <= 2 && i < f.size() && (f[i] == U'.' || f[i] == U'、' || f[i] == U')' || f[i] == U',')) {
        // "1.5" is a number, not an ordinal.
        if (f[i] == U'.' && i + 1 < f.size() && is_digit(f[i + 1])) return {};
        o.kind = ordinal::digit;
        for (std::size_t k = 0; k < i; ++k) o.value = o.value * 10 + static_cast<int>(f[k] - U'0');
        o.length = i + 1;
        return o;
    }
    return {};
}

std::u32string strip_notes(std::u32string_view f) {
    const ordinal o = leading_ordinal(f);
    std::u32string out;
    out.reserve(f.size());  // made at its largest at once: appending grew it one reallocation at a time
    out.append(f.substr(0, o.length));
    int depth = 0;
    for (std::size_t i = o.length; i < f.size(); ++i) {
        const char32_t c = f[i];
        if (c == U'(' || c == U'[') {
            ++depth;
            continue;
        }
        if ((c == U')' || c == U']') && depth > 0) {
            --depth;
            continue;
        }
        if (depth == 0) out += c;
    }
    return out;
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    // Two rows of the table; on the stack for labels (the vocabulary matcher calls this per term).
    constexpr std::size_t local = 64;
    std::array<std::size_t, 2 * (local + 1)> rows;
    std::vector<std::size_t> heap;
    std::size_t* prev = rows.data();
    if (b.size() > local) {
        heap.resize(2 * (b.size() + 1));
        prev = heap.data();
    }
    std::size_t* cur = prev + b.size() + 1;
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::size_t common_subsequence(std::u32string_view a, std::u32string_view b) {
    // One row of the table and the diagonal cell kept aside.
    std::vector<std::size_t> row(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = 0;  // row[j - 1] of the previous row
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(above, row[j - 1]);
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace xxgk::import_detail
