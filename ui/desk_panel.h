#pragma once
// A shared room's desks at this console: who is in the room (the presence list, a dock), and this desk's
// link to the server (the banner that says when it works offline and how much waits to be sent).
#include "room/desk_link.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace vigie::ui {

/// The presence list: one row per desk of the room, this one first in bold.
class PresencePanel : public QWidget
{
    Q_OBJECT
public:
    explicit PresencePanel(QWidget *parent = nullptr);
    void showStatus(const DeskStatus &status, const QString &thisDesk);

private:
    QLabel *m_heading = nullptr;
    QTableWidget *m_table = nullptr;
};

/// The banner's words for a desk's link, empty when there is nothing to say (online, nothing waiting).
[[nodiscard]] QString deskBannerText(const DeskStatus &status);

} // namespace vigie::ui
