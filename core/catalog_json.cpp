#include "core/catalog_json.h"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

#include "core/text.h"
#include "core/validate.h"

namespace aul::core {

namespace {
using nlohmann::json;

// Thrown only inside this file and turned into a Result at its edge.
struct BadRecord : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string text_field(const json& obj, const char* key, bool required, std::size_t max_chars) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) throw BadRecord(std::string("missing '") + key + "'");
        return {};
    }
    if (!it->is_string()) throw BadRecord(std::string("'") + key + "' must be a string");
    const std::string& s = it->get_ref<const std::string&>();
    if (!is_valid_utf8(s)) throw BadRecord(std::string("'") + key + "' is not valid UTF-8");
    std::string clean = to_nfc(strip_controls(s, /*keep_newlines=*/true));
    if (std::size_t n = codepoint_count(clean); n > max_chars)
        throw BadRecord(std::string("'") + key + "' has " + std::to_string(n) + " characters, more than the " +
                        std::to_string(max_chars) + " allowed");
    return clean;
}

// Ids and codes are what records are keyed and joined by: short, plain ASCII.
std::string key_field(const json& obj, const char* key, bool required) {
    std::string k = text_field(obj, key, required, limits::kKey);
    if (!k.empty() && !looks_like_catalog_key(k))
        throw BadRecord(std::string("'") + key + "' may hold only letters A-Z, digits, '-', '_' and '.'");
    return k;
}

LocalText local_text(const json& obj, const char* key, bool required, std::size_t max_chars) {
    LocalText t;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) throw BadRecord(std::string("missing '") + key + "'");
        return t;
    }
    if (!it->is_object()) throw BadRecord(std::string("'") + key + "' must be an object of kk/ru/en");
    std::string where = std::string(key) + ".";
    auto one = [&](const char* lang) {
        try {
            return text_field(*it, lang, false, max_chars);
        } catch (const BadRecord& e) {
            throw BadRecord(where + e.what());
        }
    };
    t.kk = one("kk");
    t.ru = one("ru");
    t.en = one("en");
    if (required && t.empty()) throw BadRecord(std::string("'") + key + "' has no text");
    return t;
}

bool flag(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return false;
    if (!it->is_boolean()) throw BadRecord(std::string("'") + key + "' must be true or false");
    return it->get<bool>();
}

std::vector<std::string> codes(const json& obj, const char* key) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return out;
    if (!it->is_array()) throw BadRecord(std::string("'") + key + "' must be a list");
    if (it->size() > limits::kCodes)
        throw BadRecord(std::string("'") + key + "' lists more than " + std::to_string(limits::kCodes) + " codes");
    for (const auto& v : *it) {
        if (!v.is_string()) throw BadRecord(std::string("'") + key + "' must hold strings");
        json one{{"code", v}};
        out.push_back(key_field(one, "code", true));
    }
    return out;
}

const json& array_of(const json& doc, const char* key) {
    static const json empty = json::array();
    auto it = doc.find(key);
    if (it == doc.end()) return empty;
    if (!it->is_array()) throw BadRecord(std::string("'") + key + "' must be a list");
    return *it;
}

// Runs parse on each element, prefixing errors with "section[i] (id)".
template <typename T, typename Fn>
void each_record(const json& doc, const char* section, std::vector<T>& out, Fn&& parse) {
    const json& arr = array_of(doc, section);
    out.reserve(arr.size());
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const json& rec = arr[i];
        std::string label = std::string(section) + "[" + std::to_string(i) + "]";
        try {
            if (!rec.is_object()) throw BadRecord("must be an object");
            if (std::size_t bytes = rec.dump().size(); bytes > kMaxRecordBytes)
                throw BadRecord("the record is " + std::to_string(bytes / 1024) + " KiB, more than the " +
                                std::to_string(kMaxRecordBytes / 1024) + " KiB one catalogue page can carry");
            out.push_back(parse(rec));
        } catch (const BadRecord& e) {
            auto id = rec.is_object() ? rec.find(rec.contains("id") ? "id" : "code") : rec.end();
            if (rec.is_object() && id != rec.end() && id->is_string())
                label += " (" + id->get<std::string>() + ")";
            throw BadRecord(label + ": " + e.what());
        }
    }
}

void require_known(const std::set<std::string>& known, const std::string& code, const char* what) {
    if (!code.empty() && !known.count(code))
        throw BadRecord(std::string("unknown ") + what + " '" + code + "'");
}

template <typename T, typename KeyFn>
std::set<std::string> unique_keys(const std::vector<T>& items, const char* section, KeyFn&& key) {
    std::set<std::string> seen;
    for (const auto& item : items)
        if (!seen.insert(key(item)).second)
            throw BadRecord(std::string(section) + ": duplicate '" + key(item) + "'");
    return seen;
}

// `check_references` is off while decoding one page of a catalogue delta: the records it
// refers to may have come in earlier pages, and the kiosk database's foreign keys check
// them as the page is applied.
Catalog parse_document(const json& doc, bool check_references) {
    auto known = [check_references](const std::set<std::string>& set, const std::string& code, const char* what) {
        if (check_references) require_known(set, code, what);
    };
    if (!doc.is_object()) throw BadRecord("the catalogue must be a JSON object");
    Catalog c;
    each_record(doc, "categories", c.categories, [&](const json& r) {
        Category k{key_field(r, "code", true), key_field(r, "icon", false), local_text(r, "name", true, limits::kName)};
        auto at = r.find("position");
        if (at != r.end() && !at->is_null()) {
            if (!at->is_number_integer() || at->get<std::int64_t>() < 0 || at->get<std::int64_t>() > 100000)
                throw BadRecord("'position' must be a small whole number");
            k.position = at->get<int>();
        } else {
            k.position = static_cast<int>(c.categories.size());  // a file lists them in display order
        }
        return k;
    });
    each_record(doc, "regions", c.regions, [](const json& r) {
        return Region{key_field(r, "code", true), local_text(r, "name", true, limits::kName)};
    });
    auto region_codes = unique_keys(c.regions, "regions", [](const Region& r) { return r.code; });
    each_record(doc, "districts", c.districts, [&](const json& r) {
        District d{key_field(r, "code", true), key_field(r, "region", true), local_text(r, "name", true, limits::kName)};
        known(region_codes, d.region, "region");
        return d;
    });
    auto district_codes =
        unique_keys(c.districts, "districts", [](const District& d) { return d.code; });
    auto category_codes =
        unique_keys(c.categories, "categories", [](const Category& k) { return k.code; });

    each_record(doc, "ngos", c.ngos, [&](const json& r) {
        Ngo n;
        n.id = key_field(r, "id", true);
        n.bin = text_field(r, "bin", true, 12);
        if (!is_valid_bin(n.bin)) throw BadRecord("invalid BIN '" + n.bin + "'");
        n.name = local_text(r, "name", true, limits::kName);
        n.mission = local_text(r, "mission", false, limits::kLongText);
        n.services = local_text(r, "services", false, limits::kLongText);
        n.area = local_text(r, "area", false, limits::kShortText);
        n.address = local_text(r, "address", false, limits::kShortText);
        n.categories = codes(r, "categories");
        for (const auto& k : n.categories) known(category_codes, k, "category");
        n.region = key_field(r, "region", true);
        known(region_codes, n.region, "region");
        n.district = key_field(r, "district", false);
        known(district_codes, n.district, "district");
        std::string phone = text_field(r, "phone", false, limits::kPhone);
        if (!phone.empty()) {
            auto normal = normalize_kz_phone(phone);
            if (!normal) throw BadRecord("phone '" + phone + "' is not a Kazakhstan number");
            n.phone = *normal;
        }
        n.email = text_field(r, "email", false, limits::kEmail);
        n.needs_volunteers = flag(r, "needs_volunteers");
        n.seeks_partners = flag(r, "seeks_partners");
        return n;
    });
    auto ngo_ids = unique_keys(c.ngos, "ngos", [](const Ngo& n) { return n.id; });
    unique_keys(c.ngos, "ngos (BIN)", [](const Ngo& n) { return n.bin; });

    each_record(doc, "councils", c.councils, [&](const json& r) {
        Council k;
        k.id = key_field(r, "id", true);
        k.level = key_field(r, "level", true);
        if (k.level != "national" && k.level != "regional" && k.level != "district")
            throw BadRecord("level must be national, regional or district");
        k.region = key_field(r, "region", false);
        known(region_codes, k.region, "region");
        k.district = key_field(r, "district", false);
        known(district_codes, k.district, "district");
        k.name = local_text(r, "name", true, limits::kName);
        k.description = local_text(r, "description", false, limits::kLongText);
        k.meetings = local_text(r, "meetings", false, limits::kShortText);
        k.topics = codes(r, "topics");
        return k;
    });
    unique_keys(c.councils, "councils", [](const Council& k) { return k.id; });

    each_record(doc, "opportunities", c.opportunities, [&](const json& r) {
        Opportunity o;
        o.id = key_field(r, "id", true);
        o.ngo = key_field(r, "ngo", true);
        known(ngo_ids, o.ngo, "NGO");
        o.title = local_text(r, "title", true, limits::kName);
        o.description = local_text(r, "description", false, limits::kLongText);
        o.when = local_text(r, "when", false, limits::kShortText);
        o.region = key_field(r, "region", false);
        known(region_codes, o.region, "region");
        o.district = key_field(r, "district", false);
        known(district_codes, o.district, "district");
        return o;
    });
    unique_keys(c.opportunities, "opportunities", [](const Opportunity& o) { return o.id; });
    return c;
}
}  // namespace

bool looks_like_catalog_key(std::string_view key) {
    if (key.empty() || key.size() > limits::kKey) return false;
    for (char c : key) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.';
        if (!ok) return false;
    }
    return true;
}

bool json_nesting_within(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_depth) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

Result<Catalog> parse_catalog(std::string_view text, bool check_references) {
    if (!json_nesting_within(text, kMaxJsonDepth))
        return Error{"catalogue rejected: it nests deeper than " + std::to_string(kMaxJsonDepth) +
                     " levels, which no catalogue does; check the file"};
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return Error{"the catalogue is not well-formed JSON; check the file was copied whole"};
    try {
        return parse_document(doc, check_references);
    } catch (const BadRecord& e) {
        return Error{std::string("catalogue rejected: ") + e.what()};
    } catch (const json::exception& e) {
        return Error{std::string("catalogue rejected: ") + e.what()};
    }
}

namespace {
using ordered = nlohmann::ordered_json;

void put_text(ordered& j, const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
}

void put_local(ordered& j, const char* key, const LocalText& t, bool required) {
    if (t.empty() && !required) return;
    ordered o = ordered::object();
    put_text(o, "kk", t.kk);
    put_text(o, "ru", t.ru);
    put_text(o, "en", t.en);
    j[key] = std::move(o);
}

std::string line(const ordered& j) { return j.dump(-1, ' ', false, ordered::error_handler_t::replace); }
}  // namespace

std::string record_to_json(const Category& c) {
    ordered j = ordered::object();
    j["code"] = c.code;
    put_text(j, "icon", c.icon);
    put_local(j, "name", c.name, true);
    j["position"] = c.position;
    return line(j);
}

std::string record_to_json(const Region& r) {
    ordered j = ordered::object();
    j["code"] = r.code;
    put_local(j, "name", r.name, true);
    return line(j);
}

std::string record_to_json(const District& d) {
    ordered j = ordered::object();
    j["code"] = d.code;
    j["region"] = d.region;
    put_local(j, "name", d.name, true);
    return line(j);
}

std::string record_to_json(const Ngo& n) {
    ordered j = ordered::object();
    j["id"] = n.id;
    j["bin"] = n.bin;
    put_local(j, "name", n.name, true);
    put_local(j, "mission", n.mission, false);
    put_local(j, "services", n.services, false);
    put_local(j, "area", n.area, false);
    put_local(j, "address", n.address, false);
    j["categories"] = n.categories;
    j["region"] = n.region;
    put_text(j, "district", n.district);
    put_text(j, "phone", n.phone);
    put_text(j, "email", n.email);
    j["needs_volunteers"] = n.needs_volunteers;
    j["seeks_partners"] = n.seeks_partners;
    return line(j);
}

std::string record_to_json(const Council& c) {
    ordered j = ordered::object();
    j["id"] = c.id;
    j["level"] = c.level;
    put_text(j, "region", c.region);
    put_text(j, "district", c.district);
    put_local(j, "name", c.name, true);
    put_local(j, "description", c.description, false);
    put_local(j, "meetings", c.meetings, false);
    j["topics"] = c.topics;
    return line(j);
}

std::string record_to_json(const Opportunity& o) {
    ordered j = ordered::object();
    j["id"] = o.id;
    j["ngo"] = o.ngo;
    put_local(j, "title", o.title, true);
    put_local(j, "description", o.description, false);
    put_local(j, "when", o.when, false);
    put_text(j, "region", o.region);
    put_text(j, "district", o.district);
    return line(j);
}

CatalogJsonWriter::CatalogJsonWriter(Sink sink) : sink_(std::move(sink)) { sink_("{\n  \"format\": 1"); }

void CatalogJsonWriter::begin_section(std::string_view name) {
    sink_(",\n  \"");
    sink_(name);
    sink_("\": [");
    first_ = true;
}

void CatalogJsonWriter::record_text(std::string_view record_json) {
    sink_(first_ ? "\n    " : ",\n    ");
    sink_(record_json);
    first_ = false;
}

void CatalogJsonWriter::end_section() { sink_(first_ ? "]" : "\n  ]"); }

void CatalogJsonWriter::finish() { sink_("\n}\n"); }

std::string catalog_to_json(const Catalog& c) {
    std::string out;
    CatalogJsonWriter w([&out](std::string_view s) { out.append(s); });
    w.section("categories", c.categories);
    w.section("regions", c.regions);
    w.section("districts", c.districts);
    w.section("ngos", c.ngos);
    w.section("councils", c.councils);
    w.section("opportunities", c.opportunities);
    w.finish();
    return out;
}

}  // namespace aul::core
