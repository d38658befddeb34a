// gen_catalog: writes a realistic synthetic national NGO catalogue (assets/demo/FORMAT.md)
// for the kiosk's demo data and for benchmarks. Organisations are composed from phrase
// tables in Kazakh, Russian and English; the output depends only on --count and --seed.
//   gen_catalog --count N [--seed S] [--out FILE]
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
