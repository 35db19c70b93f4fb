#pragma once

namespace folio {

// A visitor made of lambdas, one per alternative: std::visit with it fails to
// compile when a variant gains an alternative that no lambda takes, so no
// visitor can skip a new kind silently (no `auto` catch-all).
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace folio
