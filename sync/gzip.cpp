#include "sync/gzip.h"

#include <zlib.h>

namespace aul::sync {

std::string gzip(std::string_view in, int level) {
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

Result<std::string> gunzip(std::string_view in, std::size_t max_bytes) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return Error{"cannot start inflating"};
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    std::string out;
    char chunk[64 * 1024];
    int rc = Z_OK;
    // Inflated a chunk at a time, the bound checked before each is kept: never more than
    // `max_bytes` plus one chunk in memory.
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            return Error{"the body is not valid gzip"};
        }
        const std::size_t made = sizeof chunk - z.avail_out;
        if (out.size() + made > max_bytes) {
            inflateEnd(&z);
            return Error{"the body inflates to more than " + std::to_string(max_bytes) + " bytes", kTooLarge};
        }
        out.append(chunk, made);
        if (made == 0 && z.avail_in == 0 && rc != Z_STREAM_END) {
            inflateEnd(&z);
            return Error{"the gzip body is cut short"};
        }
    }
    inflateEnd(&z);
    return out;
}

}  // namespace aul::sync
