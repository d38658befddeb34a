// Result<T>: the value, or a message a person can act on.
// Functions that can fail for reasons outside the program return this instead of throwing.
//
// Passing a failure on to the caller, with its code kept:
//   Status save(const Db& db) {
//       AUL_TRY_ASSIGN(auto st, db.prepare("INSERT ..."));   // binds the Stmt, or returns the error
//       AUL_TRY(st.run());                                    // returns the error of a failed run
//       AUL_TRY_CONTEXT(bump(db), "saving the catalogue: ");  // the same, its message prefixed
//       return ok_status();
//   }
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace aul {

struct Error {
    std::string message;  // human-readable, says what went wrong and what to do
    int code = 0;         // SQLite extended result code, or one of Aul's own below 0; 0 when none

    // The same error (same code) with `prefix` written before its message.
    Error prefixed(std::string_view prefix) && {
        message.insert(0, prefix);
        return std::move(*this);
    }
    Error prefixed(std::string_view prefix) const& { return Error(*this).prefixed(prefix); }
    // SQLite's primary result code (SQLITE_FULL, SQLITE_BUSY...), 0 when none.
    int primary_code() const { return code & 0xff; }
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
    // The error itself, code included; only when !ok().
    const Error& error_value() const { return std::get<1>(v_); }
    // Moves the error out (the Result is left holding an empty one); only when !ok().
    Error take_error() { return std::move(std::get<1>(v_)); }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace aul

#define AUL_RESULT_CONCAT_INNER(a, b) a##b
#define AUL_RESULT_CONCAT(a, b) AUL_RESULT_CONCAT_INNER(a, b)

// Evaluates `expr` (a Result or Status); on failure returns its Error from the enclosing
// function, whose return type is any Result<U>.
#define AUL_TRY(expr)                                                            \
    do {                                                                         \
        auto&& aul_try_result_ = (expr);                                         \
        if (!aul_try_result_) return ::aul::Error(aul_try_result_.take_error()); \
    } while (0)

// As AUL_TRY, with `prefix` (e.g. "saving the catalogue: ") written before the message.
#define AUL_TRY_CONTEXT(expr, prefix)                                                     \
    do {                                                                                  \
        auto&& aul_try_result_ = (expr);                                                  \
        if (!aul_try_result_) return aul_try_result_.take_error().prefixed(prefix);      \
    } while (0)

// Evaluates `expr` (a Result<T>); on failure returns its Error, otherwise declares or
// assigns `decl` from the value, moved out: AUL_TRY_ASSIGN(auto st, db.prepare(sql));
// Expands to more than one statement: do not use it as the body of an unbraced if.
#define AUL_TRY_ASSIGN(decl, expr) AUL_TRY_ASSIGN_IMPL(AUL_RESULT_CONCAT(aul_try_value_, __LINE__), decl, expr)
#define AUL_TRY_ASSIGN_IMPL(tmp, decl, expr)                 \
    auto tmp = (expr);                                       \
    if (!tmp) return ::aul::Error(tmp.take_error());         \
    decl = std::move(tmp.value())
