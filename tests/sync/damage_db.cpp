// Test helper: damages a kiosk database so that the next open sets it aside.
//   damage_db FILE --table NAME   one table's root page (the proposals still read)
//   damage_db FILE --all          every page after the first (nothing reads)
#include <cstdio>
#include <string>

#include "damage_db.h"

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    std::string how = argv[2];
    bool done = how == "--all" ? damage_all_but_header(argv[1]) : how == "--table" && argc == 4 && damage_table(argv[1], argv[3]);
    if (!done) std::fprintf(stderr, "damage_db: could not damage %s\n", argv[1]);
    return done ? 0 : 1;
}
