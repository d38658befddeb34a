// Helpers for store tests: a fresh temporary folder and a small catalogue.
#pragma once
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/catalog_json.h"
#include "core/validate.h"

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/aul-test-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

inline std::string valid_bin(int serial) {
    for (;; serial += 10000) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "0505400%04d", serial % 10000);
        if (auto d = aul::core::bin_check_digit(buf)) return std::string(buf) + char('0' + *d);
    }
}

inline aul::core::Ngo make_ngo(int i, std::string kk, std::string ru, std::string mission_ru,
                               std::string region = "KZ-19", std::string category = "children") {
    aul::core::Ngo n;
    n.id = "ngo-" + std::to_string(i);
    n.bin = valid_bin(i);
    n.name.kk = std::move(kk);
    n.name.ru = std::move(ru);
    n.mission.ru = std::move(mission_ru);
    n.region = std::move(region);
    n.categories = {std::move(category)};
    return n;
}

inline aul::core::Catalog small_catalog() {
    aul::core::Catalog c;
    c.categories = {{"children", "child", {"Балалар", "Дети", "Children"}},
                    {"environment", "leaf", {"Экология", "Экология", "Environment"}}};
    c.regions = {{"KZ-19", {"Алматы облысы", "Алматинская область", "Almaty Region"}},
                 {"KZ-71", {"Астана", "Астана", "Astana"}}};
    c.districts = {{"KZ-19-01", "KZ-19", {"Талғар ауданы", "Талгарский район", "Talgar District"}}};
    c.ngos = {
        make_ngo(1, "«Қамқор» қоры", "Фонд «Камкор»", "Помощь семьям"),
        make_ngo(2, "«Жасыл ел» клубы", "Клуб «Зелёная страна»", "Посадка деревьев и уборка рек", "KZ-71", "environment"),
        make_ngo(3, "Ёлка балалар үйі", "Всё для детей", "Подарки к Новому году", "KZ-71"),
        make_ngo(4, "Ауыл жастары", "Молодёжь села", "Экология и дети: экологические уроки в школах"),
    };
    c.ngos[0].district = "KZ-19-01";
    c.councils = {
        {"c-nat", "national", "", "", {"Экология кеңесі", "Совет по экологии", "Ecology council"}, {}, {}, {"environment"}},
        {"c-19", "regional", "KZ-19", "", {"Облыс кеңесі", "Областной совет", "Regional council"}, {}, {}, {"roads", "water"}},
        {"c-71", "regional", "KZ-71", "", {"Астана кеңесі", "Совет Астаны", "Astana council"}, {}, {}, {"roads"}},
        {"c-19-01", "district", "KZ-19", "KZ-19-01", {"Аудан кеңесі", "Районный совет", "District council"}, {}, {}, {}},
    };
    c.opportunities = {{"opp-1", "ngo-1", {"Көмек", "Помощь семьям", "Help families"}, {}, {}, "KZ-19", ""},
                       {"opp-2", "ngo-2", {"Ағаш отырғызу", "Посадка деревьев", "Planting trees"}, {}, {}, "KZ-71", ""}};
    return c;
}
