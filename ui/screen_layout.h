#pragma once
// The docks' layout chosen for the screen. On a 1366×768 laptop the standard layout (tables left, right
// and below the map) left the map about 700×270 px and the Moyens dock one row; there the docks are
// stacked as tabs in one column on the right, so that the map keeps at least half of the window.
#include <QSize>

class QMainWindow;

namespace vigie::ui {

enum class ScreenLayout
{
    Standard, ///< docks left, right and below the map (1600×900 and more)
    Compact,  ///< every dock a tab of one column on the right
};

/// The layout for a window of `size` (device-independent pixels).
[[nodiscard]] ScreenLayout screenLayoutFor(QSize size);

/// Arranges `window`'s docks for `layout`; call once every dock is added (and again when it changes).
void applyScreenLayout(QMainWindow &window, ScreenLayout layout);

} // namespace vigie::ui
