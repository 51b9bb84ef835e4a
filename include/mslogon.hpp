// mslogon.hpp: C++11 helpers over mslogon.h (header-only, hand-written).
//
//   mslogon::ComPtr<T>   owns one reference to a COM object (IMSProvider,
//                        IMSLogon, IMsgStore, IMAPISupport, ...): Release on
//                        destruction, AddRef on copy, nothing on move.
//   mslogon::Error       a failed HRESULT as an exception (std::runtime_error
//                        whose what() names the call and the code).
//   mslogon::HResult     an HRESULT as a value: ok(), code(), name(), check().
//   mslogon::check(hr)   throws mslogon::Error when hr is a failure.
//
// ComPtr needs nothing but the header. Error, HResult::name() and check()
// call mslogon_hresult_name(), so they need the library linked (a host that
// loads it with dlopen uses ComPtr only, or its own names).
#ifndef MSLOGON_HPP
#define MSLOGON_HPP

#include <stdexcept>
#include <string>

#include "mslogon.h"

namespace mslogon {

// One reference to a COM object of this API (anything with lpVtbl->AddRef
// and lpVtbl->Release).
template <typename T>
class ComPtr {
 public:
  ComPtr() noexcept : p_(nullptr) {}
  // Adopts a reference the caller already owns (e.g. from an out-pointer).
  explicit ComPtr(T *owned) noexcept : p_(owned) {}
  // Takes a new reference (AddRef) to an object the caller only borrows.
  static ComPtr borrow(T *p) noexcept {
    if (p) p->lpVtbl->AddRef(p);
    return ComPtr(p);
  }
  ComPtr(const ComPtr &other) noexcept : p_(other.p_) {
    if (p_) p_->lpVtbl->AddRef(p_);
  }
  ComPtr(ComPtr &&other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  ComPtr &operator=(ComPtr other) noexcept {
    swap(other);
    return *this;
  }
  ~ComPtr() { reset(); }

  // Releases the reference held, if any.
  void reset() noexcept {
    if (p_) {
      T *p = p_;
      p_ = nullptr;
      p->lpVtbl->Release(p);
    }
  }
  // For an out-parameter: releases what is held, returns where the callee
  // writes the new reference.
  T **put() noexcept {
    reset();
    return &p_;
  }
  // Gives the reference up to the caller.
  T *detach() noexcept {
    T *p = p_;
    p_ = nullptr;
    return p;
  }
  void swap(ComPtr &other) noexcept {
    T *p = p_;
    p_ = other.p_;
    other.p_ = p;
  }

  T *get() const noexcept { return p_; }
  T *operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

 private:
  T *p_;
};

// A failed HRESULT.
class Error : public std::runtime_error {
 public:
  explicit Error(MSLogon_HRESULT hr, const char *call = nullptr)
      : std::runtime_error(message(hr, call)), hr_(hr) {}
  MSLogon_HRESULT hresult() const noexcept { return hr_; }
  const char *name() const noexcept { return mslogon_hresult_name(hr_); }

 private:
  static std::string message(MSLogon_HRESULT hr, const char *call) {
    std::string text = call ? std::string(call) + ": " : std::string();
    return text + mslogon_hresult_name(hr);
  }
  MSLogon_HRESULT hr_;
};

// Throws Error(hr, call) when hr is a failure; returns hr (S_OK or a
// warning such as MAPI_W_ERRORS_RETURNED) otherwise.
inline MSLogon_HRESULT check(MSLogon_HRESULT hr, const char *call = nullptr) {
  if (hr < 0) throw Error(hr, call);
  return hr;
}

// An HRESULT as a value.
class HResult {
 public:
  HResult(MSLogon_HRESULT hr) noexcept : hr_(hr) {}  // NOLINT: implicit on purpose
  bool ok() const noexcept { return hr_ >= 0; }
  MSLogon_HRESULT code() const noexcept { return hr_; }
  const char *name() const noexcept { return mslogon_hresult_name(hr_); }
  // Throws Error when failed.
  const HResult &check(const char *call = nullptr) const {
    mslogon::check(hr_, call);
    return *this;
  }
  bool operator==(MSLogon_HRESULT other) const noexcept { return hr_ == other; }
  bool operator!=(MSLogon_HRESULT other) const noexcept { return hr_ != other; }

 private:
  MSLogon_HRESULT hr_;
};

}  // namespace mslogon

#endif  // MSLOGON_HPP
