// The catalogue file format (assets/demo/FORMAT.md): decoding with validation.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/domain.h"
#include "core/result.h"

namespace aul::core {

// What a catalogue record may hold, checked when a catalogue is published and again when
// a kiosk receives it: a record always fits well inside one page of the sync, and the
// screens never have to lay out a novel. Lengths are in characters (code points).
namespace limits {
inline constexpr std::size_t kKey = 64;         // ids and codes
inline constexpr std::size_t kName = 300;       // names and titles, per language
inline constexpr std::size_t kShortText = 1000; // area served, address, meetings, "when"
inline constexpr std::size_t kLongText = 6000;  // mission, services, descriptions
inline constexpr std::size_t kEmail = 254;
inline constexpr std::size_t kPhone = 32;
inline constexpr std::size_t kCodes = 32;       // categories of an NGO, topics of a council
}  // namespace limits

// One record as JSON, at most: a page of the sync is always larger, so no record is ever
// too large to travel.
inline constexpr std::size_t kMaxRecordBytes = 256 * 1024;
// Catalogues and sync messages nest a handful of levels; anything deeper is refused
// before it is parsed.
inline constexpr int kMaxJsonDepth = 16;

// A catalogue code or id, as published and as it travels in a proposal: 1 to limits::kKey
// bytes of ASCII letters, digits, '-', '_' and '.' (KZ-19, KZ-19-01, ngo-000001).
bool looks_like_catalog_key(std::string_view key);

// False when `text` (JSON) opens more than `max_depth` objects or arrays inside each other.
bool json_nesting_within(std::string_view text, int max_depth);

// Decodes and checks a catalogue document: well-formed JSON, valid UTF-8 (stored NFC),
// valid BINs, unique ids, every region/district/category/NGO reference resolving.
// The error names the first offending record, e.g. "ngos[17] (ngo-000018): invalid BIN".
// With `check_references` false (a page of a delta), references to records outside the
// document are accepted; everything else is checked the same.
Result<Catalog> parse_catalog(std::string_view json, bool check_references = true);

// Encoding, the inverse of parse_catalog: parse_catalog(catalog_to_json(c)) gives back c
// for any catalogue parse_catalog can return (texts NFC, within the limits above), and
// writing a parsed document again gives the same bytes. One record is one line of JSON;
// empty texts, languages and optional codes are left out, lists and flags are written.
// Nothing is checked here: a record parse_catalog would refuse is written as it is.
std::string record_to_json(const Category& c);
std::string record_to_json(const Region& r);
std::string record_to_json(const District& d);
std::string record_to_json(const Ngo& n);
std::string record_to_json(const Council& c);
std::string record_to_json(const Opportunity& o);

// A whole catalogue document, one record a line (the layout of assets/demo/catalog.json).
std::string catalog_to_json(const Catalog& c);

// The same document written piece by piece into `sink`, for catalogues too large to hold
// at once: sections one after another, each record as it is made.
//   CatalogJsonWriter w(sink);
//   w.begin_section("ngos"); for (...) w.record(ngo); w.end_section();
//   w.finish();
class CatalogJsonWriter {
public:
    using Sink = std::function<void(std::string_view)>;
    explicit CatalogJsonWriter(Sink sink);
    void begin_section(std::string_view name);  // "categories", "regions", ... "opportunities"
    template <typename Record>
    void record(const Record& r) {
        record_text(record_to_json(r));
    }
    void record_text(std::string_view record_json);  // one record already encoded
    void end_section();
    template <typename Record>
    void section(std::string_view name, const std::vector<Record>& records) {
        begin_section(name);
        for (const auto& r : records) record(r);
        end_section();
    }
    void finish();

private:
    Sink sink_;
    bool first_ = true;
};

}  // namespace aul::core
