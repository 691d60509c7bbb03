#pragma once
// The shared screen and the wall: the map fills the screen, the room's banner above it, a ticker of the
// latest log entries below, every size chosen for reading from a distance (reading_sizes.h,
// docs/shared-screen.md). The view may turn between the whole city, the most severe incident and the
// hospitals.
//
// Two modes. The shared screen (`--shared-screen`, a desk's screen read from about 2 m) keeps the desk's
// two writing keys, Ctrl+N (note) and Ctrl+D (decision). The wall (`--wall`, read from about 5 m) writes
// nothing: it has no menu, no writing action, and no key that reaches one; it only shows.
#include "ui/reading_sizes.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTimer;

namespace vigie {
class PictureManager;
}

namespace vigie::maps {
class MapView;
}

namespace vigie::ui {

class LogModel;

class WallLayout : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        SharedScreen,
        Wall
    };
    enum class View
    {
        City,
        MostSevere,
        Hospitals
    };
    struct Options
    {
        Mode mode = Mode::SharedScreen;
        double distanceMetres = 0;  ///< 0: 2 m for the shared screen, 5 m for the wall
        double diagonalInches = 55; ///< the screen's diagonal
        int rotateSeconds = 0;      ///< 0: no rotation between the views
        bool startWithCity = true;  ///< false: the map keeps the centre it was given until the first turn
    };

    /// Takes `map` as its child.
    WallLayout(PictureManager &manager, maps::MapView *map, Options options, QWidget *parent = nullptr);

    [[nodiscard]] Mode mode() const { return m_options.mode; }
    [[nodiscard]] const ReadingSizes &sizes() const { return m_sizes; }
    [[nodiscard]] maps::MapView *map() const { return m_map; }
    [[nodiscard]] View view() const { return m_view; }
    /// Shows one of the views now (the rotation goes on from it).
    void showView(View view);
    /// The name of a view, as the banner says it.
    [[nodiscard]] static QString viewName(View view);
    /// Sizes everything for a screen of `screen` device pixels (called on resize).
    void applySizes(QSize screen);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateBanner();
    /// The name of the view shown, on the banner's right.
    void setViewLine(const QString &text);
    void updateTicker();
    void addNote(const QString &kind);

    PictureManager &m_manager;
    maps::MapView *m_map;
    Options m_options;
    ReadingSizes m_sizes;
    QLabel *m_banner = nullptr;
    QLabel *m_viewLabel = nullptr;
    QLabel *m_ticker = nullptr;
    LogModel *m_log = nullptr;
    QTimer *m_rotation = nullptr;
    View m_view = View::City;
};

} // namespace vigie::ui
