// Test helper: damage a kiosk database as a failing card might, so that opening it sets
// it aside. Either one table's pages (the rest of the file still reads) or every page
// after the first (nothing of it reads).
#pragma once
#include <filesystem>
#include <fstream>
#include <string>

#include "store/db.h"

// Overwrites the root page of `table` with junk; false when the table is not found.
inline bool damage_table(const std::string& path, const std::string& table) {
    std::int64_t root = 0, page_size = 0;
    {
        auto db = aul::store::Db::open(path);
        if (!db || !db->exec("PRAGMA wal_checkpoint(TRUNCATE)")) return false;
        auto st = db->prepare("SELECT rootpage FROM sqlite_master WHERE name = ?1");
        if (!st) return false;
        st->bind(1, table);
        auto row = st->step();
        if (!row || !*row) return false;
        root = st->integer(0);
        auto size = db->scalar_int("PRAGMA page_size");
        if (!size) return false;
        page_size = *size;
    }
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((root - 1) * page_size);
    std::string junk(static_cast<std::size_t>(page_size), '\x5A');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    return static_cast<bool>(f);
}

// Overwrites every page after the first with junk.
inline bool damage_all_but_header(const std::string& path) {
    {
        auto db = aul::store::Db::open(path);
        if (!db || !db->exec("PRAGMA wal_checkpoint(TRUNCATE)")) return false;
    }
    auto size = std::filesystem::file_size(path);
    if (size <= 4096) return false;
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    std::string junk(size - 4096, '\x5A');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    return static_cast<bool>(f);
}
