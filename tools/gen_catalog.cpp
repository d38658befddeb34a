// gen_catalog: writes a realistic synthetic national NGO catalogue (assets/demo/FORMAT.md)
// for the kiosk's demo data and for benchmarks. Organisations are composed from phrase
// tables in Kazakh, Russian and English; the output depends only on --count and --seed,
// and a larger --count only appends organisations: the first ones stay the same.
//   gen_catalog --count N [--seed S] [--out FILE]
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/validate.h"

namespace {

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------
// Deterministic randomness

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <typename T>
    const T& pick(std::span<const T> items) { return items[below(items.size())]; }

private:
    std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------
// Texts

// A fixed text in the three languages; en may be null.
struct Text {
    const char* kk;
    const char* ru;
    const char* en;
};

// A composed text.
struct LText {
    std::string kk, ru, en;
};

Json to_json(const Text& t, bool with_en = true) {
    Json j = Json::object();
    j["kk"] = t.kk;
    j["ru"] = t.ru;
    if (with_en && t.en) j["en"] = t.en;
    return j;
}

Json to_json(const LText& t, bool with_en = true) {
    Json j = Json::object();
    j["kk"] = t.kk;
    j["ru"] = t.ru;
    if (with_en && !t.en.empty()) j["en"] = t.en;
    return j;
}

// ---------------------------------------------------------------------------------------
// Static reference data: categories and regions

struct CategoryInfo {
    const char* code;
    const char* icon;  // Font Awesome 4.7
    Text name;
};

constexpr CategoryInfo kCategories[] = {
    {"children", "child", {"Балалар мен жастар", "Дети и молодёжь", "Children and youth"}},
    {"elderly", "user-plus", {"Қарттарға қамқорлық", "Забота о пожилых", "Elderly care"}},
    {"disability", "wheelchair", {"Мүгедектігі бар адамдар", "Люди с инвалидностью", "People with disabilities"}},
    {"health", "heartbeat", {"Денсаулық", "Здоровье", "Health"}},
    {"education", "graduation-cap", {"Білім", "Образование", "Education"}},
    {"environment", "leaf", {"Экология", "Экология", "Environment"}},
    {"culture", "paint-brush", {"Мәдениет және тарих", "Культура и история", "Culture and heritage"}},
    {"sport", "futbol-o", {"Спорт", "Спорт", "Sport"}},
    {"social", "handshake-o", {"Әлеуметтік көмек", "Социальная помощь", "Social support"}},
    {"rights", "balance-scale", {"Құқықтық көмек", "Правовая помощь", "Legal aid and rights"}},
    {"women", "female", {"Әйелдер", "Женщины", "Women"}},
    {"animals", "paw", {"Жануарлар", "Животные", "Animals"}},
    {"veterans", "star", {"Ардагерлер", "Ветераны", "Veterans"}},
    {"community", "home", {"Жергілікті қоғамдастық", "Местное сообщество", "Local community"}},
};

enum class Place { city, town, village };

struct RegionInfo {
    const char* code;      // ISO 3166-2:KZ
    Text name;
    const char* ru_gen;    // «Совет ветеранов Алматинской области»
    Text centre;           // administrative centre (city names, nominative)
    const char* landline;  // the centre's area code after +7, e.g. "7172"
    int weight;            // share of the national NGOs
    bool is_city;          // city of republican significance
};

constexpr RegionInfo kRegions[] = {
    {"KZ-10", {"Абай облысы", "область Абай", "Abai Region"}, "области Абай",
     {"Семей", "Семей", "Semey"}, "7222", 4, false},
    {"KZ-11", {"Ақмола облысы", "Акмолинская область", "Akmola Region"}, "Акмолинской области",
     {"Көкшетау", "Кокшетау", "Kokshetau"}, "7162", 4, false},
    {"KZ-15", {"Ақтөбе облысы", "Актюбинская область", "Aktobe Region"}, "Актюбинской области",
     {"Ақтөбе", "Актобе", "Aktobe"}, "7132", 4, false},
    {"KZ-19", {"Алматы облысы", "Алматинская область", "Almaty Region"}, "Алматинской области",
     {"Қонаев", "Конаев", "Konaev"}, "", 6, false},
    {"KZ-23", {"Атырау облысы", "Атырауская область", "Atyrau Region"}, "Атырауской области",
     {"Атырау", "Атырау", "Atyrau"}, "7122", 3, false},
    {"KZ-27", {"Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"},
     "Западно-Казахстанской области", {"Орал", "Уральск", "Oral"}, "7112", 3, false},
    {"KZ-31", {"Жамбыл облысы", "Жамбылская область", "Jambyl Region"}, "Жамбылской области",
     {"Тараз", "Тараз", "Taraz"}, "7262", 4, false},
    {"KZ-33", {"Жетісу облысы", "область Жетісу", "Jetisu Region"}, "области Жетісу",
     {"Талдықорған", "Талдыкорган", "Taldykorgan"}, "7282", 3, false},
    {"KZ-35", {"Қарағанды облысы", "Карагандинская область", "Karaganda Region"}, "Карагандинской области",
     {"Қарағанды", "Караганда", "Karaganda"}, "7212", 5, false},
    {"KZ-39", {"Қостанай облысы", "Костанайская область", "Kostanay Region"}, "Костанайской области",
     {"Қостанай", "Костанай", "Kostanay"}, "7142", 4, false},
    {"KZ-43", {"Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"}, "Кызылординской области",
     {"Қызылорда", "Кызылорда", "Kyzylorda"}, "7242", 3, false},
    {"KZ-47", {"Маңғыстау облысы", "Мангистауская область", "Mangystau Region"}, "Мангистауской области",
     {"Ақтау", "Актау", "Aktau"}, "7292", 3, false},
    {"KZ-55", {"Павлодар облысы", "Павлодарская область", "Pavlodar Region"}, "Павлодарской области",
     {"Павлодар", "Павлодар", "Pavlodar"}, "7182", 4, false},
    {"KZ-59", {"Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"},
     "Северо-Казахстанской области", {"Петропавл", "Петропавловск", "Petropavl"}, "7152", 3, false},
    {"KZ-61", {"Түркістан облысы", "Туркестанская область", "Turkistan Region"}, "Туркестанской области",
     {"Түркістан", "Туркестан", "Turkistan"}, "", 7, false},
    {"KZ-62", {"Ұлытау облысы", "область Ұлытау", "Ulytau Region"}, "области Ұлытау",
     {"Жезқазған", "Жезказган", "Zhezkazgan"}, "7102", 2, false},
    {"KZ-63", {"Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"},
     "Восточно-Казахстанской области", {"Өскемен", "Усть-Каменогорск", "Oskemen"}, "7232", 4, false},
    {"KZ-71", {"Астана қаласы", "город Астана", "Astana"}, "города Астаны",
     {"Астана", "Астана", "Astana"}, "7172", 9, true},
    {"KZ-75", {"Алматы қаласы", "город Алматы", "Almaty"}, "города Алматы",
     {"Алматы", "Алматы", "Almaty"}, "7272", 11, true},
    {"KZ-79", {"Шымкент қаласы", "город Шымкент", "Shymkent"}, "города Шымкента",
     {"Шымкент", "Шымкент", "Shymkent"}, "7252", 7, true},
};

// Districts defined in the catalogue: those of Almaty Region and Turkistan Region.
struct DistrictInfo {
    const char* code;
    const char* region;
    Text name;
    const char* ru_gen;  // «Совет ветеранов Талгарского района»
};

constexpr DistrictInfo kDistricts[] = {
    {"KZ-19-01", "KZ-19", {"Талғар ауданы", "Талгарский район", "Talgar District"}, "Талгарского района"},
    {"KZ-19-02", "KZ-19", {"Қарасай ауданы", "Карасайский район", "Karasai District"}, "Карасайского района"},
    {"KZ-19-03", "KZ-19", {"Іле ауданы", "Илийский район", "Ile District"}, "Илийского района"},
    {"KZ-19-04", "KZ-19", {"Еңбекшіқазақ ауданы", "Енбекшиказахский район", "Enbekshikazakh District"},
     "Енбекшиказахского района"},
    {"KZ-19-05", "KZ-19", {"Жамбыл ауданы", "Жамбылский район", "Zhambyl District"}, "Жамбылского района"},
    {"KZ-19-06", "KZ-19", {"Райымбек ауданы", "Райымбекский район", "Raiymbek District"}, "Райымбекского района"},
    {"KZ-19-07", "KZ-19", {"Ұйғыр ауданы", "Уйгурский район", "Uighur District"}, "Уйгурского района"},
    {"KZ-19-08", "KZ-19", {"Кеген ауданы", "Кегенский район", "Kegen District"}, "Кегенского района"},
    {"KZ-19-09", "KZ-19", {"Балқаш ауданы", "Балхашский район", "Balkhash District"}, "Балхашского района"},
    {"KZ-61-01", "KZ-61", {"Сайрам ауданы", "Сайрамский район", "Sairam District"}, "Сайрамского района"},
    {"KZ-61-02", "KZ-61", {"Төле би ауданы", "Толебийский район", "Tole Bi District"}, "Толебийского района"},
    {"KZ-61-03", "KZ-61", {"Қазығұрт ауданы", "Казыгуртский район", "Kazygurt District"}, "Казыгуртского района"},
    {"KZ-61-04", "KZ-61", {"Ордабасы ауданы", "Ордабасинский район", "Ordabasy District"}, "Ордабасинского района"},
    {"KZ-61-05", "KZ-61", {"Созақ ауданы", "Сузакский район", "Sozak District"}, "Сузакского района"},
    {"KZ-61-06", "KZ-61", {"Отырар ауданы", "Отырарский район", "Otyrar District"}, "Отырарского района"},
    {"KZ-61-07", "KZ-61", {"Сарыағаш ауданы", "Сарыагашский район", "Saryagash District"}, "Сарыагашского района"},
    {"KZ-61-08", "KZ-61", {"Мақтаарал ауданы", "Мактааральский район", "Maktaaral District"},
     "Мактааральского района"},
    {"KZ-61-09", "KZ-61", {"Жетісай ауданы", "Жетысайский район", "Zhetisai District"}, "Жетысайского района"},
    {"KZ-61-10", "KZ-61", {"Түлкібас ауданы", "Тюлькубасский район", "Tulkibas District"}, "Тюлькубасского района"},
    {"KZ-61-11", "KZ-61", {"Бәйдібек ауданы", "Байдибекский район", "Baidibek District"}, "Байдибекского района"},
    {"KZ-61-12", "KZ-61", {"Шардара ауданы", "Шардаринский район", "Shardara District"}, "Шардаринского района"},
    {"KZ-61-13", "KZ-61", {"Келес ауданы", "Келесский район", "Keles District"}, "Келесского района"},
    {"KZ-61-14", "KZ-61", {"Сауран ауданы", "Сауранский район", "Sauran District"}, "Сауранского района"},
};

// Towns and villages where NGOs sit. The first one listed for a region is its centre; in
// regions with districts the first one listed for a district is the district centre.
struct Settlement {
    const char* region;
    const char* district;  // "" outside the defined districts
    Place type;
    const char* kk;
    const char* ru;
    const char* en;
    const char* slug;  // ASCII, for e-mail addresses
};

constexpr Settlement kSettlements[] = {
    {"KZ-10", "", Place::city, "Семей", "Семей", "Semey", "semey"},
    {"KZ-10", "", Place::city, "Аягөз", "Аягоз", "Ayagoz", "ayagoz"},
    {"KZ-10", "", Place::city, "Курчатов", "Курчатов", "Kurchatov", "kurchatov"},
    {"KZ-10", "", Place::city, "Шар", "Шар", "Shar", "shar"},
    {"KZ-10", "", Place::village, "Үржар", "Урджар", "Urzhar", "urzhar"},
    {"KZ-10", "", Place::village, "Бесқарағай", "Бескарагай", "Beskaragai", "beskaragai"},
    {"KZ-10", "", Place::village, "Қарауыл", "Караул", "Karaul", "karaul"},
    {"KZ-10", "", Place::village, "Көкпекті", "Кокпекты", "Kokpekty", "kokpekty"},
    {"KZ-10", "", Place::village, "Ақсуат", "Аксуат", "Aksuat", "aksuat"},

    {"KZ-11", "", Place::city, "Көкшетау", "Кокшетау", "Kokshetau", "kokshetau"},
    {"KZ-11", "", Place::city, "Степногорск", "Степногорск", "Stepnogorsk", "stepnogorsk"},
    {"KZ-11", "", Place::city, "Щучинск", "Щучинск", "Shchuchinsk", "shchuchinsk"},
    {"KZ-11", "", Place::city, "Ақкөл", "Акколь", "Akkol", "akkol"},
    {"KZ-11", "", Place::city, "Атбасар", "Атбасар", "Atbasar", "atbasar"},
    {"KZ-11", "", Place::city, "Макинск", "Макинск", "Makinsk", "makinsk"},
    {"KZ-11", "", Place::city, "Есіл", "Есиль", "Yesil", "yesil"},
    {"KZ-11", "", Place::city, "Қосшы", "Косшы", "Kosshy", "kosshy"},
    {"KZ-11", "", Place::town, "Бурабай", "Бурабай", "Burabay", "burabay"},
    {"KZ-11", "", Place::village, "Зеренді", "Зеренда", "Zerendi", "zerendi"},

    {"KZ-15", "", Place::city, "Ақтөбе", "Актобе", "Aktobe", "aktobe"},
    {"KZ-15", "", Place::city, "Қандыағаш", "Кандыагаш", "Kandyagash", "kandyagash"},
    {"KZ-15", "", Place::city, "Хромтау", "Хромтау", "Khromtau", "khromtau"},
    {"KZ-15", "", Place::city, "Алға", "Алга", "Alga", "alga"},
    {"KZ-15", "", Place::city, "Шалқар", "Шалкар", "Shalkar", "shalkar"},
    {"KZ-15", "", Place::city, "Ембі", "Эмба", "Emba", "emba"},
    {"KZ-15", "", Place::city, "Темір", "Темир", "Temir", "temir"},
    {"KZ-15", "", Place::village, "Қобда", "Кобда", "Kobda", "kobda"},
    {"KZ-15", "", Place::village, "Мәртөк", "Мартук", "Martuk", "martuk"},

    {"KZ-19", "KZ-19-01", Place::city, "Талғар", "Талгар", "Talgar", "talgar"},
    {"KZ-19", "KZ-19-01", Place::village, "Бесағаш", "Бесагаш", "Besagash", "besagash"},
    {"KZ-19", "KZ-19-02", Place::city, "Қаскелең", "Каскелен", "Kaskelen", "kaskelen"},
    {"KZ-19", "KZ-19-02", Place::village, "Шамалған", "Шамалган", "Shamalgan", "shamalgan"},
    {"KZ-19", "KZ-19-03", Place::village, "Өтеген батыр", "Отеген батыр", "Otegen Batyr", "otegen-batyr"},
    {"KZ-19", "KZ-19-03", Place::village, "Боралдай", "Боралдай", "Boraldai", "boraldai"},
    {"KZ-19", "KZ-19-04", Place::city, "Есік", "Есик", "Yesik", "yesik"},
    {"KZ-19", "KZ-19-04", Place::village, "Шелек", "Шелек", "Shelek", "shelek"},
    {"KZ-19", "KZ-19-05", Place::village, "Ұзынағаш", "Узынагаш", "Uzynagash", "uzynagash"},
    {"KZ-19", "KZ-19-05", Place::village, "Қарғалы", "Каргалы", "Kargaly", "kargaly"},
    {"KZ-19", "KZ-19-06", Place::village, "Нарынқол", "Нарынкол", "Narynkol", "narynkol"},
    {"KZ-19", "KZ-19-06", Place::village, "Сарыжаз", "Сарыжаз", "Saryzhaz", "saryzhaz"},
    {"KZ-19", "KZ-19-07", Place::village, "Шонжы", "Чунджа", "Shonzhy", "shonzhy"},
    {"KZ-19", "KZ-19-07", Place::village, "Кетпен", "Кетмень", "Ketpen", "ketpen"},
    {"KZ-19", "KZ-19-08", Place::village, "Кеген", "Кеген", "Kegen", "kegen"},
    {"KZ-19", "KZ-19-08", Place::village, "Жалаңаш", "Жаланаш", "Zhalanash", "zhalanash"},
    {"KZ-19", "KZ-19-09", Place::village, "Бақанас", "Баканас", "Bakanas", "bakanas"},

    {"KZ-23", "", Place::city, "Атырау", "Атырау", "Atyrau", "atyrau"},
    {"KZ-23", "", Place::city, "Құлсары", "Кульсары", "Kulsary", "kulsary"},
    {"KZ-23", "", Place::town, "Мақат", "Макат", "Makat", "makat"},
    {"KZ-23", "", Place::town, "Доссор", "Доссор", "Dossor", "dossor"},
    {"KZ-23", "", Place::village, "Құрманғазы", "Курмангазы", "Kurmangazy", "kurmangazy"},
    {"KZ-23", "", Place::village, "Аққыстау", "Аккистау", "Akkystau", "akkystau"},
    {"KZ-23", "", Place::village, "Миялы", "Миялы", "Miyaly", "miyaly"},

    {"KZ-27", "", Place::city, "Орал", "Уральск", "Oral", "oral"},
    {"KZ-27", "", Place::city, "Ақсай", "Аксай", "Aksai", "aksai"},
    {"KZ-27", "", Place::village, "Жәнібек", "Жанибек", "Zhanibek", "zhanibek"},
    {"KZ-27", "", Place::village, "Шыңғырлау", "Чингирлау", "Shyngyrlau", "shyngyrlau"},
    {"KZ-27", "", Place::village, "Тайпақ", "Тайпак", "Taipak", "taipak"},
    {"KZ-27", "", Place::village, "Жымпиты", "Жымпиты", "Zhympity", "zhympity"},
    {"KZ-27", "", Place::village, "Қаратөбе", "Каратобе", "Karatobe", "karatobe"},
    {"KZ-27", "", Place::village, "Жалпақтал", "Жалпактал", "Zhalpaktal", "zhalpaktal"},

    {"KZ-31", "", Place::city, "Тараз", "Тараз", "Taraz", "taraz"},
    {"KZ-31", "", Place::city, "Қаратау", "Каратау", "Karatau", "karatau"},
    {"KZ-31", "", Place::city, "Жаңатас", "Жанатас", "Zhanatas", "zhanatas"},
    {"KZ-31", "", Place::city, "Шу", "Шу", "Shu", "shu"},
    {"KZ-31", "", Place::village, "Қордай", "Кордай", "Kordai", "kordai"},
    {"KZ-31", "", Place::village, "Мерке", "Мерке", "Merke", "merke"},
    {"KZ-31", "", Place::village, "Сарыкемер", "Сарыкемер", "Sarykemer", "sarykemer"},
    {"KZ-31", "", Place::village, "Бауыржан Момышұлы", "Бауыржан Момышулы", "Baurzhan Momyshuly", "momyshuly"},

    {"KZ-33", "", Place::city, "Талдықорған", "Талдыкорган", "Taldykorgan", "taldykorgan"},
    {"KZ-33", "", Place::city, "Текелі", "Текели", "Tekeli", "tekeli"},
    {"KZ-33", "", Place::city, "Жаркент", "Жаркент", "Zharkent", "zharkent"},
    {"KZ-33", "", Place::city, "Үшарал", "Ушарал", "Usharal", "usharal"},
    {"KZ-33", "", Place::city, "Сарқан", "Сарканд", "Sarkand", "sarkand"},
    {"KZ-33", "", Place::city, "Үштөбе", "Уштобе", "Ushtobe", "ushtobe"},
    {"KZ-33", "", Place::town, "Қарабұлақ", "Карабулак", "Karabulak", "karabulak"},
    {"KZ-33", "", Place::village, "Қапал", "Капал", "Kapal", "kapal"},
    {"KZ-33", "", Place::village, "Балпық би", "Балпык би", "Balpyk Bi", "balpyk-bi"},

    {"KZ-35", "", Place::city, "Қарағанды", "Караганда", "Karaganda", "karaganda"},
    {"KZ-35", "", Place::city, "Теміртау", "Темиртау", "Temirtau", "temirtau"},
    {"KZ-35", "", Place::city, "Балқаш", "Балхаш", "Balkhash", "balkhash"},
    {"KZ-35", "", Place::city, "Шахтинск", "Шахтинск", "Shakhtinsk", "shakhtinsk"},
    {"KZ-35", "", Place::city, "Саран", "Сарань", "Saran", "saran"},
    {"KZ-35", "", Place::city, "Приозерск", "Приозёрск", "Priozersk", "priozersk"},
    {"KZ-35", "", Place::city, "Қарқаралы", "Каркаралинск", "Karkaraly", "karkaraly"},
    {"KZ-35", "", Place::town, "Осакаровка", "Осакаровка", "Osakarovka", "osakarovka"},
    {"KZ-35", "", Place::town, "Ботақара", "Ботакара", "Botakara", "botakara"},

    {"KZ-39", "", Place::city, "Қостанай", "Костанай", "Kostanay", "kostanay"},
    {"KZ-39", "", Place::city, "Рудный", "Рудный", "Rudny", "rudny"},
    {"KZ-39", "", Place::city, "Лисаков", "Лисаковск", "Lisakovsk", "lisakovsk"},
    {"KZ-39", "", Place::city, "Арқалық", "Аркалык", "Arkalyk", "arkalyk"},
    {"KZ-39", "", Place::city, "Жітіқара", "Житикара", "Zhitikara", "zhitikara"},
    {"KZ-39", "", Place::city, "Тобыл", "Тобыл", "Tobyl", "tobyl"},
    {"KZ-39", "", Place::town, "Қарабалық", "Карабалык", "Karabalyk", "karabalyk"},
    {"KZ-39", "", Place::village, "Әулиекөл", "Аулиеколь", "Auliekol", "auliekol"},
    {"KZ-39", "", Place::village, "Федоровка", "Фёдоровка", "Fyodorovka", "fyodorovka"},

    {"KZ-43", "", Place::city, "Қызылорда", "Кызылорда", "Kyzylorda", "kyzylorda"},
    {"KZ-43", "", Place::city, "Арал", "Аральск", "Aral", "aral"},
    {"KZ-43", "", Place::city, "Қазалы", "Казалинск", "Kazaly", "kazaly"},
    {"KZ-43", "", Place::town, "Жаңақорған", "Жанакорган", "Zhanakorgan", "zhanakorgan"},
    {"KZ-43", "", Place::town, "Шиелі", "Шиели", "Shieli", "shieli"},
    {"KZ-43", "", Place::town, "Жосалы", "Жосалы", "Zhosaly", "zhosaly"},
    {"KZ-43", "", Place::town, "Теренөзек", "Теренозек", "Terenozek", "terenozek"},
    {"KZ-43", "", Place::town, "Әйтеке би", "Айтеке би", "Aiteke Bi", "aiteke-bi"},

    {"KZ-47", "", Place::city, "Ақтау", "Актау", "Aktau", "aktau"},
    {"KZ-47", "", Place::city, "Жаңаөзен", "Жанаозен", "Zhanaozen", "zhanaozen"},
    {"KZ-47", "", Place::city, "Форт-Шевченко", "Форт-Шевченко", "Fort-Shevchenko", "fort-shevchenko"},
    {"KZ-47", "", Place::village, "Бейнеу", "Бейнеу", "Beineu", "beineu"},
    {"KZ-47", "", Place::village, "Шетпе", "Шетпе", "Shetpe", "shetpe"},
    {"KZ-47", "", Place::village, "Құрық", "Курык", "Kuryk", "kuryk"},
    {"KZ-47", "", Place::village, "Жетібай", "Жетыбай", "Zhetybai", "zhetybai"},

    {"KZ-55", "", Place::city, "Павлодар", "Павлодар", "Pavlodar", "pavlodar"},
    {"KZ-55", "", Place::city, "Екібастұз", "Экибастуз", "Ekibastuz", "ekibastuz"},
    {"KZ-55", "", Place::city, "Ақсу", "Аксу", "Aksu", "aksu"},
    {"KZ-55", "", Place::village, "Баянауыл", "Баянаул", "Bayanaul", "bayanaul"},
    {"KZ-55", "", Place::village, "Ертіс", "Иртышск", "Irtyshsk", "irtyshsk"},
    {"KZ-55", "", Place::village, "Шарбақты", "Шарбакты", "Sharbakty", "sharbakty"},
    {"KZ-55", "", Place::village, "Успенка", "Успенка", "Uspenka", "uspenka"},
    {"KZ-55", "", Place::village, "Көктөбе", "Коктобе", "Koktobe", "koktobe"},

    {"KZ-59", "", Place::city, "Петропавл", "Петропавловск", "Petropavl", "petropavl"},
    {"KZ-59", "", Place::city, "Булаево", "Булаево", "Bulayevo", "bulayevo"},
    {"KZ-59", "", Place::city, "Мамлют", "Мамлютка", "Mamlyutka", "mamlyutka"},
    {"KZ-59", "", Place::city, "Сергеевка", "Сергеевка", "Sergeyevka", "sergeyevka"},
    {"KZ-59", "", Place::city, "Тайынша", "Тайынша", "Tayynsha", "tayynsha"},
    {"KZ-59", "", Place::village, "Смирново", "Смирново", "Smirnovo", "smirnovo"},
    {"KZ-59", "", Place::village, "Саумалкөл", "Саумалколь", "Saumalkol", "saumalkol"},

    {"KZ-61", "KZ-61-01", Place::village, "Ақсукент", "Аксукент", "Aksukent", "aksukent"},
    {"KZ-61", "KZ-61-01", Place::village, "Қарабұлақ", "Карабулак", "Karabulak", "karabulak"},
    {"KZ-61", "KZ-61-02", Place::city, "Ленгер", "Ленгер", "Lenger", "lenger"},
    {"KZ-61", "KZ-61-03", Place::village, "Қазығұрт", "Казыгурт", "Kazygurt", "kazygurt"},
    {"KZ-61", "KZ-61-04", Place::village, "Темірлан", "Темирлан", "Temirlan", "temirlan"},
    {"KZ-61", "KZ-61-05", Place::village, "Шолаққорған", "Шолаккорган", "Sholakkorgan", "sholakkorgan"},
    {"KZ-61", "KZ-61-06", Place::village, "Шәуілдір", "Шаульдер", "Shauildir", "shauildir"},
    {"KZ-61", "KZ-61-07", Place::city, "Сарыағаш", "Сарыагаш", "Saryagash", "saryagash"},
    {"KZ-61", "KZ-61-07", Place::village, "Жібек жолы", "Жибек жолы", "Zhibek Zholy", "zhibek-zholy"},
    {"KZ-61", "KZ-61-08", Place::town, "Мырзакент", "Мырзакент", "Myrzakent", "myrzakent"},
    {"KZ-61", "KZ-61-09", Place::city, "Жетісай", "Жетысай", "Zhetisai", "zhetisai"},
    {"KZ-61", "KZ-61-10", Place::village, "Тұрар Рысқұлов", "Турар Рыскулов", "Turar Ryskulov", "ryskulov"},
    {"KZ-61", "KZ-61-11", Place::village, "Шаян", "Шаян", "Shayan", "shayan"},
    {"KZ-61", "KZ-61-12", Place::city, "Шардара", "Шардара", "Shardara", "shardara"},
    {"KZ-61", "KZ-61-13", Place::village, "Абай", "Абай", "Abai", "abai"},
    {"KZ-61", "KZ-61-14", Place::village, "Шорнақ", "Шорнак", "Shornak", "shornak"},

    {"KZ-62", "", Place::city, "Жезқазған", "Жезказган", "Zhezkazgan", "zhezkazgan"},
    {"KZ-62", "", Place::city, "Сәтбаев", "Сатпаев", "Satpayev", "satpayev"},
    {"KZ-62", "", Place::city, "Қаражал", "Каражал", "Karazhal", "karazhal"},
    {"KZ-62", "", Place::town, "Атасу", "Атасу", "Atasu", "atasu"},
    {"KZ-62", "", Place::town, "Жезді", "Жезды", "Zhezdi", "zhezdi"},
    {"KZ-62", "", Place::village, "Ұлытау", "Улытау", "Ulytau", "ulytau"},

    {"KZ-63", "", Place::city, "Өскемен", "Усть-Каменогорск", "Oskemen", "oskemen"},
    {"KZ-63", "", Place::city, "Риддер", "Риддер", "Ridder", "ridder"},
    {"KZ-63", "", Place::city, "Алтай", "Алтай", "Altai", "altai"},
    {"KZ-63", "", Place::city, "Шемонаиха", "Шемонаиха", "Shemonaikha", "shemonaikha"},
    {"KZ-63", "", Place::city, "Зайсан", "Зайсан", "Zaisan", "zaisan"},
    {"KZ-63", "", Place::city, "Серебрянск", "Серебрянск", "Serebryansk", "serebryansk"},
    {"KZ-63", "", Place::town, "Глубокое", "Глубокое", "Glubokoye", "glubokoye"},
    {"KZ-63", "", Place::village, "Үлкен Нарын", "Улкен Нарын", "Ulken Naryn", "ulken-naryn"},
    {"KZ-63", "", Place::village, "Күршім", "Куршим", "Kurshim", "kurshim"},

    {"KZ-71", "", Place::city, "Астана", "Астана", "Astana", "astana"},
    {"KZ-75", "", Place::city, "Алматы", "Алматы", "Almaty", "almaty"},
    {"KZ-79", "", Place::city, "Шымкент", "Шымкент", "Shymkent", "shymkent"},
};

// Districts inside the three cities of republican significance (not catalogue districts).
struct CityDistrict {
    const char* region;
    Text name;
    const char* ru_gen;
    const char* slug;
};

constexpr CityDistrict kCityDistricts[] = {
    {"KZ-71", {"Алматы ауданы", "Алматинский район", "Almaty District"}, "Алматинского района", "almaty-rn"},
    {"KZ-71", {"Байқоңыр ауданы", "Байконурский район", "Baikonur District"}, "Байконурского района", "baikonur"},
    {"KZ-71", {"Есіл ауданы", "Есильский район", "Yesil District"}, "Есильского района", "yesil"},
    {"KZ-71", {"Сарыарқа ауданы", "Сарыаркинский район", "Saryarka District"}, "Сарыаркинского района", "saryarka"},
    {"KZ-75", {"Алатау ауданы", "Алатауский район", "Alatau District"}, "Алатауского района", "alatau"},
    {"KZ-75", {"Алмалы ауданы", "Алмалинский район", "Almaly District"}, "Алмалинского района", "almaly"},
    {"KZ-75", {"Әуезов ауданы", "Ауэзовский район", "Auezov District"}, "Ауэзовского района", "auezov"},
    {"KZ-75", {"Бостандық ауданы", "Бостандыкский район", "Bostandyk District"}, "Бостандыкского района", "bostandyk"},
    {"KZ-75", {"Жетісу ауданы", "Жетысуский район", "Zhetysu District"}, "Жетысуского района", "zhetysu"},
    {"KZ-75", {"Медеу ауданы", "Медеуский район", "Medeu District"}, "Медеуского района", "medeu"},
    {"KZ-75", {"Наурызбай ауданы", "Наурызбайский район", "Nauryzbai District"}, "Наурызбайского района", "nauryzbai"},
    {"KZ-75", {"Түрксіб ауданы", "Турксибский район", "Turksib District"}, "Турксибского района", "turksib"},
    {"KZ-79", {"Абай ауданы", "Абайский район", "Abai District"}, "Абайского района", "abai-rn"},
    {"KZ-79", {"Әл-Фараби ауданы", "Аль-Фарабийский район", "Al-Farabi District"}, "Аль-Фарабийского района", "alfarabi"},
    {"KZ-79", {"Еңбекші ауданы", "Енбекшинский район", "Enbekshi District"}, "Енбекшинского района", "enbekshi"},
    {"KZ-79", {"Қаратау ауданы", "Каратауский район", "Karatau District"}, "Каратауского района", "karatau"},
    {"KZ-79", {"Тұран ауданы", "Туранский район", "Turan District"}, "Туранского района", "turan"},
};

// Microdistricts of the three cities, used in addresses and to tell namesakes apart.
struct Microdistrict {
    const char* region;
    Text name;  // bare names: «Самал»
};

constexpr Microdistrict kMicrodistricts[] = {
    {"KZ-71", {"Көктал", "Коктал", "Koktal"}},
    {"KZ-71", {"Үркер", "Уркер", "Urker"}},
    {"KZ-71", {"Ақбұлақ", "Акбулак", "Akbulak"}},
    {"KZ-71", {"Жағалау", "Жагалау", "Zhagalau"}},
    {"KZ-71", {"Самал", "Самал", "Samal"}},
    {"KZ-71", {"Шұғыла", "Шугыла", "Shugyla"}},
    {"KZ-75", {"Самал", "Самал", "Samal"}},
    {"KZ-75", {"Орбита", "Орбита", "Orbita"}},
    {"KZ-75", {"Айнабұлақ", "Айнабулак", "Ainabulak"}},
    {"KZ-75", {"Алмагүл", "Алмагуль", "Almagul"}},
    {"KZ-75", {"Көктем", "Коктем", "Koktem"}},
    {"KZ-75", {"Мамыр", "Мамыр", "Mamyr"}},
    {"KZ-75", {"Таугүл", "Таугуль", "Taugul"}},
    {"KZ-75", {"Ақсай", "Аксай", "Aksai"}},
    {"KZ-75", {"Тастақ", "Тастак", "Tastak"}},
    {"KZ-75", {"Шаңырақ", "Шанырак", "Shanyrak"}},
    {"KZ-75", {"Қалқаман", "Калкаман", "Kalkaman"}},
    {"KZ-75", {"Жетісу", "Жетысу", "Zhetysu"}},
    {"KZ-75", {"Айгерім", "Айгерим", "Aigerim"}},
    {"KZ-75", {"Нұркент", "Нуркент", "Nurkent"}},
    {"KZ-75", {"Шұғыла", "Шугыла", "Shugyla"}},
    {"KZ-79", {"Нұрсат", "Нурсат", "Nursat"}},
    {"KZ-79", {"Самал", "Самал", "Samal"}},
    {"KZ-79", {"Қайтпас", "Кайтпас", "Kaitpas"}},
    {"KZ-79", {"Асар", "Асар", "Asar"}},
    {"KZ-79", {"Тасқала", "Таскала", "Taskala"}},
    {"KZ-79", {"Наурыз", "Наурыз", "Nauryz"}},
};

// Streets found in most towns of the country.
constexpr Text kStreets[] = {
    {"Абай көшесі", "ул. Абая", "Abai St"},
    {"Төле би көшесі", "ул. Толе би", "Tole Bi St"},
    {"Қазыбек би көшесі", "ул. Казыбек би", "Kazybek Bi St"},
    {"Әйтеке би көшесі", "ул. Айтеке би", "Aiteke Bi St"},
    {"Желтоқсан көшесі", "ул. Желтоксан", "Zheltoksan St"},
    {"Тәуелсіздік көшесі", "ул. Тауелсиздик", "Tauelsizdik St"},
    {"Бейбітшілік көшесі", "ул. Бейбитшилик", "Beibitshilik St"},
    {"Достық көшесі", "ул. Достык", "Dostyk St"},
    {"Әуезов көшесі", "ул. Ауэзова", "Auezov St"},
    {"Сәтбаев көшесі", "ул. Сатпаева", "Satpayev St"},
    {"Жамбыл көшесі", "ул. Жамбыла", "Zhambyl St"},
    {"Абылай хан көшесі", "ул. Абылай хана", "Abylai Khan St"},
    {"Қонаев көшесі", "ул. Кунаева", "Kunaev St"},
    {"Шоқан Уәлиханов көшесі", "ул. Чокана Валиханова", "Shokan Ualikhanov St"},
    {"Ыбырай Алтынсарин көшесі", "ул. Ибрая Алтынсарина", "Ybyrai Altynsarin St"},
    {"Бауыржан Момышұлы көшесі", "ул. Бауыржана Момышулы", "Baurzhan Momyshuly St"},
    {"Мұқағали Мақатаев көшесі", "ул. Мукагали Макатаева", "Mukagali Makatayev St"},
    {"Бұқар жырау көшесі", "ул. Бухар жырау", "Bukhar Zhyrau St"},
    {"Мектеп көшесі", "ул. Мектеп", "Mektep St"},
    {"Орталық көшесі", "ул. Центральная", "Ortalyk St"},
    {"Жастар көшесі", "ул. Жастар", "Zhastar St"},
    {"Наурыз көшесі", "ул. Наурыз", "Nauryz St"},
    {"Гагарин көшесі", "ул. Гагарина", "Gagarin St"},
    {"Жеңіс көшесі", "ул. Победы", "Zhenis St"},
};

// ---------------------------------------------------------------------------------------
// Kinds of organisation. Each kind brings its own registered-name patterns, brand words,
// mission sentences, services and the volunteer tasks it typically posts, so that every
// composed record reads like one organisation rather than a mix of phrases.

// The words in the quotation marks of a registered name. Most brands keep their Kazakh
// form in Russian and English; some are translated, as many organisations do.
struct Brand {
    Text name;
    const char* slug;  // ASCII, for e-mail addresses
};

// A volunteer task: what, what it involves, when.
struct Task {
    Text title;
    Text description;
    Text when;
};

struct NgoKind {
    std::span<const Text> names;     // registered-name patterns; "{B}" stands for the brand
    std::span<const Brand> brands;
    std::span<const Text> missions;  // one or two of them make the mission
    std::span<const Text> services;  // short phrases; three or four are listed
    std::span<const Task> tasks;
    const char* categories[3];       // codes from kCategories; unused slots are null
    bool rural = false;              // not found in the three cities of republican significance
};

// The two legal forms most NGOs are registered under.
constexpr Text kPublicFund = {"«{B}» қоғамдық қоры", "Общественный фонд «{B}»", "\"{B}\" Public Foundation"};
constexpr Text kPublicAssociation = {"«{B}» қоғамдық бірлестігі", "Общественное объединение «{B}»",
                                     "\"{B}\" Public Association"};

// Children's charity fund.
constexpr Text kChildFundNames[] = {
    {"«{B}» балаларға көмек қайырымдылық қоры", "Благотворительный фонд помощи детям «{B}»",
     "\"{B}\" Children's Charity Foundation"},
    kPublicFund,
};
constexpr Brand kChildFundBrands[] = {
    {{"Қамқор", "Камкор", "Kamkor"}, "kamkor"},
    {{"Балапан", "Балапан", "Balapan"}, "balapan"},
    {{"Жарқын болашақ", "Светлое будущее", "Bright Future"}, "zharkyn-bolashak"},
    {{"Мейірім", "Мейирим", "Meirim"}, "meirim"},
    {{"Бөбек", "Бобек", "Bobek"}, "bobek"},
    {{"Ақниет", "Акниет", "Akniet"}, "akniet"},
};
constexpr Text kChildFundMissions[] = {
    {"Аз қамтылған және көп балалы отбасылардағы балаларға тұрақты көмек көрсетеміз.",
     "Оказываем постоянную помощь детям из малообеспеченных и многодетных семей.",
     "We give steady help to children from low-income and large families."},
    {"Әр бала оқу жылын қажетті заттардың бәрімен бастауы үшін жұмыс істейміз.",
     "Работаем, чтобы каждый ребёнок начинал учебный год со всем необходимым.",
     "We work so that every child starts the school year with everything they need."},
    {"Ата-ана қамқорлығынсыз қалған балаларға киім, оқулық және жазғы демалыс ұйымдастырамыз.",
     "Всё для детей, оставшихся без попечения родителей: одежда, учебники, летний отдых.",
     "Clothes, textbooks and summer holidays for children left without parental care."},
};
constexpr Text kChildFundServices[] = {
    {"Мектепке дайындық: кеңсе тауарлары мен киім", "Сборы к школе: канцтовары и одежда",
     "Back-to-school kits: stationery and clothes"},
    {"Көп балалы отбасыларға азық-түлік себеттері", "Продуктовые наборы для многодетных семей",
     "Food parcels for large families"},
    {"Балалар үйлеріне тұрақты сапарлар", "Регулярные поездки в детские дома", "Regular visits to children's homes"},
    {"Жазғы лагерьге жолдамалар", "Путёвки в летний лагерь", "Summer camp places"},
    {"Тегін үйірмелер мен сабаққа көмек", "Бесплатные кружки и помощь с уроками", "Free clubs and homework help"},
};
constexpr Task kChildFundTasks[] = {
    {{"Мектепке дайындық жиынтықтарын жинау", "Помочь собрать наборы к школе", "Help pack back-to-school kits"},
     {"Қор қоймасында кеңсе тауарлары мен киімді сұрыптап, жиынтықтарға саламыз.",
      "Сортируем канцтовары и одежду на складе фонда и собираем наборы.",
      "We sort stationery and clothes at the foundation's store and pack the kits."},
     {"Тамыз айында, әр сенбі 10:00–14:00", "В августе, каждую субботу 10:00–14:00",
      "In August, every Saturday 10:00–14:00"}},
    {{"Балаларға сабаққа көмек", "Помощь детям с уроками", "Homework help for children"},
     {"Бастауыш сынып оқушыларымен математика және оқу бойынша сабақтар.",
      "Занятия по математике и чтению с учениками начальных классов.",
      "Maths and reading sessions with primary school pupils."},
     {"Жұмыс күндері 16:00–18:00, аптасына кемінде бір рет", "По будням 16:00–18:00, не реже раза в неделю",
      "Weekdays 16:00–18:00, at least once a week"}},
};

// Youth initiative association.
constexpr Text kYouthNames[] = {
    {"«{B}» жастар бастамалары қоғамдық бірлестігі", "Общественное объединение молодёжных инициатив «{B}»",
     "\"{B}\" Youth Initiatives Association"},
    kPublicAssociation,
};
constexpr Brand kYouthBrands[] = {
    {{"Жастар үні", "Голос молодёжи", "Youth Voice"}, "zhastar-uni"},
    {{"Жас өркен", "Жас оркен", "Zhas Orken"}, "zhas-orken"},
    {{"Серпін", "Серпин", "Serpin"}, "serpin"},
    {{"Болашақ", "Болашак", "Bolashak"}, "bolashak"},
    {{"Ұлан", "Улан", "Ulan"}, "ulan"},
    {{"Арман", "Арман", "Arman"}, "arman"},
};
constexpr Text kYouthMissions[] = {
    {"Ауыл жастарының бастамаларын қолдап, оларды қоғамдық өмірге тартамыз.",
     "Поддерживаем инициативы сельской молодёжи и вовлекаем её в общественную жизнь.",
     "We back the ideas of young people in villages and bring them into community life."},
    {"Жастарға жоба жазуды, грант алуды және команда құруды үйретеміз.",
     "Учим молодёжь писать проекты, получать гранты и собирать команду.",
     "We teach young people to write projects, win grants and build a team."},
    {"Жасөспірімдердің бос уақытын пайдалы өткізуіне жағдай жасаймыз.",
     "Создаём условия, чтобы подростки проводили свободное время с пользой.",
     "We help teenagers spend their free time well."},
};
constexpr Text kYouthServices[] = {
    {"Әлеуметтік жоба жазу мектебі", "Школа социального проектирования", "Social project school"},
    {"Пікірсайыс клубы", "Дебатный клуб", "Debate club"},
    {"Кәсіби бағдар беру кездесулері", "Встречи по профориентации", "Career guidance meetings"},
    {"Ағылшын тілінде сөйлесу клубы", "Разговорный клуб английского языка", "English conversation club"},
    {"Жастар форумдары мен акциялары", "Молодёжные форумы и акции", "Youth forums and campaigns"},
};
constexpr Task kYouthTasks[] = {
    {{"Жастар форумын ұйымдастыруға көмек", "Помощь в организации молодёжного форума", "Help run a youth forum"},
     {"Қатысушыларды тіркеу, қонақтарды қарсы алу және залды дайындау.",
      "Регистрация участников, встреча гостей и подготовка зала.",
      "Registration, welcoming guests and setting up the hall."},
     {"Айына бір рет, демалыс күні", "Раз в месяц, в выходной", "One weekend day a month"}},
    {{"Пікірсайыс клубының жүргізушісі", "Ведущий дебатного клуба", "Debate club host"},
     {"Мектеп оқушыларына пікірсайыс ережелерін түсіндіріп, ойындарды жүргізу.",
      "Объяснять школьникам правила дебатов и вести игры.", "Explain the rules of debate to pupils and host the games."},
     {"Әр сәрсенбі, 17:00–19:00", "Каждую среду, 17:00–19:00", "Every Wednesday, 17:00–19:00"}},
};

// Parents of children with disabilities.
constexpr Text kParentsNames[] = {
    {"«{B}» мүгедектігі бар балалардың ата-аналары қоғамдық бірлестігі",
     "Общественное объединение родителей детей с инвалидностью «{B}»",
     "\"{B}\" Association of Parents of Children with Disabilities"},
    kPublicFund,
};
constexpr Brand kParentsBrands[] = {
    {{"Үміт", "Надежда", "Hope"}, "umit"},
    {{"Шуақ", "Шуак", "Shuak"}, "shuak"},
    {{"Ерекше бала", "Особый ребёнок", "Special Child"}, "erekshe-bala"},
    {{"Жүрек жылуы", "Тепло сердца", "Warm Heart"}, "zhurek-zhyluy"},
    {{"Ақ көгершін", "Белый голубь", "White Dove"}, "ak-kogershin"},
    {{"Қанат", "Канат", "Kanat"}, "kanat"},
};
constexpr Text kParentsMissions[] = {
    {"Мүгедектігі бар балалардың отбасыларын біріктіріп, бір-біріне тірек болуға көмектесеміз.",
     "Объединяем семьи детей с инвалидностью и помогаем им поддерживать друг друга.",
     "We bring together families of children with disabilities so they can support one another."},
    {"Балалардың оңалтуға, білім алуға және кедергісіз ортаға құқықтарын қорғаймыз.",
     "Отстаиваем права детей на реабилитацию, образование и доступную среду.",
     "We stand up for children's rights to rehabilitation, education and accessible places."},
    {"Ата-аналарға заңгер мен психологтың тегін кеңесін ұйымдастырамыз.",
     "Организуем для родителей бесплатные консультации юриста и психолога.",
     "We arrange free advice from a lawyer and a psychologist for parents."},
};
constexpr Text kParentsServices[] = {
    {"Оңалту құралдарын алуға көмек", "Помощь в получении средств реабилитации", "Help obtaining rehabilitation aids"},
    {"Ата-аналарға арналған қолдау топтары", "Группы поддержки для родителей", "Parent support groups"},
    {"Логопед пен дефектолог сабақтары", "Занятия с логопедом и дефектологом",
     "Speech therapy and special education sessions"},
    {"Инватакси мен сапарларды ұйымдастыру", "Организация инватакси и поездок", "Accessible transport and trips"},
    {"Отбасылық демалыс күндері", "Семейные дни отдыха", "Family leisure days"},
};
constexpr Task kParentsTasks[] = {
    {{"Ерекше балаларға арналған мереке", "Праздник для особых детей", "A party for children with special needs"},
     {"Ойындар жүргізу, бет бояу, залды безендіру және балаларды қарсы алу.",
      "Проводить игры и аквагрим, украшать зал и встречать детей.",
      "Run games and face painting, decorate the hall and welcome the children."},
     {"Балаларды қорғау күні, 1 маусым", "В День защиты детей, 1 июня", "Children's Day, 1 June"}},
    {{"Балалармен серуен", "Прогулки с детьми", "Walks with children"},
     {"Ата-аналар демалып алуы үшін балалармен саябақта серуендеу.",
      "Гулять с детьми в парке, пока родители отдыхают.",
      "Take children for walks in the park so their parents can rest."},
     {"Сенбі немесе жексенбі, 11:00–13:00", "Суббота или воскресенье, 11:00–13:00", "Saturday or Sunday, 11:00–13:00"}},
};

// Eco club.
constexpr Text kEcoNames[] = {
    {"«{B}» экологиялық клубы", "Экологический клуб «{B}»", "\"{B}\" Eco Club"},
    kPublicAssociation,
};
constexpr Brand kEcoBrands[] = {
    {{"Жасыл әлем", "Зелёный мир", "Green World"}, "zhasyl-alem"},
    {{"Таза өлке", "Чистый край", "Clean Land"}, "taza-olke"},
    {{"Табиғат", "Табигат", "Tabigat"}, "tabigat"},
    {{"Жасыл ел", "Жасыл ел", "Zhasyl El"}, "zhasyl-el"},
    {{"Бәйтерек", "Байтерек", "Baiterek"}, "baiterek"},
    {{"Экосфера", "Экосфера", "Ecosphere"}, "ecosphere"},
};
constexpr Text kEcoMissions[] = {
    {"Ауылдың табиғатын таза ұстауға және ағаш отырғызуға тұрғындарды жұмылдырамыз.",
     "Объединяем жителей, чтобы сохранять природу края чистой и сажать деревья.",
     "We bring residents together to keep the countryside clean and plant trees."},
    {"Қалдықтарды бөлек жинауды және қайта өңдеуді үйретеміз.", "Учим раздельному сбору и переработке отходов.",
     "We teach separate waste collection and recycling."},
    {"Мектеп оқушыларына экологиялық сабақтар өткіземіз.", "Проводим экологические уроки для школьников.",
     "We give environmental lessons to schoolchildren."},
};
constexpr Text kEcoServices[] = {
    {"Сенбіліктер мен аумақты тазалау", "Субботники и уборка территорий", "Clean-up days"},
    {"Ағаш отырғызу акциялары", "Акции по посадке деревьев", "Tree planting"},
    {"Пластик пен қағаз қабылдау пункті", "Пункт приёма пластика и макулатуры", "Plastic and paper collection point"},
    {"Экологиялық сабақтар мен табиғатқа экскурсиялар", "Экоуроки и экскурсии на природу",
     "Eco lessons and nature walks"},
    {"Өзен жағасын бақылау", "Наблюдение за состоянием берегов реки", "River bank monitoring"},
};
constexpr Task kEcoTasks[] = {
    {{"Көктемгі сенбілік", "Весенний субботник", "Spring clean-up day"},
     {"Өзен жағасы мен саябақты қоқыстан тазалау; қолғап пен қап береміз.",
      "Уборка берега реки и парка; перчатки и мешки выдаём.",
      "Clearing litter from the river bank and the park; gloves and bags provided."},
     {"Сәуірдің соңғы сенбісі, 10:00-ден бастап", "Последняя суббота апреля, с 10:00",
      "Last Saturday of April, from 10:00"}},
    {{"Ағаш отырғызу", "Посадка деревьев", "Tree planting"},
     {"Мектеп маңы мен көшелерге көшет отырғызып, алғашқы айда суару.",
      "Сажаем саженцы у школы и вдоль улиц и поливаем их первый месяц.",
      "Planting saplings by the school and along the streets and watering them for the first month."},
     {"Қазан айы, демалыс күндері", "Октябрь, по выходным", "October weekends"}},
};

// Veterans' council.
constexpr Text kVeteransNames[] = {
    {"«{B}» ардагерлер қоғамдық бірлестігі", "Общественное объединение ветеранов «{B}»", "\"{B}\" Veterans' Association"},
    {"«{B}» ардагерлер кеңесі", "Совет ветеранов «{B}»", "\"{B}\" Veterans' Council"},
};
constexpr Brand kVeteransBrands[] = {
    {{"Ардагер", "Ардагер", "Ardager"}, "ardager"},
    {{"Құрмет", "Курмет", "Kurmet"}, "kurmet"},
    {{"Жеңіс", "Победа", "Victory"}, "zhenis"},
    {{"Ерлік", "Ерлик", "Erlik"}, "erlik"},
    {{"Ақ жол", "Ак жол", "Ak Zhol"}, "ak-zhol"},
    {{"Ынтымақ", "Ынтымак", "Yntymak"}, "yntymak"},
};
constexpr Text kVeteransMissions[] = {
    {"Соғыс, еңбек және Ауғанстан ардагерлерінің құқықтары мен мүдделерін қорғаймыз.",
     "Защищаем права и интересы ветеранов войны, труда и Афганистана.",
     "We defend the rights and interests of war, labour and Afghanistan veterans."},
    {"Ардагерлердің тәжірибесін жастарға жеткізіп, патриоттық тәрбиеге үлес қосамыз.",
     "Передаём опыт ветеранов молодёжи и занимаемся патриотическим воспитанием.",
     "We pass veterans' experience on to young people."},
    {"Жалғыз тұратын ардагерлердің үйіне барып, қажеттіліктерін есепке алып отырамыз.",
     "Навещаем одиноких ветеранов на дому и ведём учёт их нужд.",
     "We visit veterans who live alone and keep track of what they need."},
};
constexpr Text kVeteransServices[] = {
    {"Ардагерлердің үйіне бару", "Посещение ветеранов на дому", "Home visits to veterans"},
    {"Жеңілдіктерді рәсімдеуге көмек", "Помощь в оформлении льгот", "Help claiming benefits"},
    {"Мектептерде ерлік сабақтары", "Уроки мужества в школах", "Talks in schools"},
    {"Мерекелік кездесулер мен концерттер", "Праздничные встречи и концерты", "Holiday gatherings and concerts"},
    {"Ескерткіштерді күтіп ұстау", "Уход за памятниками", "Care of memorials"},
};
constexpr Task kVeteransTasks[] = {
    {{"Жеңіс күніне дайындық", "Подготовка ко Дню Победы", "Preparing for Victory Day"},
     {"Ардагерлерге сыйлық жеткізу, ескерткіш маңын тазалау және концертке көмектесу.",
      "Доставить подарки ветеранам, убрать территорию у памятника, помочь на концерте.",
      "Deliver gifts to veterans, tidy the memorial and help at the concert."},
     {"1–9 мамыр", "1–9 мая", "1–9 May"}},
    {{"Жалғыз ардагерлерге көмек", "Помощь одиноким ветеранам", "Help for veterans living alone"},
     {"Азық-түлік пен дәрі-дәрмек әкеліп беру, үй шаруасына көмектесу.",
      "Приносить продукты и лекарства, помогать по хозяйству.",
      "Bring groceries and medicines and help around the house."},
     {"Аптасына бір рет, өзіңізге ыңғайлы уақытта", "Раз в неделю, в удобное для вас время",
      "Once a week, at a time that suits you"}},
};

// Women's entrepreneurship association.
constexpr Text kWomenBizNames[] = {
    {"«{B}» іскер әйелдер қауымдастығы", "Ассоциация деловых женщин «{B}»", "\"{B}\" Businesswomen's Association"},
    kPublicAssociation,
};
constexpr Brand kWomenBizBrands[] = {
    {{"Ару", "Ару", "Aru"}, "aru"},
    {{"Іскер әйел", "Деловая женщина", "Business Woman"}, "isker-aiel"},
    {{"Шолпан", "Шолпан", "Sholpan"}, "sholpan"},
    {{"Ақбота", "Акбота", "Akbota"}, "akbota"},
    {{"Нұр Ана", "Нур Ана", "Nur Ana"}, "nur-ana"},
    {{"Алтын қол", "Золотые руки", "Golden Hands"}, "altyn-kol"},
};
constexpr Text kWomenBizMissions[] = {
    {"Ауыл әйелдеріне өз ісін ашуға және дамытуға көмектесеміз.", "Помогаем сельским женщинам открыть и развить своё дело.",
     "We help rural women start and grow their own business."},
    {"Әйелдерге қаржылық сауаттылық пен цифрлық дағдыларды үйретеміз.",
     "Обучаем женщин финансовой грамотности и цифровым навыкам.", "We teach women money management and digital skills."},
    {"Кәсіпкер әйелдерді біріктіріп, тәжірибе алмасуға алаң жасаймыз.",
     "Объединяем женщин-предпринимателей и создаём площадку для обмена опытом.",
     "We connect women entrepreneurs and give them a place to share experience."},
};
constexpr Text kWomenBizServices[] = {
    {"Бизнес-жоспар құру курстары", "Курсы по составлению бизнес-плана", "Business plan courses"},
    {"Микрокредит пен грантқа өтінім беруге көмек", "Помощь с заявками на микрокредиты и гранты",
     "Help applying for microcredit and grants"},
    {"Тәлімгерлік бағдарлама", "Программа наставничества", "Mentoring programme"},
    {"Қолөнер бұйымдарының жәрмеңкелері", "Ярмарки изделий ручной работы", "Handicraft fairs"},
    {"Заң және салық кеңестері", "Юридические и налоговые консультации", "Legal and tax advice"},
};
constexpr Task kWomenBizTasks[] = {
    {{"Қолөнер жәрмеңкесіне көмек", "Помощь на ярмарке ремёсел", "Help at a handicraft fair"},
     {"Сөрелерді орнату, сатушыларды тіркеу, келушілерге жол көрсету.",
      "Расставить прилавки, зарегистрировать участниц, подсказывать посетителям дорогу.",
      "Set up stalls, register sellers and guide visitors."},
     {"Наурыз қарсаңында, 20–22 наурыз", "Накануне Наурыза, 20–22 марта", "Before Nauryz, 20–22 March"}},
    {{"Цифрлық сауаттылық тәлімгері", "Наставник по цифровой грамотности", "Digital skills mentor"},
     {"Әйелдерге смартфонды, онлайн-банкингті және eGov порталын қолдануды үйрету.",
      "Учить женщин пользоваться смартфоном, онлайн-банком и порталом eGov.",
      "Teach women to use a smartphone, online banking and the eGov portal."},
     {"Әр бейсенбі, 18:00–19:30", "Каждый четверг, 18:00–19:30", "Every Thursday, 18:00–19:30"}},
};

// Animal shelter.
constexpr Text kAnimalsNames[] = {
    {"«{B}» жануарларды қорғау қоғамдық қоры", "Общественный фонд защиты животных «{B}»",
     "\"{B}\" Animal Welfare Foundation"},
    {"«{B}» жануарлар баспанасы", "Приют для животных «{B}»", "\"{B}\" Animal Shelter"},
};
constexpr Brand kAnimalsBrands[] = {
    {{"Дос", "Друг", "Friend"}, "dos"},
    {{"Қамқор", "Камкор", "Kamkor"}, "kamkor"},
    {{"Төрт аяқ", "Четыре лапы", "Four Paws"}, "tort-ayak"},
    {{"Мейірім", "Мейирим", "Meirim"}, "meirim"},
    {{"Ақтөс", "Актос", "Aktos"}, "aktos"},
    {{"Жан", "Жан", "Zhan"}, "zhan"},
};
constexpr Text kAnimalsMissions[] = {
    {"Иесіз мысықтар мен иттерді құтқарып, емдеп, жаңа үй табамыз.",
     "Спасаем, лечим и пристраиваем бездомных кошек и собак.", "We rescue, treat and rehome stray cats and dogs."},
    {"Залалсыздандыру мен вакцинация арқылы иесіз жануарлардың санын ізгілікпен реттейміз.",
     "Гуманно регулируем численность бездомных животных через стерилизацию и вакцинацию.",
     "We manage stray numbers humanely through neutering and vaccination."},
    {"Балалар мен ересектерге жануарларға жауапкершілікпен қарауды үйретеміз.",
     "Учим детей и взрослых ответственному обращению с животными.",
     "We teach children and adults to care for animals responsibly."},
};
constexpr Text kAnimalsServices[] = {
    {"Жануарларды баспанаға қабылдау", "Приём животных в приют", "Taking animals into the shelter"},
    {"Залалсыздандыру және вакцинация", "Стерилизация и вакцинация", "Neutering and vaccination"},
    {"Жануарларға жаңа иелер іздеу", "Поиск новых хозяев", "Finding new homes"},
    {"Жоғалған жануарларды іздеуге көмек", "Помощь в поиске потерявшихся животных", "Help finding lost pets"},
    {"Мектептерде мейірімділік сабақтары", "Уроки доброты в школах", "Kindness lessons in schools"},
};
constexpr Task kAnimalsTasks[] = {
    {{"Баспанадағы иттерді серуендету", "Выгул собак в приюте", "Walking shelter dogs"},
     {"Иттерді серуендету, торларды тазалау және тамақтандыруға көмектесу.",
      "Выгуливать собак, убирать вольеры, помогать с кормлением.",
      "Walk the dogs, clean the enclosures and help at feeding time."},
     {"Демалыс күндері, 10:00–13:00", "По выходным, 10:00–13:00", "Weekends, 10:00–13:00"}},
    {{"Жануарларды уақытша асырау", "Передержка животных", "Foster care for animals"},
     {"Емделген мысықты немесе күшікті бірнеше аптаға үйге алу; жем мен дәріні қор береді.",
      "Взять домой кошку или щенка после лечения на несколько недель; корм и лекарства от фонда.",
      "Take a cat or puppy home for a few weeks after treatment; food and medicine provided."},
     {"2–6 апта, жыл бойы", "На 2–6 недель, круглый год", "2–6 weeks, all year round"}},
};

// District sports federation.
constexpr Text kSportNames[] = {
    {"«{B}» спорт федерациясы", "Спортивная федерация «{B}»", "\"{B}\" Sports Federation"},
    {"«{B}» спорт клубы", "Спортивный клуб «{B}»", "\"{B}\" Sports Club"},
};
constexpr Brand kSportBrands[] = {
    {{"Барыс", "Барыс", "Barys"}, "barys"},
    {{"Тұлпар", "Тулпар", "Tulpar"}, "tulpar"},
    {{"Алаш", "Алаш", "Alash"}, "alash"},
    {{"Қыран", "Кыран", "Kyran"}, "kyran"},
    {{"Самұрық", "Самрук", "Samruk"}, "samruk"},
    {{"Жігер", "Жигер", "Zhiger"}, "zhiger"},
};
constexpr Text kSportMissions[] = {
    {"Ауыл балалары мен жастарына тегін спорт секцияларын ашамыз.",
     "Открываем бесплатные спортивные секции для сельских детей и молодёжи.",
     "We run free sports sections for children and young people in villages."},
    {"Аудандық жарыстар ұйымдастырып, дарынды спортшыларды қолдаймыз.",
     "Проводим районные соревнования и поддерживаем одарённых спортсменов.",
     "We hold district competitions and support gifted athletes."},
    {"Ұлттық спорт түрлерін дамытамыз: қазақ күресі, тоғызқұмалақ, асық ату.",
     "Развиваем национальные виды спорта: казахскую борьбу, тогызкумалак, асык ату.",
     "We develop national sports: Kazakh wrestling, togyz kumalak and asyk atu."},
};
constexpr Text kSportServices[] = {
    {"Футбол және волейбол секциялары", "Секции футбола и волейбола", "Football and volleyball sections"},
    {"Қазақ күресі мен дзюдо", "Казахская борьба и дзюдо", "Kazakh wrestling and judo"},
    {"Тоғызқұмалақ үйірмесі", "Кружок тогызкумалак", "Togyz kumalak club"},
    {"Аудандық турнирлер", "Районные турниры", "District tournaments"},
    {"Ересектерге арналған таңғы жаттығу", "Утренняя зарядка для взрослых", "Morning exercise for adults"},
};
constexpr Task kSportTasks[] = {
    {{"Аудандық турнирді өткізуге көмек", "Помощь в проведении районного турнира", "Help run the district tournament"},
     {"Хаттама жүргізу, командаларды тіркеу, алаңды дайындау.",
      "Вести протоколы, регистрировать команды, готовить площадку.",
      "Keep score sheets, register teams and prepare the ground."},
     {"Мамыр мен қыркүйек, демалыс күндері", "Май и сентябрь, по выходным", "May and September weekends"}},
    {{"Балалар жаттықтырушысының көмекшісі", "Помощник детского тренера", "Assistant children's coach"},
     {"Жаттығу кезінде балаларды қадағалап, спорт құралдарын дайындау.",
      "Присматривать за детьми на тренировке и готовить инвентарь.",
      "Look after children during training and set out the equipment."},
     {"Сейсенбі мен бейсенбі, 17:00–19:00", "Вторник и четверг, 17:00–19:00", "Tuesdays and Thursdays, 17:00–19:00"}},
};

// Crisis centre for women.
constexpr Text kCrisisNames[] = {
    {"«{B}» әйелдерге арналған дағдарыс орталығы", "Кризисный центр для женщин «{B}»", "\"{B}\" Women's Crisis Centre"},
    kPublicFund,
};
constexpr Brand kCrisisBrands[] = {
    {{"Ана үйі", "Дом мамы", "Mother's House"}, "ana-uii"},
    {{"Қорған", "Корган", "Korgan"}, "korgan"},
    {{"Сенім", "Доверие", "Trust"}, "senim"},
    {{"Шаңырақ", "Шанырак", "Shanyrak"}, "shanyrak"},
    {{"Пана", "Пана", "Pana"}, "pana"},
    {{"Жан шуағы", "Жан шуагы", "Zhan Shuagy"}, "zhan-shuagy"},
};
constexpr Text kCrisisMissions[] = {
    {"Тұрмыстық зорлық-зомбылықтан зардап шеккен әйелдер мен балаларға уақытша баспана береміз.",
     "Предоставляем временное убежище женщинам и детям, пострадавшим от бытового насилия.",
     "We give temporary shelter to women and children affected by domestic violence."},
    {"Психологиялық және заңгерлік көмекті тегін әрі құпия түрде көрсетеміз.",
     "Оказываем бесплатную и конфиденциальную психологическую и юридическую помощь.",
     "We offer free, confidential psychological and legal help."},
    {"Әйелдерге қайта аяққа тұруға, жұмыс пен баспана табуға көмектесеміз.",
     "Помогаем женщинам встать на ноги: найти работу и жильё.", "We help women get back on their feet: find work and housing."},
};
constexpr Text kCrisisServices[] = {
    {"Тәулік бойы жұмыс істейтін сенім телефоны", "Круглосуточный телефон доверия", "24-hour helpline"},
    {"Уақытша баспана", "Временное убежище", "Temporary shelter"},
    {"Психолог кеңесі", "Консультации психолога", "Counselling"},
    {"Сотта және полицияда заңгердің сүйемелдеуі", "Сопровождение юриста в суде и полиции",
     "A lawyer's support in court and with the police"},
    {"Жұмысқа орналасуға көмек", "Помощь в трудоустройстве", "Help finding work"},
};
constexpr Task kCrisisTasks[] = {
    {{"Баспанадағы балалармен сабақ", "Занятия с детьми в убежище", "Activities with children at the shelter"},
     {"Аналары кеңес алып жатқанда балалармен сурет салу, ойнау, сабақ дайындау.",
      "Рисовать, играть и делать уроки с детьми, пока мамы на консультациях.",
      "Draw, play and do homework with children while their mothers are in counselling."},
     {"Жұмыс күндері, 15:00–18:00", "По будням, 15:00–18:00", "Weekdays, 15:00–18:00"}},
    {{"Киім мен гигиена құралдарын жинау", "Сбор одежды и средств гигиены", "Collecting clothes and hygiene products"},
     {"Қайырымдылық заттарын қабылдап, сұрыптап, баспанаға жеткізу.",
      "Принимать, сортировать и доставлять вещи в убежище.", "Receive, sort and deliver donations to the shelter."},
     {"Айына екі рет, сенбі күні", "Дважды в месяц, по субботам", "Twice a month on Saturdays"}},
};

// Legal aid centre.
constexpr Text kLegalNames[] = {
    {"«{B}» құқықтық көмек орталығы", "Центр правовой помощи «{B}»", "\"{B}\" Legal Aid Centre"},
    kPublicAssociation,
};
constexpr Brand kLegalBrands[] = {
    {{"Әділет", "Адилет", "Adilet"}, "adilet"},
    {{"Ақиқат", "Акикат", "Akikat"}, "akikat"},
    {{"Таразы", "Таразы", "Tarazy"}, "tarazy"},
    {{"Әділдік", "Справедливость", "Justice"}, "adildik"},
    {{"Кеңесші", "Советник", "Adviser"}, "kenesshi"},
    {{"Құқық", "Кукык", "Kukyk"}, "kukyk"},
};
constexpr Text kLegalMissions[] = {
    {"Тұрғындарға тегін заң кеңесін беріп, құқықтарын қорғауға көмектесеміз.",
     "Даём жителям бесплатные юридические консультации и помогаем защищать их права.",
     "We give residents free legal advice and help them defend their rights."},
    {"Азаматтарды мемлекеттік органдарға өтініш жазуға үйретеміз.",
     "Учим граждан составлять обращения в государственные органы.",
     "We teach people to write applications and complaints to state bodies."},
    {"Зейнеткерлер мен мүгедектігі бар адамдардың әлеуметтік құқықтарын қорғаймыз.",
     "Защищаем социальные права пенсионеров и людей с инвалидностью.",
     "We protect the social rights of pensioners and people with disabilities."},
};
constexpr Text kLegalServices[] = {
    {"Тегін заң кеңестері", "Бесплатные юридические консультации", "Free legal advice"},
    {"Өтініштер мен шағымдарды құрастыру", "Составление заявлений и жалоб", "Drafting applications and complaints"},
    {"Жер және тұрғын үй мәселелері", "Земельные и жилищные вопросы", "Land and housing matters"},
    {"Зейнетақы мен жәрдемақыны рәсімдеу", "Оформление пенсий и пособий", "Pension and benefit claims"},
    {"Ауылдарда көшпелі қабылдау", "Выездные приёмы в сёлах", "Travelling advice sessions in villages"},
};
constexpr Task kLegalTasks[] = {
    {{"Заңгер студенттерге тәжірибе", "Практика для студентов-юристов", "Placement for law students"},
     {"Заңгердің басшылығымен азаматтарды қабылдау және құжаттар дайындау.",
      "Под руководством юриста принимать граждан и готовить документы.",
      "See clients and draft documents under a lawyer's supervision."},
     {"Аптасына екі күн, 10:00–13:00", "Два дня в неделю, 10:00–13:00", "Two days a week, 10:00–13:00"}},
    {{"Көшпелі қабылдауды ұйымдастыру", "Организация выездного приёма", "Organising a travelling advice day"},
     {"Ауыл әкімдігімен келісу, тұрғындарды алдын ала жазу және хабарландыру тарату.",
      "Договориться с акиматом села, записать жителей, раздать объявления.",
      "Agree a date with the village akimat, book residents in and hand out notices."},
     {"Айына бір рет", "Раз в месяц", "Once a month"}},
};

// Elderly care.
constexpr Text kElderlyNames[] = {
    {"«{B}» қарттарға қамқорлық қоры", "Фонд заботы о пожилых «{B}»", "\"{B}\" Elderly Care Foundation"},
    kPublicFund,
};
constexpr Brand kElderlyBrands[] = {
    {{"Ақ жаулық", "Ак жаулык", "Ak Zhaulyk"}, "ak-zhaulyk"},
    {{"Әже мен ата", "Бабушки и дедушки", "Grandparents"}, "azhe-men-ata"},
    {{"Мейірім", "Мейирим", "Meirim"}, "meirim"},
    {{"Жылы ұя", "Тёплое гнездо", "Warm Nest"}, "zhyly-uya"},
    {{"Ақсақал", "Аксакал", "Aksakal"}, "aksakal"},
    {{"Алтын жас", "Золотой возраст", "Golden Age"}, "altyn-zhas"},
};
constexpr Text kElderlyMissions[] = {
    {"Жалғыз басты қарттарға үйде күтім жасап, күнделікті тұрмыста көмектесеміз.",
     "Оказываем одиноким пожилым людям уход на дому и помощь в быту.",
     "We provide home care and everyday help to older people who live alone."},
    {"Егде жастағы адамдардың белсенді өмір сүруіне жағдай жасаймыз.", "Помогаем людям старшего возраста вести активную жизнь.",
     "We help older people stay active."},
    {"Қарттарды жалғыздықтан арашалап, ұрпақтар арасында байланыс орнатамыз.",
     "Спасаем пожилых от одиночества и соединяем поколения.", "We ease loneliness and bring the generations together."},
};
constexpr Text kElderlyServices[] = {
    {"Үйде әлеуметтік күтім", "Социальный уход на дому", "Home care"},
    {"Азық-түлік пен дәрі жеткізу", "Доставка продуктов и лекарств", "Grocery and medicine delivery"},
    {"Күміс жас мектебі: компьютер және ағылшын тілі", "Школа серебряного возраста: компьютер и английский",
     "Silver age school: computers and English"},
    {"Ұлттық ойындар мен ән кештері", "Вечера национальных игр и песен", "Evenings of folk games and songs"},
    {"Дәрігерге бірге бару", "Сопровождение к врачу", "Escort to medical appointments"},
};
constexpr Task kElderlyTasks[] = {
    {{"Қарттарға телефон арқылы хабарласу", "Звонки пожилым людям", "Phone calls to older people"},
     {"Жалғыз тұратын қарттарға қоңырау шалып, хал-жағдайын сұрап, өтініштерін жазып алу.",
      "Звонить одиноким пожилым людям, узнавать, как дела, записывать просьбы.",
      "Call older people who live alone, ask how they are and note what they need."},
     {"Өзіңізге ыңғайлы уақытта, аптасына 2–3 сағат", "В удобное для вас время, 2–3 часа в неделю",
      "At a time that suits you, 2–3 hours a week"}},
    {{"Смартфон сабақтары", "Уроки смартфона", "Smartphone lessons"},
     {"Зейнеткерлерге бейнеқоңырауды, мессенджерді және eGov порталын қолдануды үйрету.",
      "Учить пенсионеров видеозвонкам, мессенджерам и порталу eGov.",
      "Teach pensioners video calls, messengers and the eGov portal."},
     {"Әр жұма, 11:00–12:30", "Каждую пятницу, 11:00–12:30", "Every Friday, 11:00–12:30"}},
};

// Inclusive education.
constexpr Text kInclusiveNames[] = {
    {"«{B}» инклюзивті білім беру орталығы", "Центр инклюзивного образования «{B}»", "\"{B}\" Inclusive Education Centre"},
    kPublicFund,
};
constexpr Brand kInclusiveBrands[] = {
    {{"Білім", "Билим", "Bilim"}, "bilim"},
    {{"Тең мүмкіндік", "Равные возможности", "Equal Chances"}, "ten-mumkindik"},
    {{"Жол ашар", "Жол ашар", "Zhol Ashar"}, "zhol-ashar"},
    {{"Кемел", "Кемел", "Kemel"}, "kemel"},
    {{"Шамшырақ", "Шамшырак", "Shamshyrak"}, "shamshyrak"},
    {{"Қадам", "Шаг", "Step"}, "kadam"},
};
constexpr Text kInclusiveMissions[] = {
    {"Ерекше білім беру қажеттіліктері бар балалардың жалпы білім беретін мектепте оқуына көмектесеміз.",
     "Помогаем детям с особыми образовательными потребностями учиться в обычной школе.",
     "We help children with special educational needs learn in mainstream schools."},
    {"Мұғалімдер мен тәрбиешілерге инклюзивті оқыту әдістерін үйретеміз.",
     "Обучаем учителей и воспитателей методам инклюзивного обучения.",
     "We train teachers and nursery staff in inclusive teaching."},
    {"Ата-аналарға баланың құқықтары мен білім алу мүмкіндіктері туралы кеңес береміз.",
     "Консультируем родителей о правах ребёнка и возможностях получить образование.",
     "We advise parents on their child's rights and options for schooling."},
};
constexpr Text kInclusiveServices[] = {
    {"Тьютордың сүйемелдеуі", "Сопровождение тьютора", "Tutor support in class"},
    {"Мұғалімдерге арналған семинарлар", "Семинары для учителей", "Workshops for teachers"},
    {"Психологиялық-педагогикалық кеңес", "Психолого-педагогические консультации", "Educational psychology advice"},
    {"Брайль әрпі мен ым тілі сабақтары", "Занятия по Брайлю и жестовому языку", "Braille and sign language lessons"},
    {"Бейімделген оқу материалдары", "Адаптированные учебные материалы", "Adapted learning materials"},
};
constexpr Task kInclusiveTasks[] = {
    {{"Ерекше балаларға оқуға көмек", "Помощь особым детям в учёбе", "Learning support for children with special needs"},
     {"Тьютормен бірге баланы сабаққа дайындап, үй тапсырмасын орындауға көмектесу.",
      "Вместе с тьютором готовить ребёнка к урокам и делать домашние задания.",
      "Work with the tutor to prepare a child for lessons and help with homework."},
     {"Жұмыс күндері, 15:00–17:00", "По будням, 15:00–17:00", "Weekdays, 15:00–17:00"}},
    {{"Оқу материалдарын бейімдеу", "Адаптация учебных материалов", "Adapting learning materials"},
     {"Суретті карточкалар мен ірі қаріппен басылған кітаптар дайындау.",
      "Готовить карточки с картинками и книги крупным шрифтом.", "Make picture cards and large-print books."},
     {"Үйден, өзіңізге ыңғайлы уақытта", "Из дома, в удобное время", "From home, whenever suits you"}},
};

// Local history and culture society.
constexpr Text kHeritageNames[] = {
    {"«{B}» өлкетану қоғамы", "Краеведческое общество «{B}»", "\"{B}\" Local History Society"},
    {"«{B}» мәдени орталығы", "Культурный центр «{B}»", "\"{B}\" Cultural Centre"},
};
constexpr Brand kHeritageBrands[] = {
    {{"Мұра", "Мура", "Mura"}, "mura"},
    {{"Атамекен", "Атамекен", "Atameken"}, "atameken"},
    {{"Ұлы дала", "Великая степь", "Great Steppe"}, "uly-dala"},
    {{"Шежіре", "Шежире", "Shezhire"}, "shezhire"},
    {{"Домбыра", "Домбра", "Dombyra"}, "dombyra"},
    {{"Тамыр", "Тамыр", "Tamyr"}, "tamyr"},
};
constexpr Text kHeritageMissions[] = {
    {"Өлкеміздің тарихын, шежіресін және тұрғындардың естеліктерін жинап сақтаймыз.",
     "Собираем и сохраняем историю, шежире и воспоминания жителей нашего края.",
     "We collect and keep the history, genealogies and memories of our area."},
    {"Жас ұрпақты қазақтың ұлттық өнерімен және салт-дәстүрімен таныстырамыз.",
     "Знакомим молодое поколение с казахским национальным искусством и традициями.",
     "We introduce young people to Kazakh folk arts and traditions."},
    {"Тарихи ескерткіштерді қорғауға және өлкетану мұражайын ашуға атсалысамыз.",
     "Участвуем в охране памятников истории и создании краеведческого музея.",
     "We help protect historic monuments and set up a local museum."},
};
constexpr Text kHeritageServices[] = {
    {"Ауыл мұражайы", "Сельский музей", "Village museum"},
    {"Домбыра және қолөнер үйірмелері", "Кружки домбры и ремёсел", "Dombyra and crafts clubs"},
    {"Өлкетану экскурсиялары", "Краеведческие экскурсии", "Local history tours"},
    {"Шежіре мен естеліктер жинау", "Сбор шежире и воспоминаний", "Recording genealogies and memories"},
    {"Наурыз және ұлттық мерекелер", "Наурыз и национальные праздники", "Nauryz and national festivals"},
};
constexpr Task kHeritageTasks[] = {
    {{"Ауыл қарияларының естеліктерін жазу", "Запись воспоминаний старожилов", "Recording the memories of elders"},
     {"Диктофонға сұхбат жазып алу, мәтінге түсіру және суреттерді сканерлеу.",
      "Брать интервью на диктофон, расшифровывать записи и сканировать фотографии.",
      "Interview elders, transcribe the recordings and scan photographs."},
     {"Жаз бойы, өзіңізге ыңғайлы уақытта", "Всё лето, в удобное время", "All summer, whenever suits you"}},
    {{"Наурыз мерекесін өткізу", "Проведение праздника Наурыз", "Help at the Nauryz festival"},
     {"Киіз үй тігу, ұлттық ойындарды жүргізу, қонақтарды қарсы алу.",
      "Ставить юрту, проводить национальные игры, встречать гостей.", "Put up the yurt, run folk games and welcome guests."},
     {"21–23 наурыз", "21–23 марта", "21–23 March"}},
};

// Village development and water users association.
constexpr Text kVillageNames[] = {
    {"«{B}» су пайдаланушылар қауымдастығы", "Ассоциация водопользователей «{B}»", "\"{B}\" Water Users Association"},
    {"«{B}» ауылды дамыту қоғамдық бірлестігі", "Общественное объединение развития села «{B}»",
     "\"{B}\" Village Development Association"},
};
constexpr Brand kVillageBrands[] = {
    {{"Бірлік", "Бирлик", "Birlik"}, "birlik"},
    {{"Ынтымақ", "Ынтымак", "Yntymak"}, "yntymak"},
    {{"Береке", "Береке", "Bereke"}, "bereke"},
    {{"Кәусар", "Каусар", "Kausar"}, "kausar"},
    {{"Асар", "Асар", "Asar"}, "asar"},
    {{"Бұлақ", "Булак", "Bulak"}, "bulak"},
};
constexpr Text kVillageMissions[] = {
    {"Тұрғындарды ауылдың суару жүйесі мен ауыз су құбырын бірге күтіп ұстауға біріктіреміз.",
     "Объединяем жителей для совместного содержания оросительной сети и водопровода села.",
     "We bring residents together to maintain the village's irrigation and drinking water systems."},
    {"Ауылдың өзекті мәселелерін әкімдікпен бірге асар арқылы шешеміз.",
     "Решаем насущные вопросы села вместе с акиматом, методом асара.",
     "We solve the village's pressing problems together with the akimat, the asar way."},
    {"Суару кезегін әділ бөліп, судың есебін жүргіземіз.", "Справедливо распределяем очерёдность полива и ведём учёт воды.",
     "We share out watering turns fairly and keep account of the water used."},
};
constexpr Text kVillageServices[] = {
    {"Арықтар мен каналдарды тазалау", "Очистка арыков и каналов", "Cleaning ditches and canals"},
    {"Суару кестесін құру", "Составление графика полива", "Watering schedules"},
    {"Ауыл жиындары", "Сельские сходы", "Village meetings"},
    {"Балалар алаңдарын абаттандыру", "Благоустройство детских площадок", "Playground improvements"},
    {"Көше жарығы жобалары", "Проекты уличного освещения", "Street lighting projects"},
};
constexpr Task kVillageTasks[] = {
    {{"Арық тазалау асары", "Асар по очистке арыков", "Ditch-clearing asar"},
     {"Суару басталғанға дейін арықтарды қоқыс пен шөптен тазалау; құрал-сайман береміз.",
      "До начала полива очистить арыки от мусора и травы; инструмент выдаём.",
      "Clear rubbish and weeds from the ditches before watering starts; tools provided."},
     {"Сәуірдің басы, сенбі, 9:00-ден бастап", "Начало апреля, суббота, с 9:00", "Early April, Saturday from 9:00"}},
    {{"Балалар алаңын сырлау", "Покраска детской площадки", "Painting the playground"},
     {"Әткеншектер мен орындықтарды сырлап, алаңды ретке келтіру.",
      "Покрасить качели и скамейки, навести порядок на площадке.", "Paint the swings and benches and tidy the playground."},
     {"Мамырдың екінші жартысы, демалыс күндері", "Вторая половина мая, по выходным", "Late May weekends"}},
};

// Support for people with diabetes.
constexpr Text kDiabetesNames[] = {
    {"«{B}» қант диабеті бар адамдарды қолдау қоғамдық бірлестігі",
     "Общественное объединение поддержки людей с диабетом «{B}»", "\"{B}\" Diabetes Support Association"},
    kPublicAssociation,
};
constexpr Brand kDiabetesBrands[] = {
    {{"Өмір", "Жизнь", "Life"}, "omir"},
    {{"Тірек", "Опора", "Support"}, "tirek"},
    {{"Жаңа өмір", "Новая жизнь", "New Life"}, "zhana-omir"},
    {{"Демеу", "Демеу", "Demeu"}, "demeu"},
    {{"Шипа", "Шипа", "Shipa"}, "shipa"},
};
constexpr Text kDiabetesMissions[] = {
    {"Қант диабеті бар балалар мен ересектерге ауруын өздері басқаруды үйретеміз.",
     "Учим детей и взрослых с диабетом управлять своим заболеванием.",
     "We teach children and adults with diabetes to manage their condition."},
    {"Науқастардың инсулин мен тест-жолақтарды уақытында алуына көмектесеміз.",
     "Помогаем пациентам вовремя получать инсулин и тест-полоски.", "We help patients get insulin and test strips on time."},
};
constexpr Text kDiabetesServices[] = {
    {"Диабет мектебі", "Школа диабета", "Diabetes school"},
    {"Қандағы қантты тегін өлшеу", "Бесплатное измерение сахара в крови", "Free blood sugar checks"},
    {"Диетолог кеңесі", "Консультации диетолога", "Dietitian advice"},
    {"Дәрі-дәрмекпен қамтамасыз етуге көмек", "Помощь с обеспечением лекарствами", "Help obtaining medicines"},
};
constexpr Task kDiabetesTasks[] = {
    {{"Қант өлшеу акциясы", "Акция по измерению сахара", "Blood sugar check day"},
     {"Медбикеге көмектесу: келушілерді тіркеу, жадынамалар тарату.",
      "Помогать медсестре: регистрировать посетителей, раздавать памятки.",
      "Help the nurse: register visitors and hand out leaflets."},
     {"Дүниежүзілік диабет күні, 14 қараша", "Всемирный день борьбы с диабетом, 14 ноября",
      "World Diabetes Day, 14 November"}},
};

// Support for cancer patients.
constexpr Text kCancerNames[] = {
    {"«{B}» онкологиялық науқастарды қолдау қоры", "Фонд поддержки онкологических пациентов «{B}»",
     "\"{B}\" Cancer Patients Support Foundation"},
    kPublicFund,
};
constexpr Brand kCancerBrands[] = {
    {{"Үміт", "Надежда", "Hope"}, "umit"},
    {{"Сенім", "Вера", "Faith"}, "senim"},
    {{"Шапағат", "Шапагат", "Shapagat"}, "shapagat"},
    {{"Күн сәулесі", "Луч солнца", "Sunbeam"}, "kun-saulesi"},
    {{"Жан", "Жан", "Zhan"}, "zhan"},
};
constexpr Text kCancerMissions[] = {
    {"Онкологиялық науқастар мен олардың отбасыларына психологиялық және ақпараттық қолдау көрсетеміз.",
     "Оказываем психологическую и информационную поддержку онкологическим пациентам и их семьям.",
     "We give psychological support and information to cancer patients and their families."},
    {"Обырды ерте анықтау үшін тұрғындарды скринингтен өтуге шақырамыз.",
     "Призываем жителей проходить скрининг, чтобы выявлять рак на ранней стадии.",
     "We encourage residents to go for screening so cancer is found early."},
};
constexpr Text kCancerServices[] = {
    {"Пациенттерге арналған қолдау топтары", "Группы поддержки пациентов", "Patient support groups"},
    {"Облыстық онкология орталығына көлік", "Транспорт до областного онкоцентра", "Transport to the regional cancer centre"},
    {"Паллиативтік көмек", "Паллиативная помощь", "Palliative care"},
    {"Скрининг туралы ақпарат", "Информирование о скрининге", "Information on screening"},
};
constexpr Task kCancerTasks[] = {
    {{"Науқастарды емге апару", "Отвезти пациентов на лечение", "Driving patients to treatment"},
     {"Өз көлігіңізбен науқастарды онкология орталығына апарып, кері әкелу.",
      "На своём автомобиле отвозить пациентов в онкоцентр и обратно.",
      "Drive patients to the cancer centre and back in your own car."},
     {"Кесте бойынша, аптасына бір рет", "По графику, раз в неделю", "Once a week, by schedule"}},
};

// Volunteer centre.
constexpr Text kVolunteerNames[] = {
    {"«{B}» еріктілер орталығы", "Волонтёрский центр «{B}»", "\"{B}\" Volunteer Centre"},
    kPublicAssociation,
};
constexpr Brand kVolunteerBrands[] = {
    {{"Жомарт", "Жомарт", "Zhomart"}, "zhomart"},
    {{"Қол ұшы", "Рука помощи", "Helping Hand"}, "kol-ushy"},
    {{"Бірге", "Вместе", "Together"}, "birge"},
    {{"Ақ жүрек", "Доброе сердце", "Kind Heart"}, "ak-zhurek"},
    {{"Жақсылық", "Добро", "Kindness"}, "zhaksylyk"},
    {{"Асар", "Асар", "Asar"}, "asar"},
};
constexpr Text kVolunteerMissions[] = {
    {"Еріктілерді көмекке мұқтаж адамдармен және ұйымдармен байланыстырамыз.",
     "Соединяем волонтёров с людьми и организациями, которым нужна помощь.",
     "We connect volunteers with the people and organisations that need them."},
    {"Еріктілерді оқытып, олардың сағаттарын есепке алып, алғыс хат береміз.",
     "Обучаем добровольцев, ведём учёт их часов и выдаём благодарственные письма.",
     "We train volunteers, log their hours and give letters of thanks."},
    {"Ортақ іспен біріккен еріктілер төтенше жағдайда тұрғындарға жедел көмекке келеді.",
     "Объединённые общим делом добровольцы быстро приходят на помощь жителям при чрезвычайных ситуациях.",
     "Volunteers united by a common cause come quickly to help residents in emergencies."},
};
constexpr Text kVolunteerServices[] = {
    {"Еріктілер мектебі", "Школа волонтёров", "Volunteer school"},
    {"Ерікті сағаттарын есепке алу", "Учёт волонтёрских часов", "Volunteer hour records"},
    {"Қайырымдылық акциялары", "Благотворительные акции", "Charity drives"},
    {"Су тасқыны мен өрттен зардап шеккендерге көмек", "Помощь пострадавшим от паводков и пожаров",
     "Help for flood and fire victims"},
    {"Қыста қарттардың ауласын қардан тазалау", "Уборка снега во дворах пожилых людей зимой",
     "Clearing snow for older people in winter"},
};
constexpr Task kVolunteerTasks[] = {
    {{"Қар тазалау күні", "День уборки снега", "Snow clearing day"},
     {"Жалғыз қарттар мен мүгедектігі бар адамдардың ауласы мен жолдарын қардан тазалау.",
      "Расчищать от снега дворы и дорожки одиноких пожилых людей и людей с инвалидностью.",
      "Clear snow from the yards and paths of older and disabled people who live alone."},
     {"Қар жауғаннан кейінгі алғашқы сенбі", "Первая суббота после снегопада", "The first Saturday after snowfall"}},
    {{"Азық-түлік себеттерін тарату", "Раздача продуктовых наборов", "Delivering food parcels"},
     {"Себеттерді жинап, мұқтаж отбасылардың үйіне жеткізу.", "Собрать наборы и развезти их нуждающимся семьям.",
      "Pack parcels and deliver them to families in need."},
     {"Рамазан айында, кешкі уақытта", "В месяц Рамадан, по вечерам", "Evenings during Ramadan"}},
};

constexpr NgoKind kKinds[] = {
    {kChildFundNames, kChildFundBrands, kChildFundMissions, kChildFundServices, kChildFundTasks, {"children", "social"}},
    {kYouthNames, kYouthBrands, kYouthMissions, kYouthServices, kYouthTasks, {"children", "education", "community"}},
    {kParentsNames, kParentsBrands, kParentsMissions, kParentsServices, kParentsTasks, {"disability", "children"}},
    {kEcoNames, kEcoBrands, kEcoMissions, kEcoServices, kEcoTasks, {"environment", "children"}},
    {kVeteransNames, kVeteransBrands, kVeteransMissions, kVeteransServices, kVeteransTasks, {"veterans", "elderly"}},
    {kWomenBizNames, kWomenBizBrands, kWomenBizMissions, kWomenBizServices, kWomenBizTasks, {"women", "education"}},
    {kAnimalsNames, kAnimalsBrands, kAnimalsMissions, kAnimalsServices, kAnimalsTasks, {"animals"}},
    {kSportNames, kSportBrands, kSportMissions, kSportServices, kSportTasks, {"sport", "children"}},
    {kCrisisNames, kCrisisBrands, kCrisisMissions, kCrisisServices, kCrisisTasks, {"women", "rights", "social"}},
    {kLegalNames, kLegalBrands, kLegalMissions, kLegalServices, kLegalTasks, {"rights", "social"}},
    {kElderlyNames, kElderlyBrands, kElderlyMissions, kElderlyServices, kElderlyTasks, {"elderly", "social", "health"}},
    {kInclusiveNames, kInclusiveBrands, kInclusiveMissions, kInclusiveServices, kInclusiveTasks,
     {"education", "disability", "children"}},
    {kHeritageNames, kHeritageBrands, kHeritageMissions, kHeritageServices, kHeritageTasks, {"culture", "education"}},
    {kVillageNames, kVillageBrands, kVillageMissions, kVillageServices, kVillageTasks, {"community", "environment"}, true},
    {kDiabetesNames, kDiabetesBrands, kDiabetesMissions, kDiabetesServices, kDiabetesTasks, {"health", "social"}},
    {kCancerNames, kCancerBrands, kCancerMissions, kCancerServices, kCancerTasks, {"health", "social"}},
    {kVolunteerNames, kVolunteerBrands, kVolunteerMissions, kVolunteerServices, kVolunteerTasks, {"community", "social"}},
};

// Second words that tell namesakes in one town apart («Қамқор Нұр»): common in real
// names and free of digits, which residents would read as part of a phone or BIN.
constexpr Brand kQualifiers[] = {
    {{"Нұр", "Нур", "Nur"}, "nur"},
    {{"Алтын", "Алтын", "Altyn"}, "altyn"},
    {{"Ай", "Ай", "Ai"}, "ai"},
    {{"Жұлдыз", "Жулдыз", "Zhuldyz"}, "zhuldyz"},
    {{"Әлем", "Алем", "Alem"}, "alem"},
    {{"Дала", "Дала", "Dala"}, "dala"},
    {{"Сана", "Сана", "Sana"}, "sana"},
    {{"Шуақ", "Шуак", "Shuak"}, "shuak"},
    {{"Мөлдір", "Молдир", "Moldir"}, "moldir"},
    {{"Көктем", "Коктем", "Koktem"}, "koktem"},
    {{"Өрлеу", "Орлеу", "Orleu"}, "orleu"},
    {{"Таң", "Тан", "Tan"}, "tan"},
    {{"Қазына", "Казына", "Kazyna"}, "kazyna"},
    {{"Ерке", "Ерке", "Erke"}, "erke"},
    {{"Ақжол", "Акжол", "Akzhol"}, "akzhol"},
    {{"Арай", "Арай", "Arai"}, "arai"},
};

// ---------------------------------------------------------------------------------------
// Places

const DistrictInfo* find_district(std::string_view code) {
    for (const auto& d : kDistricts)
        if (code == d.code) return &d;
    return nullptr;
}

// Settlement with its kind of place: «Талғар қаласы», «город Талгар», "Talgar".
LText place_name(const Settlement& s) {
    switch (s.type) {
        case Place::city: return {std::string(s.kk) + " қаласы", std::string("город ") + s.ru, s.en};
        case Place::town: return {std::string(s.kk) + " кенті", std::string("посёлок ") + s.ru, s.en};
        case Place::village: break;
    }
    return {std::string(s.kk) + " ауылы", std::string("село ") + s.ru, std::string(s.en) + " village"};
}

// The abbreviated form used in postal addresses: «Талғар қ.», «г. Талгар».
LText place_abbr(const Settlement& s) {
    switch (s.type) {
        case Place::city: return {std::string(s.kk) + " қ.", std::string("г. ") + s.ru, s.en};
        case Place::town: return {std::string(s.kk) + " к.", std::string("пос. ") + s.ru, s.en};
        case Place::village: break;
    }
    return {std::string(s.kk) + " а.", std::string("с. ") + s.ru, s.en};
}

// Where NGOs are: regions picked by their share of the national NGOs, settlements by size
// (the region centre first, then other towns), and the parts of the three big cities.
class Geography {
public:
    Geography() {
        for (std::size_t r = 0; r < std::size(kRegions); ++r) {
            region_lots_.insert(region_lots_.end(), static_cast<std::size_t>(kRegions[r].weight), r);
            Region& reg = regions_[r];
            for (std::size_t s = 0; s < std::size(kSettlements); ++s) {
                if (std::strcmp(kSettlements[s].region, kRegions[r].code) != 0) continue;
                std::size_t lots = reg.settlement_lots.empty() ? 4 : kSettlements[s].type == Place::city ? 2 : 1;
                reg.settlement_lots.insert(reg.settlement_lots.end(), lots, s);
            }
            for (std::size_t d = 0; d < std::size(kCityDistricts); ++d)
                if (std::strcmp(kCityDistricts[d].region, kRegions[r].code) == 0) reg.city_districts.push_back(d);
            for (std::size_t m = 0; m < std::size(kMicrodistricts); ++m)
                if (std::strcmp(kMicrodistricts[m].region, kRegions[r].code) == 0) reg.microdistricts.push_back(m);
            if (reg.settlement_lots.empty()) throw std::logic_error(std::string("no settlements in ") + kRegions[r].code);
        }
    }
    static constexpr std::size_t region_count() { return std::size(kRegions); }
    std::size_t random_region(SplitMix64& rng) const { return region_lots_[rng.below(region_lots_.size())]; }
    std::size_t random_settlement(SplitMix64& rng, std::size_t region) const {
        const auto& lots = regions_[region].settlement_lots;
        return lots[rng.below(lots.size())];
    }
    // Null outside the three cities.
    const CityDistrict* random_city_district(SplitMix64& rng, std::size_t region) const {
        const auto& ds = regions_[region].city_districts;
        return ds.empty() ? nullptr : &kCityDistricts[ds[rng.below(ds.size())]];
    }
    const Microdistrict* random_microdistrict(SplitMix64& rng, std::size_t region) const {
        const auto& ms = regions_[region].microdistricts;
        return ms.empty() ? nullptr : &kMicrodistricts[ms[rng.below(ms.size())]];
    }

private:
    struct Region {
        std::vector<std::size_t> settlement_lots;  // indices into kSettlements, repeated by weight
        std::vector<std::size_t> city_districts;   // indices into kCityDistricts
        std::vector<std::size_t> microdistricts;   // indices into kMicrodistricts
    };
    std::vector<std::size_t> region_lots_;  // indices into kRegions, repeated by weight
    Region regions_[std::size(kRegions)];
};

// Where one organisation sits.
struct Location {
    const RegionInfo* region = nullptr;
    const Settlement* settlement = nullptr;
    const DistrictInfo* district = nullptr;          // catalogue district, if any
    const CityDistrict* city_district = nullptr;     // in the three cities
    const Microdistrict* microdistrict = nullptr;    // in the three cities, sometimes
};

bool in_region_centre(const Location& at) { return std::strcmp(at.settlement->en, at.region->centre.en) == 0; }

void append(LText& t, const LText& part, const char* sep = ", ") {
    t.kk += t.kk.empty() ? part.kk : sep + part.kk;
    t.ru += t.ru.empty() ? part.ru : sep + part.ru;
    t.en += t.en.empty() ? part.en : sep + part.en;
}

LText to_ltext(const Text& t) { return {t.kk, t.ru, t.en ? t.en : ""}; }

// Postal address as it is written in the country: largest unit first in Kazakh and
// Russian, smallest first in English.
LText make_address(SplitMix64& rng, const Location& at) {
    const std::string house = std::to_string(rng.between(1, 180));
    LText local;  // region .. street, in kk/ru order; en is built separately
    if (!at.region->is_city) append(local, to_ltext(at.region->name));
    if (at.district) append(local, to_ltext(at.district->name));
    append(local, place_abbr(*at.settlement));
    std::string en_street;
    if (at.microdistrict) {
        const Text& m = at.microdistrict->name;
        append(local, {std::string(m.kk) + " шағын ауданы, " + house + "-үй",
                       std::string("мкр. ") + m.ru + ", д. " + house, ""});
        en_street = house + " " + m.en + " Microdistrict";
    } else {
        if (at.city_district) append(local, to_ltext(at.city_district->name));
        const Text& street = kStreets[rng.below(std::size(kStreets))];
        append(local, {std::string(street.kk) + ", " + house, std::string(street.ru) + ", " + house, ""});
        en_street = house + " " + street.en;
    }
    std::string office;
    if (rng.chance(30)) {
        office = std::to_string(rng.between(1, 40));
        append(local, {office + "-кеңсе", "офис " + office, ""});
    }
    std::string en = office.empty() ? en_street : "Office " + office + ", " + en_street;
    if (at.city_district && !at.microdistrict) en += std::string(", ") + at.city_district->name.en;
    en += std::string(", ") + at.settlement->en;
    if (at.district) en += std::string(", ") + at.district->name.en;
    if (!at.region->is_city) en += std::string(", ") + at.region->name.en;
    local.en = en;
    return local;
}

// The area an organisation serves: mostly its own town or village, sometimes a district,
// the whole region or, from the big cities and region centres, the whole country.
LText make_area(SplitMix64& rng, const Location& at) {
    const int roll = rng.between(0, 99);
    if (roll < 5 && in_region_centre(at))
        return {"Қазақстанның барлық өңірлері", "Все регионы Казахстана", "All regions of Kazakhstan"};
    if (roll < 20) return to_ltext(at.region->name);
    if (roll < 45 && at.district) return to_ltext(at.district->name);
    if (roll < 45 && at.city_district) {
        const CityDistrict& cd = *at.city_district;
        return {std::string(at.region->name.kk) + "ның " + cd.name.kk,  // «Алматы қаласының Медеу ауданы»
                std::string(cd.name.ru) + " " + at.region->ru_gen, std::string(cd.name.en) + ", " + at.region->name.en};
    }
    LText area = place_name(*at.settlement);
    if (roll < 70 && at.settlement->type == Place::village) {
        area.kk += " және маңындағы ауылдар";
        area.ru += " и окрестные сёла";
        area.en += " and nearby villages";
    }
    return area;
}

// ---------------------------------------------------------------------------------------
// Identifiers and contacts

// A BIN as the register issues them to legal entities: registration year and month, "4"
// (legal entity) and "0" (head office), a five-digit serial and the check digit. Serials
// for which no check digit exists are skipped, as the register does.
std::string make_bin(SplitMix64& rng, std::unordered_set<std::uint64_t>& issued) {
    for (;;) {
        char bin[13];
        std::snprintf(bin, sizeof bin, "%02d%02d40%05d", rng.between(1996, 2024) % 100, rng.between(1, 12),
                      rng.between(0, 99999));
        std::optional<int> check = aul::core::bin_check_digit(std::string_view(bin, 11));
        if (!check) continue;
        bin[11] = static_cast<char>('0' + *check);
        bin[12] = '\0';  // the check digit took the place of snprintf's terminator
        if (!issued.insert(std::strtoull(bin, nullptr, 10)).second) continue;
        assert(aul::core::is_valid_bin(bin));
        return bin;
    }
}

// Codes of the mobile networks (the first three digits after +7).
constexpr int kMobileCodes[] = {700, 701, 702, 703, 704, 705, 706, 707, 708, 747, 771, 775, 776, 777, 778};

// E.164. Offices in a region centre sometimes give the city landline, others a mobile.
std::string make_phone(SplitMix64& rng, const Location& at) {
    char phone[16];
    if (in_region_centre(at) && *at.region->landline && rng.chance(35)) {
        std::snprintf(phone, sizeof phone, "+7%s%06d", at.region->landline, rng.between(200000, 599999));
    } else {
        int code = kMobileCodes[rng.below(std::size(kMobileCodes))];
        std::snprintf(phone, sizeof phone, "+7%d%07d", code, rng.between(0, 9999999));
    }
    return phone;
}

// Gmail takes only letters, digits and dots in a user name.
std::string gmail_user(std::string s) {
    std::replace(s.begin(), s.end(), '-', '.');
    return s;
}

// ASCII e-mail from the transliterated brand and town, at a national or global free mail
// service or on the organisation's own .kz domain.
std::string make_email(SplitMix64& rng, const std::string& brand_slug, const Settlement& s) {
    switch (rng.below(5)) {
        case 0: return brand_slug + "." + s.slug + "@mail.kz";
        case 1: return gmail_user(brand_slug + "." + s.slug) + "@gmail.com";
        case 2: return brand_slug + "_" + s.slug + "@inbox.kz";
        case 3: return "info@" + brand_slug + "-" + s.slug + ".kz";
        default: return gmail_user(std::string(s.slug) + "." + brand_slug) + "@gmail.com";
    }
}

// ---------------------------------------------------------------------------------------
// Names

std::string fill_brand(std::string_view pattern, std::string_view brand) {
    const std::size_t at = pattern.find("{B}");
    return std::string(pattern.substr(0, at)).append(brand).append(pattern.substr(at + 3));
}

// Registered names are unique across the catalogue in every language: residents tell
// organisations apart by name, and the kiosk lists them by name.
class NameRegistry {
public:
    void reserve(std::size_t n) {
        kk_.reserve(n);
        ru_.reserve(n);
        en_.reserve(n);
    }
    bool claim(const LText& name) {
        if (kk_.count(name.kk) || ru_.count(name.ru) || en_.count(name.en)) return false;
        kk_.insert(name.kk);
        ru_.insert(name.ru);
        en_.insert(name.en);
        return true;
    }

private:
    std::unordered_set<std::string> kk_, ru_, en_;
};

struct ChosenName {
    LText name;
    std::string slug;                     // brand and qualifiers, ASCII
    const Microdistrict* microdistrict;   // part of the name, null if not
};

// «Қамқор» қоғамдық қоры, Талғар. A namesake in the same town gets, in the three cities,
// its microdistrict («..., Алматы, Самал»), and then one qualifier word more per level
// («Қамқор Нұр»). Each level is tried a few times at random before the next, so the
// search stays short even when a million names share a few hundred patterns.
ChosenName choose_name(SplitMix64& rng, const NgoKind& kind, const Geography& geo, std::size_t region,
                       const Settlement& town, NameRegistry& registry) {
    constexpr std::size_t kTriesPerLevel = 6;
    const Text& pattern = rng.pick(kind.names);
    const Brand& brand = rng.pick(kind.brands);
    const bool in_city = kRegions[region].is_city;
    for (std::size_t attempt = 0;; ++attempt) {
        const std::size_t level = attempt == 0 ? 0 : (attempt - 1) / kTriesPerLevel + 1;
        const Microdistrict* micro = in_city && level > 0 ? geo.random_microdistrict(rng, region) : nullptr;
        const std::size_t words = in_city && level > 0 ? level - 1 : level;
        LText brand_words = to_ltext(brand.name);
        std::string slug = brand.slug;
        const Brand* previous = nullptr;
        for (std::size_t w = 0; w < words; ++w) {
            const Brand* q = previous;
            while (q == previous) q = &kQualifiers[rng.below(std::size(kQualifiers))];
            append(brand_words, to_ltext(q->name), " ");
            slug += std::string("-") + q->slug;
            previous = q;
        }
        LText name{fill_brand(pattern.kk, brand_words.kk), fill_brand(pattern.ru, brand_words.ru),
                   fill_brand(pattern.en, brand_words.en)};
        append(name, {town.kk, town.ru, town.en});
        if (micro) append(name, to_ltext(micro->name));
        if (registry.claim(name)) return {std::move(name), std::move(slug), micro};
    }
}

// ---------------------------------------------------------------------------------------
// Organisations

// k of the indices 0..n-1, in their order, so that composed texts keep the tables' order.
std::vector<std::size_t> pick_in_order(SplitMix64& rng, std::size_t n, std::size_t k) {
    std::vector<std::size_t> idx(n);
    for (std::size_t i = 0; i < n; ++i) idx[i] = i;
    while (idx.size() > k) idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(rng.below(idx.size())));
    return idx;
}

// Sentences joined by a space: the mission is one or two of the kind's sentences.
LText make_mission(SplitMix64& rng, const NgoKind& kind) {
    LText out;
    for (std::size_t i : pick_in_order(rng, kind.missions.size(), rng.chance(50) ? 2 : 1))
        append(out, to_ltext(kind.missions[i]), " ");
    return out;
}

// Three or four short phrases, each ending with a full stop.
LText make_services(SplitMix64& rng, const NgoKind& kind) {
    const std::size_t k = std::min<std::size_t>(kind.services.size(), rng.chance(50) ? 4 : 3);
    LText out;
    for (std::size_t i : pick_in_order(rng, kind.services.size(), k)) append(out, to_ltext(kind.services[i]), ". ");
    out.kk += ".";
    out.ru += ".";
    out.en += ".";
    return out;
}

Json categories_of(const NgoKind& kind) {
    Json arr = Json::array();
    for (const char* code : kind.categories)
        if (code) arr.push_back(code);
    return arr;
}

// What the volunteer opportunities need to know about an organisation.
struct NgoSummary {
    std::string id;
    const NgoKind* kind = nullptr;
    Location at;
    bool has_en = false;
    bool needs_volunteers = false;
};

// Composes organisations one after another; names and BINs stay unique across them all.
class NgoMaker {
public:
    // Room for `count` names and BINs up front: rehashing a million strings costs more
    // than composing them.
    explicit NgoMaker(std::size_t count) {
        names_.reserve(count);
        bins_.reserve(count);
    }

    Json make_ngo(std::size_t i, SplitMix64& rng, NgoSummary& summary) {
        // The first twenty go one to each region, so that even a small catalogue covers them all.
        const std::size_t region = i < Geography::region_count() ? i : geo_.random_region(rng);
        const NgoKind* pick = &kKinds[rng.below(std::size(kKinds))];
        while (pick->rural && kRegions[region].is_city) pick = &kKinds[rng.below(std::size(kKinds))];
        const NgoKind& kind = *pick;
        Location at;
        at.region = &kRegions[region];
        at.settlement = &kSettlements[geo_.random_settlement(rng, region)];
        if (*at.settlement->district) at.district = find_district(at.settlement->district);
        at.city_district = geo_.random_city_district(rng, region);

        ChosenName name = choose_name(rng, kind, geo_, region, *at.settlement, names_);
        at.microdistrict = name.microdistrict;
        if (!at.microdistrict && rng.chance(30)) at.microdistrict = geo_.random_microdistrict(rng, region);
        const bool has_en = rng.chance(33);

        char id[32];
        std::snprintf(id, sizeof id, "ngo-%06zu", i + 1);
        Json j = Json::object();
        j["id"] = id;
        j["bin"] = make_bin(rng, bins_);
        j["name"] = to_json(name.name, has_en);
        j["mission"] = to_json(make_mission(rng, kind), has_en);
        j["services"] = to_json(make_services(rng, kind), has_en);
        j["area"] = to_json(make_area(rng, at), has_en);
        j["address"] = to_json(make_address(rng, at), has_en);
        j["categories"] = categories_of(kind);
        j["region"] = at.region->code;
        if (at.district) j["district"] = at.district->code;
        if (rng.chance(92)) j["phone"] = make_phone(rng, at);
        if (rng.chance(85)) j["email"] = make_email(rng, name.slug, *at.settlement);
        const bool needs_volunteers = rng.chance(40);
        j["needs_volunteers"] = needs_volunteers;
        j["seeks_partners"] = rng.chance(30);

        summary = {id, &kind, at, has_en, needs_volunteers};
        return j;
    }

private:
    Geography geo_;
    NameRegistry names_;
    std::unordered_set<std::uint64_t> bins_;
};

// ---------------------------------------------------------------------------------------
// Public councils: at five ministries, at every regional akimat and at the akimat of every
// catalogue district. Their topics are the proposal categories residents file under.

struct Topic {
    const char* code;
    Text name;  // as it reads inside a sentence
};

constexpr Topic kTopics[] = {
    {"roads", {"жолдар", "дороги", "roads"}},
    {"water", {"су", "вода", "water"}},
    {"transport", {"көлік", "транспорт", "transport"}},
    {"housing", {"тұрғын үй", "жильё", "housing"}},
    {"utilities", {"коммуналдық қызметтер", "коммунальные услуги", "utilities"}},
    {"education", {"білім", "образование", "education"}},
    {"health", {"денсаулық сақтау", "здравоохранение", "health care"}},
    {"environment", {"экология", "экология", "environment"}},
    {"culture", {"мәдениет", "культура", "culture"}},
    {"safety", {"қауіпсіздік", "безопасность", "safety"}},
    {"other", {"басқа мәселелер", "другие вопросы", "other matters"}},
};

struct Ministry {
    const char* slug;
    Text council;
    const char* topics[3];  // codes from kTopics; unused slots are null
};

constexpr Ministry kMinistries[] = {
    {"health",
     {"Денсаулық сақтау министрлігі жанындағы қоғамдық кеңес", "Общественный совет при Министерстве здравоохранения",
      "Public Council at the Ministry of Health"},
     {"health", "other"}},
    {"education",
     {"Оқу-ағарту министрлігі жанындағы қоғамдық кеңес", "Общественный совет при Министерстве просвещения",
      "Public Council at the Ministry of Education"},
     {"education", "safety"}},
    {"ecology",
     {"Экология және табиғи ресурстар министрлігі жанындағы қоғамдық кеңес",
      "Общественный совет при Министерстве экологии и природных ресурсов",
      "Public Council at the Ministry of Ecology and Natural Resources"},
     {"environment", "water"}},
    {"transport",
     {"Көлік министрлігі жанындағы қоғамдық кеңес", "Общественный совет при Министерстве транспорта",
      "Public Council at the Ministry of Transport"},
     {"roads", "transport", "safety"}},
    {"culture",
     {"Мәдениет және ақпарат министрлігі жанындағы қоғамдық кеңес",
      "Общественный совет при Министерстве культуры и информации",
      "Public Council at the Ministry of Culture and Information"},
     {"culture", "other"}},
};

// Pieces of a monthly meeting time: «әр айдың бірінші сейсенбісінде сағат 15:00-те».
struct Ordinal {
    const char* kk;
    const char* ru_masc;  // with the preposition: «в первый вторник», «во второй»
    const char* ru_fem;   // «в первую среду»
    const char* en;
};
constexpr Ordinal kOrdinals[] = {
    {"бірінші", "в первый", "в первую", "first"},
    {"екінші", "во второй", "во вторую", "second"},
    {"үшінші", "в третий", "в третью", "third"},
    {"соңғы", "в последний", "в последнюю", "last"},
};

struct Weekday {
    const char* kk;  // possessive locative: «сейсенбісінде»
    const char* ru;  // accusative: «вторник», «среду»
    bool ru_fem;
    const char* en;
};
constexpr Weekday kWeekdays[] = {
    {"дүйсенбісінде", "понедельник", false, "Monday"}, {"сейсенбісінде", "вторник", false, "Tuesday"},
    {"сәрсенбісінде", "среду", true, "Wednesday"},     {"бейсенбісінде", "четверг", false, "Thursday"},
    {"жұмасында", "пятницу", true, "Friday"},
};

// The Kazakh locative suffix follows how the hour is read aloud: он — 10:00-да, он бес — 15:00-те.
struct Hour {
    const char* plain;
    const char* kk;
};
constexpr Hour kHours[] = {
    {"10:00", "10:00-да"}, {"11:00", "11:00-де"}, {"15:00", "15:00-те"},
    {"16:00", "16:00-да"}, {"17:00", "17:00-де"}, {"18:00", "18:00-де"},
};

// Where a council meets; the first two for regional councils, the last two for districts.
constexpr Text kMeetingPlaces[] = {
    {"әкімдіктің мәжіліс залында", "в конференц-зале акимата", "in the akimat conference hall"},
    {"әкімдіктің 2-залында", "в акимате, зал 2", "in the akimat, hall 2"},
    {"аудан әкімдігінің мәжіліс залында", "в зале заседаний акимата района", "in the district akimat's meeting hall"},
    {"аудандық мәдениет үйінде", "в районном доме культуры", "at the district house of culture"},
};

const Topic& find_topic(std::string_view code) {
    for (const auto& t : kTopics)
        if (code == t.code) return t;
    throw std::logic_error("unknown topic " + std::string(code));
}

// «Негізгі тақырыптары: жолдар, су.»
LText topics_sentence(const std::vector<const Topic*>& topics) {
    LText list;
    for (const Topic* t : topics) append(list, to_ltext(t->name));
    return {"Негізгі тақырыптары: " + list.kk + ".", "Основные темы: " + list.ru + ".", "Main topics: " + list.en + "."};
}

// Local councils always deal with roads and water, which residents raise most, and with
// two or three other topics.
static_assert(std::string_view(kTopics[0].code) == "roads" && std::string_view(kTopics[1].code) == "water");
std::vector<const Topic*> local_topics(SplitMix64& rng) {
    std::vector<const Topic*> topics{&kTopics[0], &kTopics[1]};
    const std::size_t others = std::size(kTopics) - 2;
    for (std::size_t i : pick_in_order(rng, others, rng.chance(50) ? 3 : 2)) topics.push_back(&kTopics[2 + i]);
    return topics;
}

LText monthly_meetings(SplitMix64& rng, bool district) {
    const Ordinal& o = kOrdinals[rng.below(std::size(kOrdinals))];
    const Weekday& d = kWeekdays[rng.below(std::size(kWeekdays))];
    const Hour& h = kHours[rng.below(std::size(kHours))];
    const Text& place = kMeetingPlaces[(district ? 2 : 0) + rng.below(2)];
    return {std::string("Отырыстар әр айдың ") + o.kk + " " + d.kk + " сағат " + h.kk + " " + place.kk +
                " өтеді; тұрғындар қатыса алады.",
            std::string("Заседания проходят ") + (d.ru_fem ? o.ru_fem : o.ru_masc) + " " + d.ru + " каждого месяца в " +
                h.plain + " " + place.ru + "; жители могут присутствовать.",
            std::string("Meets on the ") + o.en + " " + d.en + " of each month at " + h.plain + " " + place.en +
                "; residents may attend."};
}

// "KZ-19-01" -> "council-kz19-01"
std::string council_id(std::string_view code) {
    std::string id = "council-";
    bool dash_dropped = false;
    for (char c : code) {
        if (c == '-' && !dash_dropped) {
            dash_dropped = true;
            continue;
        }
        id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return id;
}

Json council_json(const std::string& id, const char* level, const char* region, const char* district,
                  const LText& name, LText description, const LText& meetings, const std::vector<const Topic*>& topics) {
    append(description, topics_sentence(topics), " ");
    Json codes = Json::array();
    for (const Topic* t : topics) codes.push_back(t->code);
    Json j = Json::object();
    j["id"] = id;
    j["level"] = level;
    j["region"] = region ? Json(region) : Json(nullptr);
    j["district"] = district ? Json(district) : Json(nullptr);
    j["name"] = to_json(name);
    j["description"] = to_json(description);
    j["meetings"] = to_json(meetings);
    j["topics"] = std::move(codes);
    return j;
}

Json councils_json(std::uint64_t seed) {
    SplitMix64 rng(seed ^ 0x636F756E63696C73ull);  // own stream: councils do not shift with --count
    Json arr = Json::array();
    for (const auto& m : kMinistries) {
        std::vector<const Topic*> topics;
        for (const char* code : m.topics)
            if (code) topics.push_back(&find_topic(code));
        arr.push_back(council_json(
            std::string("council-national-") + m.slug, "national", nullptr, nullptr, to_ltext(m.council),
            {"Кеңес министрліктің заң жобалары мен бағдарламаларын талқылап, азаматтар мен ҮЕҰ ұсыныстарын қарайды.",
             "Совет обсуждает законопроекты и программы министерства и рассматривает предложения граждан и НКО.",
             "The council discusses the ministry's draft laws and programmes and considers proposals from citizens and NGOs."},
            {"Отырыстар тоқсанына бір рет министрлікте өтеді; күн тәртібі мен хаттамалар министрліктің сайтында жарияланады.",
             "Заседания проходят раз в квартал в министерстве; повестка и протоколы публикуются на сайте министерства.",
             "Meets once a quarter at the ministry; agendas and minutes are published on the ministry's website."},
            topics));
    }
    for (const auto& r : kRegions) {
        LText name{std::string(r.name.kk) + " әкімдігі жанындағы қоғамдық кеңес",
                   std::string("Общественный совет при акимате ") + r.ru_gen,
                   std::string("Public Council at the ") + r.name.en + " Akimat"};
        LText description{std::string("Кеңес ") + (r.is_city ? "қала" : "облыс") +
                              " әкімдігінің шешімдері мен бюджетін талқылап, тұрғындардың ұсыныстарын әкімге жеткізеді.",
                          std::string("Совет обсуждает решения и бюджет акимата ") + (r.is_city ? "города" : "области") +
                              " и передаёт акиму предложения жителей.",
                          std::string("The council reviews the ") + (r.is_city ? "city" : "regional") +
                              " akimat's decisions and budget and passes residents' proposals to the akim."};
        arr.push_back(council_json(council_id(r.code), "regional", r.code, nullptr, name, description,
                                   monthly_meetings(rng, false), local_topics(rng)));
    }
    for (const auto& d : kDistricts) {
        LText name{std::string(d.name.kk) + " әкімдігі жанындағы қоғамдық кеңес",
                   std::string("Общественный совет при акимате ") + d.ru_gen,
                   std::string("Public Council at the ") + d.name.en + " Akimat"};
        arr.push_back(council_json(
            council_id(d.code), "district", d.region, d.code, name,
            {"Кеңес аудан әкімдігінің жұмысына қоғамдық бақылау жүргізіп, ауылдардан түскен ұсыныстарды қарайды.",
             "Совет ведёт общественный контроль за работой акимата района и рассматривает предложения из сёл.",
             "The council oversees the district akimat's work and considers proposals from the villages."},
            monthly_meetings(rng, true), local_topics(rng)));
    }
    return arr;
}

// ---------------------------------------------------------------------------------------
// Volunteer opportunities, posted by the organisations among the first ones that need
// volunteers: the first organisations are the same for every --count with one seed, so
// the demo and the benchmark catalogues carry the same opportunities.

constexpr std::size_t kOpportunityPool = 300;  // how many of the first NGOs may post
constexpr std::size_t kMaxOpportunities = 60;

Json opportunity_json(std::size_t n, SplitMix64& rng, const NgoSummary& ngo) {
    const Task& task = rng.pick(ngo.kind->tasks);
    const bool has_en = ngo.has_en || rng.chance(50);
    const LText place = place_name(*ngo.at.settlement);
    LText description = to_ltext(task.description);
    append(description, {"Өтетін орны: " + place.kk + ".", "Место: " + place.ru + ".", "Where: " + place.en + "."}, " ");
    char id[32];
    std::snprintf(id, sizeof id, "opp-%06zu", n);
    Json j = Json::object();
    j["id"] = id;
    j["ngo"] = ngo.id;
    j["title"] = to_json(task.title, has_en);
    j["description"] = to_json(description, has_en);
    j["when"] = to_json(task.when, has_en);
    j["region"] = ngo.at.region->code;
    j["district"] = ngo.at.district ? Json(ngo.at.district->code) : Json(nullptr);
    return j;
}

Json opportunities_json(std::uint64_t seed, const std::vector<NgoSummary>& first_ngos) {
    SplitMix64 rng(seed ^ 0x6F70706F7274756Eull);  // own stream, like the councils'
    Json arr = Json::array();
    for (const NgoSummary& ngo : first_ngos) {
        if (arr.size() == kMaxOpportunities) break;
        if (ngo.needs_volunteers) arr.push_back(opportunity_json(arr.size() + 1, rng, ngo));
    }
    return arr;
}

// ---------------------------------------------------------------------------------------
// Output

Json categories_json() {
    Json arr = Json::array();
    for (const auto& c : kCategories)
        arr.push_back(Json{{"code", c.code}, {"icon", c.icon}, {"name", to_json(c.name)}});
    return arr;
}

Json regions_json() {
    Json arr = Json::array();
    for (const auto& r : kRegions) arr.push_back(Json{{"code", r.code}, {"name", to_json(r.name)}});
    return arr;
}

Json districts_json() {
    Json arr = Json::array();
    for (const auto& d : kDistricts)
        arr.push_back(Json{{"code", d.code}, {"region", d.region}, {"name", to_json(d.name)}});
    return arr;
}

// Writes the document one record a line: readable, diffable and compact.
class CatalogWriter {
public:
    explicit CatalogWriter(std::FILE* out) : out_(out) { put("{\n  \"format\": 1"); }
    void begin_section(const char* name) {
        put(",\n  \"");
        put(name);
        put("\": [");
        first_ = true;
    }
    void record(const Json& j) {
        put(first_ ? "\n    " : ",\n    ");
        put(j.dump(-1, ' ', false, Json::error_handler_t::strict));
        first_ = false;
    }
    void end_section() { put(first_ ? "]" : "\n  ]"); }
    void section(const char* name, const Json& records) {
        begin_section(name);
        for (const auto& r : records) record(r);
        end_section();
    }
    void finish() {
        put("\n}\n");
        if (std::fflush(out_) != 0) throw std::runtime_error("cannot write the catalogue");
    }

private:
    void put(std::string_view s) {
        if (std::fwrite(s.data(), 1, s.size(), out_) != s.size())
            throw std::runtime_error("cannot write the catalogue");
    }
    std::FILE* out_;
    bool first_ = true;
};

// NGOs are written as they are made, so a million of them never sit in memory at once;
// only the first ones are kept, for the opportunities.
std::vector<NgoSummary> write_ngos(CatalogWriter& w, std::size_t count, std::uint64_t seed) {
    SplitMix64 rng(seed);
    NgoMaker maker(count);
    std::vector<NgoSummary> first;
    w.begin_section("ngos");
    for (std::size_t i = 0; i < count; ++i) {
        NgoSummary summary;
        w.record(maker.make_ngo(i, rng, summary));
        if (i < kOpportunityPool) first.push_back(std::move(summary));
    }
    w.end_section();
    return first;
}

// ---------------------------------------------------------------------------------------
// Command line

struct Options {
    long count = -1;
    std::uint64_t seed = 1;
    std::string out;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr, "gen_catalog: %s\nusage: gen_catalog --count N [--seed S] [--out FILE]\n", why);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (i + 1 >= argc) usage("every option takes a value");
        const char* v = argv[++i];
        char* end = nullptr;
        if (a == "--count") {
            o.count = std::strtol(v, &end, 10);
            if (*end || o.count < 0 || o.count > 999999) usage("--count must be 0..999999");
        } else if (a == "--seed") {
            o.seed = std::strtoull(v, &end, 10);
            if (*end || !*v) usage("--seed must be a non-negative integer");
        } else if (a == "--out") {
            o.out = v;
        } else {
            usage("unknown option");
        }
    }
    if (o.count < 0) usage("--count is required");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt = parse_options(argc, argv);
    std::FILE* out = opt.out.empty() ? stdout : std::fopen(opt.out.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "gen_catalog: cannot open %s for writing\n", opt.out.c_str());
        return 1;
    }
    static char buffer[1 << 20];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    try {
        CatalogWriter w(out);
        w.section("categories", categories_json());
        w.section("regions", regions_json());
        w.section("districts", districts_json());
        std::vector<NgoSummary> first = write_ngos(w, static_cast<std::size_t>(opt.count), opt.seed);
        w.section("councils", councils_json(opt.seed));
        w.section("opportunities", opportunities_json(opt.seed, first));
        w.finish();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gen_catalog: %s\n", e.what());
        return 1;
    }
    if (out != stdout && std::fclose(out) != 0) {
        std::fprintf(stderr, "gen_catalog: cannot finish writing %s\n", opt.out.c_str());
        return 1;
    }
    return 0;
}
