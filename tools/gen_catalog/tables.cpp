#include "tools/gen_catalog/tables.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace gen {

namespace {
using nlohmann::json;

// Where in the files a bad entry is, for the error: "kinds.json: kinds[3].brands[1]: ...".
struct Bad : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string str(const json& j, const char* key, bool required = true) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) throw Bad(std::string("missing \"") + key + "\"");
        return {};
    }
    if (!it->is_string()) throw Bad(std::string("\"") + key + "\" must be a string");
    return it->get<std::string>();
}

Text text(const json& j) {
    if (!j.is_object()) throw Bad("a text must be an object of kk/ru/en");
    return {str(j, "kk"), str(j, "ru"), str(j, "en", false)};
}

Text text(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) throw Bad(std::string("missing \"") + key + "\"");
    return text(*it);
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end()) return out;
    if (!it->is_array()) throw Bad(std::string("\"") + key + "\" must be a list");
    for (const auto& v : *it) {
        if (!v.is_string()) throw Bad(std::string("\"") + key + "\" must hold strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

template <typename T, typename Fn>
std::vector<T> list(const json& doc, const char* key, Fn&& one, bool non_empty = true) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_array()) throw Bad(std::string("\"") + key + "\" must be a list");
    if (non_empty && it->empty()) throw Bad(std::string("\"") + key + "\" is empty");
    std::vector<T> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        try {
            out.push_back(one((*it)[i]));
        } catch (const Bad& e) {
            throw Bad(std::string(key) + "[" + std::to_string(i) + "]: " + e.what());
        }
    }
    return out;
}

std::vector<Text> texts(const json& doc, const char* key) {
    return list<Text>(doc, key, [](const json& j) { return text(j); });
}

Brand brand(const json& j) { return {text(j, "name"), str(j, "slug")}; }

Place place(const std::string& type) {
    if (type == "city") return Place::city;
    if (type == "town") return Place::town;
    if (type == "village") return Place::village;
    throw Bad("\"type\" must be city, town or village");
}

json read(const std::string& dir, const char* name) {
    std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + " (pass the phrases folder with --phrases)");
    std::stringstream ss;
    ss << in.rdbuf();
    json doc = json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) throw std::runtime_error(path + " is not a JSON object");
    return doc;
}

template <typename Fn>
void in_file(const char* name, Fn&& fn) {
    try {
        fn();
    } catch (const Bad& e) {
        throw std::runtime_error(std::string(name) + ": " + e.what());
    }
}

// Every code a table refers to must be one the tables define.
void check(const Tables& t) {
    std::set<std::string> regions, districts, categories, topics;
    for (const auto& r : t.regions) regions.insert(r.code);
    for (const auto& d : t.districts) districts.insert(d.code);
    for (const auto& c : t.categories) categories.insert(c.code);
    for (const auto& x : t.topics) topics.insert(x.code);
    auto need = [](const std::set<std::string>& known, const std::string& code, const std::string& where) {
        if (!known.count(code)) throw std::runtime_error(where + ": unknown code '" + code + "'");
    };
    for (const auto& d : t.districts) need(regions, d.region, "reference.json: districts");
    std::set<std::string> settled;
    for (const auto& s : t.settlements) {
        need(regions, s.region, "places.json: settlements");
        if (!s.district.empty()) need(districts, s.district, "places.json: settlements");
        settled.insert(s.region);
    }
    for (const auto& r : t.regions) need(settled, r.code, "places.json: no settlement in region");
    for (const auto& d : t.city_districts) need(regions, d.region, "places.json: city_districts");
    for (const auto& m : t.microdistricts) need(regions, m.region, "places.json: microdistricts");
    for (const auto& k : t.kinds) {
        for (const auto& c : k.categories) need(categories, c, "kinds.json: kind " + k.kind);
        for (const auto& n : k.names)
            for (const std::string* p : {&n.kk, &n.ru, &n.en})
                if (p->find("{B}") == std::string::npos)
                    throw std::runtime_error("kinds.json: kind " + k.kind + ": a name without \"{B}\": " + *p);
        if (k.brands.empty() || k.missions.empty() || k.services.empty() || k.tasks.empty())
            throw std::runtime_error("kinds.json: kind " + k.kind + " lacks brands, missions, services or tasks");
    }
    for (const auto& m : t.ministries)
        for (const auto& c : m.topics) need(topics, c, "councils.json: ministry " + m.slug);
    if (t.topics.size() < 6 || t.topics[0].code != "roads" || t.topics[1].code != "water")
        throw std::runtime_error("councils.json: topics must start with roads and water and hold at least six");
    if (t.meeting_places.size() != 4) throw std::runtime_error("councils.json: meeting_places must hold four places");
    if (t.qualifiers.size() < 2) throw std::runtime_error("kinds.json: qualifiers must hold at least two words");
}
}  // namespace

Tables load_tables(const std::string& dir) {
    Tables t;
    in_file("reference.json", [&] {
        json doc = read(dir, "reference.json");
        t.categories = list<CategoryInfo>(doc, "categories", [](const json& j) {
            return CategoryInfo{str(j, "code"), str(j, "icon"), text(j, "name")};
        });
        t.regions = list<RegionInfo>(doc, "regions", [](const json& j) {
            RegionInfo r{str(j, "code"), text(j, "name"), str(j, "ru_gen"), text(j, "centre"), str(j, "landline", false)};
            r.weight = j.value("weight", 1);
            r.is_city = j.value("is_city", false);
            if (r.weight < 1 || r.weight > 1000) throw Bad("\"weight\" must be 1..1000");
            return r;
        });
        t.districts = list<DistrictInfo>(doc, "districts", [](const json& j) {
            return DistrictInfo{str(j, "code"), str(j, "region"), text(j, "name"), str(j, "ru_gen")};
        });
    });
    in_file("places.json", [&] {
        json doc = read(dir, "places.json");
        t.settlements = list<Settlement>(doc, "settlements", [](const json& j) {
            return Settlement{str(j, "region"), str(j, "district", false), place(str(j, "type")),
                              str(j, "kk"),     str(j, "ru"),                str(j, "en"),
                              str(j, "slug")};
        });
        t.city_districts = list<CityDistrict>(doc, "city_districts", [](const json& j) {
            return CityDistrict{str(j, "region"), text(j, "name"), str(j, "ru_gen"), str(j, "slug")};
        });
        t.microdistricts = list<Microdistrict>(doc, "microdistricts", [](const json& j) {
            return Microdistrict{str(j, "region"), text(j, "name")};
        });
        t.streets = texts(doc, "streets");
    });
    in_file("kinds.json", [&] {
        json doc = read(dir, "kinds.json");
        t.kinds = list<NgoKind>(doc, "kinds", [](const json& j) {
            NgoKind k;
            k.kind = str(j, "kind");
            k.names = texts(j, "names");
            k.brands = list<Brand>(j, "brands", brand);
            k.missions = texts(j, "missions");
            k.services = texts(j, "services");
            k.tasks = list<Task>(j, "tasks", [](const json& x) {
                return Task{text(x, "title"), text(x, "description"), text(x, "when")};
            });
            k.categories = strings(j, "categories");
            k.rural = j.value("rural", false);
            return k;
        });
        t.qualifiers = list<Brand>(doc, "qualifiers", brand);
    });
    in_file("councils.json", [&] {
        json doc = read(dir, "councils.json");
        t.topics = list<Topic>(doc, "topics", [](const json& j) { return Topic{str(j, "code"), text(j, "name")}; });
        t.ministries = list<Ministry>(doc, "ministries", [](const json& j) {
            return Ministry{str(j, "slug"), text(j, "council"), strings(j, "topics")};
        });
        t.ordinals = list<Ordinal>(doc, "ordinals", [](const json& j) {
            return Ordinal{str(j, "kk"), str(j, "ru_masc"), str(j, "ru_fem"), str(j, "en")};
        });
        t.weekdays = list<Weekday>(doc, "weekdays", [](const json& j) {
            return Weekday{str(j, "kk"), str(j, "ru"), j.value("ru_fem", false), str(j, "en")};
        });
        t.hours = list<Hour>(doc, "hours", [](const json& j) { return Hour{str(j, "plain"), str(j, "kk")}; });
        t.meeting_places = texts(doc, "meeting_places");
    });
    check(t);
    return t;
}

}  // namespace gen
