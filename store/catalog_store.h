// The kiosk's catalogue: opening the database safely, seeding it, and the queries the
// screens need. The only place catalogue SQL is written.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/result.h"
#include "store/db.h"

namespace aul::store {

struct OpenReport {
    bool created = false;         // the file did not exist before
    std::string damaged_copy;     // non-empty: the old file failed its check and was kept here
    std::string damage;           // then what was wrong with it
};

// How much of the file is checked as it opens.
enum class OpenCheck {
    // Only what opening and migrating read (milliseconds, whatever the catalogue's size). The
    // whole file is checked later, off the start-up path (check_database).
    none,
    // The same, and a file a whole-file check marked damaged (mark_damaged) is set aside
    // first. Only the kiosk does this, as it starts: it alone may move the file (it holds
    // the kiosk's instance lock, and kiosk-sync follows it).
    set_aside_marked,
    // PRAGMA quick_check of every page before use (kioskctl self-test): seconds for a large
    // catalogue on an SD card.
    whole_file,
};

// Opens DIR/kiosk.db style paths and migrates them to the latest schema. A file that does
// not open, or fails the check asked for, is damaged: it is renamed aside (kept for staff,
// never deleted) and a fresh database is created in its place, so the kiosk keeps serving
// residents.
Result<Db> open_kiosk_db(const std::string& path, OpenReport* report = nullptr, OpenCheck check = OpenCheck::none);

// What a whole-file check found wrong with a database file, kept beside it (PATH.check-failed)
// until the kiosk sets the file aside at its next start. It names the file it is about (its
// inode): a file copied in since is not taken for the damaged one.
struct DamageMark {
    std::string verdict;      // the check's words, at most 500 bytes, one line
    std::int64_t found_ms = 0;
};
Status mark_damaged(const std::string& db_path, const std::string& verdict, std::int64_t now_ms);
void clear_damage_mark(const std::string& db_path);
// The mark, when there is one about the file now at `db_path`.
std::optional<DamageMark> damage_mark(const std::string& db_path);

// A further connection (for another thread) to a database open_kiosk_db already checked.
Result<Db> open_kiosk_db_connection(const std::string& path);

// What a resident asks of the catalogue. Empty fields mean "any".
struct NgoQuery {
    std::string text;      // as typed; folded and tokenised here
    std::string category;  // category code
    std::string region;    // ISO code
    std::string district;  // district code
    core::Lang lang = core::Lang::kk;  // orders browsing (no text) alphabetically in this language
};

// What one result row shows.
struct NgoSummary {
    std::int64_t rowid = 0;
    core::LocalText name;
    std::string region, district;
    std::string first_category;
    bool needs_volunteers = false;
    bool seeks_partners = false;
};

// The answer to a query: matching rowids, best first — the whole list, or its first rows.
struct SearchHits {
    std::vector<std::int64_t> rowids;
    // How many rows the whole list holds (rowids may hold only the first of them).
    std::int64_t count = 0;
    // More NGOs match than are listed (kMaxListed at most): the query is too broad to rank
    // them all, so the others follow the name matches as stored.
    bool more = false;
};

// A text query lists the NGOs whose names match first, alphabetically, then the others:
// up to this many matches in all, those others are ranked by relevance (bm25); a broader
// query lists them as stored, without scoring every match, and kMaxListed rows in all.
inline constexpr int kMaxRanked = 1000;
inline constexpr int kMaxListed = 1000;
static_assert(kMaxListed <= kMaxRanked, "a broad query lists kMaxListed of its more than kMaxRanked matches");

struct ImportCounts {
    std::size_t ngos = 0, councils = 0, opportunities = 0;
};

class CatalogStore {
public:
    explicit CatalogStore(Db db) : db_(std::move(db)) {}

    // Replaces the whole catalogue in one transaction (first start, demo seeding, a file
    // from USB). It stands in until the national catalogue arrives: the sync cursor goes
    // back to 0 and the first national page with content replaces it.
    Result<ImportCounts> replace_catalog(const core::Catalog& catalog);

    // One change of the national catalogue as it arrives: a record (JSON, the catalogue
    // file's shape, already checked by core::parse_catalog) or the tombstone of one.
    struct Change {
        std::string kind, id;  // kind: categories, regions, districts, ngos, councils, opportunities
        std::int64_t version = 0;
        bool deleted = false;
        std::string record;
    };
    // One page of a catalogue pull. Pages are kept aside, each with its cursor in one
    // transaction (a pull cut short resumes after its last page); the page that ends the
    // pull (`last`) applies every kept change to the catalogue at once, in one transaction
    // whose references must all resolve, so the catalogue only ever moves from one whole
    // national snapshot to the next. The first pull with content after replace_catalog
    // clears what was loaded locally, in the same transaction.
    Status receive_catalog_page(std::span<const Change> changes, std::int64_t cursor, bool last);
    // The version of the catalogue in use (0: none from the national server yet).
    Result<std::int64_t> catalog_cursor() const;
    // Where the next request of a pull starts: after the last page kept of a pull under
    // way, else the catalogue's version.
    Result<std::int64_t> pull_cursor() const;
    // Grows with every change of the catalogue (a replacement, a page with content).
    Result<std::int64_t> catalog_generation() const;

    Result<std::int64_t> ngo_count() const;
    Result<std::vector<core::Category>> categories() const;
    Result<std::vector<core::Region>> regions() const;
    Result<std::vector<core::District>> districts(const std::string& region) const;

    // Matching NGOs, best first: for text, name matches alphabetically and then the others
    // (see kMaxRanked); else all of them alphabetically in the query's language. The whole list.
    Result<SearchHits> search(const NgoQuery& q) const;
    // The count and the first `rows` of that list, which costs a fraction of the whole
    // when the list is long: what a resident sees first, on every keystroke.
    Result<SearchHits> search_first(const NgoQuery& q, std::int64_t rows) const;
    // Rows [offset, offset + rows) of that list, as the list scrolls: exactly that slice of
    // search(q) (ties are broken by rowid), so no row moves as pages arrive.
    Result<std::vector<std::int64_t>> search_page(const NgoQuery& q, std::int64_t offset, std::int64_t rows) const;
    // For a connection that mostly searches: a page cache of 16 MB, room for the sort keys
    // and the search index's busy pages at 50 000 NGOs, so a keystroke reads memory rather
    // than asking the OS for each page (SQLite's default is 2 MB). It fills only as used.
    Status cache_for_search() const;
    Result<std::vector<NgoSummary>> summaries(std::span<const std::int64_t> rowids) const;
    Result<core::Ngo> ngo(std::int64_t rowid) const;

    // Public councils a resident of this place can address: the national ones, those of
    // the region, and those of the district; national first, then regional, then district.
    Result<std::vector<core::Council>> councils_for(const std::string& region, const std::string& district) const;
    Result<std::optional<core::Council>> council(const std::string& id) const;

    // Volunteer opportunities with the name and contact of their NGO: those of `region`
    // first, then the rest; only one NGO's when `ngo_id` is given.
    struct OpportunityRow {
        core::Opportunity opportunity;
        core::LocalText ngo_name;
        std::int64_t ngo_rowid = 0;
        std::string ngo_phone, ngo_email;  // empty when not published
        core::LocalText ngo_address;
    };
    Result<std::vector<OpportunityRow>> opportunities(const std::string& region, const std::string& ngo_id = "") const;
    Result<std::optional<std::int64_t>> first_ngo(core::Lang lang) const;

    // Puts NGOs' rowids in the order of their names in `lang`'s alphabet (ties by rowid),
    // as browsing lists them, from a table of places this connection keeps: 4 bytes an
    // NGO for each language searched in, read again when the catalogue changes.
    Status sort_alphabetically(std::vector<std::int64_t>& rowids, core::Lang lang) const;
    // Reads that table for `lang` now (tens of milliseconds at 50 000 NGOs), so the first
    // typed search in it does not wait for it.
    Status prepare_text_search(core::Lang lang) const;

    // The FTS5 MATCH expression for typed text: each word a prefix (or, without `prefixes`,
    // the word itself), all words required. Empty when the text has no letters or digits.
    static std::string match_expression(const std::string& typed, bool prefixes = true);

    const Db& db() const { return db_; }

private:
    Status write_records(const core::Catalog& c, bool listed_order);
    Status apply_pending();
    // Each NGO's place in each language's alphabetical order, by rowid: ordering a
    // search's name matches reads no sort keys.
    struct Alphabet {
        std::int64_t generation = -1;                   // catalog_generation they were read at
        std::vector<std::int64_t> rowids;               // every NGO, ascending
        std::array<std::optional<std::vector<std::uint32_t>>, 3> place;  // per language once read, beside rowids
    };
    Result<const std::vector<std::uint32_t>*> alphabet(core::Lang lang) const;
    Db db_;
    mutable Alphabet alphabet_;
};

}  // namespace aul::store
