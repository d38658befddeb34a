// The phrase tables gen_catalog composes catalogues from, read from the JSON files of
// tools/gen_catalog/phrases/ (texts in Kazakh, Russian and English):
//   reference.json  categories, regions and catalogue districts
//   places.json     towns and villages, city districts, microdistricts, streets
//   kinds.json      kinds of organisation (names, brands, missions, services, tasks), qualifiers
//   councils.json   council topics, ministries and the pieces of meeting times
// A text is {"kk": ..., "ru": ..., "en": ...}; "en" may be left out.
#pragma once
#include <string>
#include <vector>

namespace gen {

// A fixed text in the three languages; en may be empty.
struct Text {
    std::string kk, ru, en;
};

struct CategoryInfo {
    std::string code;
    std::string icon;  // Font Awesome 4.7
    Text name;
};

enum class Place { city, town, village };

struct RegionInfo {
    std::string code;      // ISO 3166-2:KZ
    Text name;
    std::string ru_gen;    // «Совет ветеранов Алматинской области»
    Text centre;           // administrative centre (city names, nominative)
    std::string landline;  // the centre's area code after +7, e.g. "7172"; empty if none
    int weight = 1;        // share of the national NGOs
    bool is_city = false;  // city of republican significance
};

// Districts defined in the catalogue.
struct DistrictInfo {
    std::string code;
    std::string region;
    Text name;
    std::string ru_gen;  // «Совет ветеранов Талгарского района»
};

// Towns and villages where NGOs sit. The first one listed for a region is its centre; in
// regions with districts the first one listed for a district is the district centre.
struct Settlement {
    std::string region;
    std::string district;  // empty outside the defined districts
    Place type = Place::town;
    std::string kk, ru, en;
    std::string slug;  // ASCII, for e-mail addresses
};

// Districts inside the three cities of republican significance (not catalogue districts).
struct CityDistrict {
    std::string region;
    Text name;
    std::string ru_gen;
    std::string slug;
};

// Microdistricts of the three cities, used in addresses and to tell namesakes apart.
struct Microdistrict {
    std::string region;
    Text name;  // bare names: «Самал»
};

// The words in the quotation marks of a registered name.
struct Brand {
    Text name;
    std::string slug;  // ASCII, for e-mail addresses
};

// A volunteer task: what, what it involves, when.
struct Task {
    Text title;
    Text description;
    Text when;
};

// A kind of organisation brings its own registered-name patterns, brand words, mission
// sentences, services and the volunteer tasks it typically posts, so that every composed
// record reads like one organisation rather than a mix of phrases.
struct NgoKind {
    std::string kind;                     // a label, e.g. "child-fund"
    std::vector<Text> names;              // registered-name patterns; "{B}" stands for the brand
    std::vector<Brand> brands;
    std::vector<Text> missions;           // one or two of them make the mission
    std::vector<Text> services;           // short phrases; three or four are listed
    std::vector<Task> tasks;
    std::vector<std::string> categories;  // codes from the categories
    bool rural = false;                   // not found in the three cities of republican significance
};

struct Topic {
    std::string code;
    Text name;  // as it reads inside a sentence
};

struct Ministry {
    std::string slug;
    Text council;
    std::vector<std::string> topics;  // codes from the topics
};

// Pieces of a monthly meeting time: «әр айдың бірінші сейсенбісінде сағат 15:00-те».
struct Ordinal {
    std::string kk;
    std::string ru_masc;  // with the preposition: «в первый вторник», «во второй»
    std::string ru_fem;   // «в первую среду»
    std::string en;
};

struct Weekday {
    std::string kk;  // possessive locative: «сейсенбісінде»
    std::string ru;  // accusative: «вторник», «среду»
    bool ru_fem = false;
    std::string en;
};

// The Kazakh locative suffix follows how the hour is read aloud: он — 10:00-да, он бес — 15:00-те.
struct Hour {
    std::string plain;
    std::string kk;
};

struct Tables {
    std::vector<CategoryInfo> categories;
    std::vector<RegionInfo> regions;
    std::vector<DistrictInfo> districts;
    std::vector<Settlement> settlements;
    std::vector<CityDistrict> city_districts;
    std::vector<Microdistrict> microdistricts;
    std::vector<Text> streets;               // found in most towns of the country
    std::vector<NgoKind> kinds;
    std::vector<Brand> qualifiers;           // second words that tell namesakes in one town apart
    std::vector<Topic> topics;               // "roads" and "water" first: every local council has them
    std::vector<Ministry> ministries;
    std::vector<Ordinal> ordinals;
    std::vector<Weekday> weekdays;
    std::vector<Hour> hours;
    std::vector<Text> meeting_places;        // two for regional councils, then two for districts
};

// Reads the four files from `dir`; throws std::runtime_error naming the file and the entry
// when one is missing, malformed or inconsistent (an unknown region, category or topic).
Tables load_tables(const std::string& dir);

}  // namespace gen
