// Result<T>: the value, or a message a person can act on.
// Functions that can fail for reasons outside the program return this instead of throwing.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace aul {

struct Error {
    std::string message;  // human-readable, says what went wrong and what to do
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error e) : v_(std::move(e)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const std::string& error() const { return std::get<1>(v_).message; }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace aul
