#include "ui/wall_layout.h"

#include "ui/error_words.h"
#include "ui/labels.h"
#include "ui/models/log_model.h"
#include "ui/note_dialog.h"

#include "maps/basemap_coverage.h"
#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include "log/entry_kinds.h"
#include "room/picture_manager.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QResizeEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace vigie::ui {

namespace {

/// One line cut with an ellipsis when too long for its width (a wall line holds few words), whole in its
/// tooltip.
class ElidedLabel : public QLabel
{
public:
    using QLabel::QLabel;
    void setFullText(const QString &text)
    {
        m_full = text;
        setToolTip(text);
        elide();
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        elide();
    }

private:
    void elide()
    {
        const QMargins m = contentsMargins();
        setText(
            fontMetrics().elidedText(m_full, Qt::ElideRight, std::max(20, width() - m.left() - m.right())));
    }
    QString m_full;
};

void setLine(QLabel *label, const QString &text)
{
    static_cast<ElidedLabel *>(label)->setFullText(text);
}

} // namespace

WallLayout::WallLayout(PictureManager &manager, maps::MapView *map, Options options, QWidget *parent)
    : QWidget(parent), m_manager(manager), m_map(map), m_options(options)
{
    setObjectName(m_options.mode == Mode::Wall ? QStringLiteral("Wall") : QStringLiteral("SharedScreen"));
    if (m_options.distanceMetres <= 0)
        m_options.distanceMetres = m_options.mode == Mode::Wall ? 5 : 2;
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0x10, 0x18, 0x20));
    setPalette(pal);

    // The banner: the room's mode and name on the left, the view shown on the right.
    auto *top = new QWidget(this);
    top->setObjectName(QStringLiteral("WallBanner"));
    const bool exercise = manager.info().mode == RoomMode::Exercise;
    top->setStyleSheet(exercise ? QStringLiteral("background:#E69F00;color:black;")
                                : QStringLiteral("background:#1f3b57;color:white;"));
    m_banner = new ElidedLabel(top);
    m_banner->setObjectName(QStringLiteral("WallBannerText"));
    m_viewLabel = new ElidedLabel(top);
    m_viewLabel->setObjectName(QStringLiteral("WallViewName"));
    m_viewLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Cut rather than widen the window: at 5 m a line holds few words.
    m_banner->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_viewLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *topRow = new QHBoxLayout(top);
    topRow->setContentsMargins(0, 0, 0, 0);
    topRow->setSpacing(0);
    topRow->addWidget(m_banner, 3);
    topRow->addWidget(m_viewLabel, 2);

    m_ticker = new QLabel(this);
    m_ticker->setObjectName(QStringLiteral("WallTicker"));
    m_ticker->setTextFormat(Qt::RichText);
    m_ticker->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_ticker->setStyleSheet(QStringLiteral("background:#101820;color:white;"));
    m_ticker->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(top);
    m_map->setParent(this);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_ticker);

    m_log = new LogModel(manager, 50, this);
    connect(m_log, &QAbstractItemModel::rowsInserted, this, &WallLayout::updateTicker);
    connect(m_log, &QAbstractItemModel::modelReset, this, &WallLayout::updateTicker);
    connect(&manager, &PictureManager::pictureChanged, this, &WallLayout::updateBanner);

    if (m_options.mode == Mode::SharedScreen) {
        // The desk's two writing keys; nothing else here writes. The wall gets none of them.
        auto *note = new QAction(tr("Note…"), this);
        note->setObjectName(QStringLiteral("NoteAction"));
        note->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
        connect(note, &QAction::triggered, this, [this] { addNote(kinds::note); });
        auto *decision = new QAction(tr("Décision…"), this);
        decision->setObjectName(QStringLiteral("DecisionAction"));
        decision->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
        connect(decision, &QAction::triggered, this, [this] { addNote(kinds::decision); });
        addActions({note, decision});
    }
    auto *full = new QAction(tr("Plein écran"), this);
    full->setObjectName(QStringLiteral("FullScreenAction"));
    full->setShortcut(QKeySequence::FullScreen);
    connect(full, &QAction::triggered, this, [this] { isFullScreen() ? showNormal() : showFullScreen(); });
    addAction(full);

    m_rotation = new QTimer(this);
    m_rotation->setObjectName(QStringLiteral("WallRotation"));
    if (m_options.rotateSeconds > 0) {
        m_rotation->setInterval(m_options.rotateSeconds * 1000);
        connect(m_rotation, &QTimer::timeout, this, [this] {
            showView(m_view == View::City         ? View::MostSevere
                     : m_view == View::MostSevere ? View::Hospitals
                                                  : View::City);
        });
        m_rotation->start();
    }
    applySizes(QSize(1920, 1080));
    updateBanner();
    updateTicker();
}

QString WallLayout::viewName(View view)
{
    switch (view) {
    case View::City:
        return tr("Vue : la ville");
    case View::MostSevere:
        return tr("Vue : l'intervention la plus grave");
    case View::Hospitals:
        return tr("Vue : les hôpitaux");
    }
    return {};
}

void WallLayout::showView(View view)
{
    m_view = view;
    const Picture &p = m_manager.picture();
    QRectF box;
    if (view == View::MostSevere) {
        const Incident *worst = nullptr;
        // Open before contained, then the most severe, then the latest opened.
        const auto rank = [](const Incident &i) {
            return std::tuple(i.status == QLatin1String("open"), i.severity, i.opened.msecs);
        };
        for (const auto &[id, i] : p.incidents)
            if (i.position && i.joinedInto.isEmpty() && (!worst || rank(i) > rank(*worst)))
                worst = &i;
        if (worst) {
            m_map->setCenter(*worst->position, 15);
            setViewLine(viewName(view) + QStringLiteral(" — ") +
                        (worst->title.isEmpty() ? incidentTypeLabel(worst->type) : worst->title));
            return;
        }
    } else if (view == View::Hospitals) {
        for (const auto &[id, h] : p.hospitals)
            if (h.position)
                box |= QRectF(maps::project(*h.position, 0), QSizeF(1e-9, 1e-9));
    }
    if (box.isEmpty()) {
        m_view = View::City;
        const GeoBox city = maps::roomArea();
        box = QRectF(maps::project({city.minLon, city.maxLat}, 0),
                     maps::project({city.maxLon, city.minLat}, 0));
    }
    m_map->fitWorld(box, 15);
    setViewLine(viewName(m_view));
}

void WallLayout::setViewLine(const QString &text)
{
    // The view's name takes the width it needs, at most two fifths of the line, and the banner the rest:
    // the room's mode and its count of incidents are read whole, the room's name cut first. Both labels
    // ignore their texts' widths (they are cut to fit), so the stretch factors share the line.
    const QMargins m = m_viewLabel->contentsMargins();
    const int natural = QFontMetrics(m_viewLabel->font()).horizontalAdvance(text) + m.left() + m.right() + 2;
    const int line = std::max(10, width());
    const int view = std::clamp(natural, 1, line * 2 / 5);
    if (auto *row = qobject_cast<QBoxLayout *>(m_viewLabel->parentWidget()->layout())) {
        row->setStretch(0, line - view);
        row->setStretch(1, view);
    }
    setLine(m_viewLabel, text);
}

void WallLayout::applySizes(QSize screen)
{
    m_sizes = readingSizes(m_options.distanceMetres, screen, m_options.diagonalInches, devicePixelRatioF());
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(m_sizes.fontPixels);
    QFont bold = f;
    bold.setBold(true);
    m_banner->setFont(bold);
    m_viewLabel->setFont(f);
    m_ticker->setFont(f);
    const int margin = std::max(4, m_sizes.fontPixels / 4);
    m_banner->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_viewLabel->setContentsMargins(margin, margin / 2, margin, margin / 2);
    updateBanner(); // elided again for the new type
    setViewLine(m_viewLabel->toolTip());
    m_ticker->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_ticker->setFixedHeight(int(m_sizes.tickerLines * QFontMetrics(f).lineSpacing() + margin * 1.5));
    m_map->setReadingScale(m_sizes.mapScale);
    updateTicker();
}

void WallLayout::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The whole window is the screen (full screen): its height gives the pixel pitch.
    applySizes((QSizeF(event->size()) * devicePixelRatioF()).toSize());
    if ((!event->oldSize().isValid() || event->oldSize().isEmpty()) && m_options.startWithCity)
        showView(m_view);
}

void WallLayout::updateBanner()
{
    const RoomInfo &room = m_manager.info();
    const bool exercise = room.mode == RoomMode::Exercise;
    const Picture &p = m_manager.picture();
    qint64 open = 0;
    for (const auto &[id, i] : p.incidents)
        open += i.joinedInto.isEmpty();
    const QString mode = exercise ? tr("EXERCICE") : tr("SALLE RÉELLE");
    // French is the source language: its plural is chosen here (0 and 1 take the singular), English's in the
    // catalogue. The count before the room's name: when the line is cut, the name goes first.
    const QString count = open <= 1 ? tr("%1 intervention en cours").arg(open)
                                    : tr("%1 interventions en cours").arg(QLocale().toString(open));
    setLine(m_banner, QStringLiteral("%1 — %2 — %3").arg(mode, count, room.name));
}

void WallLayout::updateTicker()
{
    if (!m_ticker || !m_log)
        return;
    // The newest entry first: it is the one people look up for.
    QStringList lines;
    const QFontMetrics fm(m_ticker->font());
    const int width = std::max(200, m_ticker->width() - 2 * m_ticker->contentsMargins().left());
    for (int row = m_log->rowCount() - 1; row >= 0 && lines.size() < m_sizes.tickerLines; --row) {
        // The room's news, not the trainer's: in an exercise, the clock's moves and the checks of the
        // players' expected actions stay off the screen the players read (their stimuli are news).
        if (const Entry *e = m_log->entryAt(row);
            e && (e->kind == kinds::exerciseClock || e->kind == kinds::exerciseCheck))
            continue;
        const QString time = m_log->index(row, LogModel::Time).data().toString().right(8).left(5);
        const QString text = m_log->index(row, LogModel::Summary).data().toString();
        const QString line = time + QStringLiteral("  ") + text;
        lines << fm.elidedText(line, Qt::ElideRight, width).toHtmlEscaped();
    }
    m_ticker->setText(lines.join(QStringLiteral("<br>")));
}

void WallLayout::addNote(const QString &kind)
{
    if (m_options.mode == Mode::Wall)
        return; // never reached: the wall has no writing action; kept as a second lock
    NoteDialog dialog(kind, m_manager.picture(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.text().isEmpty())
        return;
    QPointer<WallLayout> self(this);
    m_manager.append(
        {dialog.draft(deskAuthor(), m_manager.clock().now())}, [self](const Result<std::vector<Entry>> &r) {
            if (!r && self)
                QMessageBox::warning(self, tr("Inscription impossible"), errorText(r.error().message));
        });
}

} // namespace vigie::ui
