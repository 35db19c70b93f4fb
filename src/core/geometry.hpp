#pragma once

// Positions and sizes in PDF points (1/72 in), y growing downwards.
namespace folio {

struct Point {
  double x = 0;
  double y = 0;
};

struct Size {
  double width = 0;
  double height = 0;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;

  double right() const { return x + width; }
  double bottom() const { return y + height; }
  bool intersects(const Rect& o) const {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
};

struct Insets {
  double top = 0;
  double right = 0;
  double bottom = 0;
  double left = 0;
};

}  // namespace folio
