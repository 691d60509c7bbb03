#include "ui/timeline_bar.h"

#include "ui/labels.h"

#include "room/replay_manager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>

#include <QStyle>

#include <algorithm>
#include <cmath>

namespace vigie::ui {

namespace {

/// The replay's colour, on the bar as on the banner: violet, distinct from the exercise's orange, the
/// damage's red and the offline desk's blue.
const QColor replayColour(0x5B, 0x2C, 0x83);

} // namespace

QString TimelineBar::roomTimeText(qint64 msecs, bool seconds)
{
    return roomTime(msecs).toString(seconds ? QStringLiteral("dd/MM/yyyy HH:mm:ss")
                                            : QStringLiteral("dd/MM/yyyy HH:mm"));
}

TimelineBar::TimelineBar(ReplayManager &replay, QWidget *parent) : QWidget(parent), m_replay(replay)
{
    setObjectName(QStringLiteral("TimelineBar"));
    setFocusPolicy(Qt::StrongFocus);
    m_start = new QToolButton(this);
    m_start->setObjectName(QStringLiteral("ReplayStart"));
    // The style's media icons: the fonts of a bare Debian desktop have no glyph for ⏮ or ⏸.
    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_start->setToolTip(tr("Au début de la salle (Ctrl+Origine)"));
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("ReplayPlay"));
    m_play->setToolTip(tr("Lire ou mettre en pause (Espace)"));
    m_speed = new QToolButton(this);
    m_speed->setObjectName(QStringLiteral("ReplaySpeed"));
    m_speed->setToolTip(tr("Vitesse de lecture : secondes de la salle par seconde"));
    m_speed->setPopupMode(QToolButton::InstantPopup);
    auto *speeds = new QMenu(m_speed);
    for (int factor : ReplayManager::speeds)
        speeds->addAction(QStringLiteral("×%1").arg(factor), this,
                          [this, factor] { m_replay.setSpeed(factor); });
    m_speed->setMenu(speeds);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("ReplayTime"));
    QFont bold = m_time->font();
    bold.setBold(true);
    m_time->setFont(bold);
    m_track = new ActivityTrack(replay, this);
    m_live = new QPushButton(tr("Revenir au direct"), this);
    m_live->setObjectName(QStringLiteral("ReplayLive"));
    m_live->setToolTip(tr("La situation actuelle, et les actions d'écriture de nouveau permises (Ctrl+R)"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_start, m_play, m_speed, m_live})
        w->setFocusPolicy(Qt::NoFocus); // Space and the arrows stay the bar's

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_start);
    layout->addWidget(m_play);
    layout->addWidget(m_speed);
    layout->addWidget(m_time);
    layout->addWidget(m_track, 1);
    layout->addWidget(m_live);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xED, 0xE4, 0xF5)); // a pale tint of the banner's violet
    setPalette(p);

    connect(m_start, &QToolButton::clicked, this, [this] { m_replay.seek(m_replay.first()); });
    connect(m_play, &QToolButton::clicked, this, [this] { m_replay.togglePlay(); });
    connect(m_live, &QPushButton::clicked, this, [this] { m_replay.leave(); });
    auto key = [this](const QKeySequence &k, const QString &what, auto action) {
        auto *s = new QShortcut(k, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        s->setWhatsThis(what); // Aide › Raccourcis clavier
        connect(s, &QShortcut::activated, this, action);
    };
    key(QKeySequence(Qt::Key_Space), tr("Relecture : lire ou mettre en pause"),
        [this] { m_replay.togglePlay(); });
    key(QKeySequence(Qt::Key_Left), tr("Relecture : 10 s en arrière"), [this] { m_replay.step(-10'000); });
    key(QKeySequence(Qt::Key_Right), tr("Relecture : 10 s en avant"), [this] { m_replay.step(10'000); });
    key(QKeySequence(Qt::SHIFT | Qt::Key_Left), tr("Relecture : 5 min en arrière"),
        [this] { m_replay.step(-300'000); });
    key(QKeySequence(Qt::SHIFT | Qt::Key_Right), tr("Relecture : 5 min en avant"),
        [this] { m_replay.step(300'000); });
    key(QKeySequence(Qt::CTRL | Qt::Key_Home), tr("Relecture : au début"),
        [this] { m_replay.seek(m_replay.first()); });
    key(QKeySequence(Qt::CTRL | Qt::Key_End), tr("Relecture : à la fin"),
        [this] { m_replay.seek(m_replay.last()); });

    connect(&replay, &ReplayManager::playingChanged, this, &TimelineBar::updateButtons);
    connect(&replay, &ReplayManager::speedChanged, this, &TimelineBar::updateButtons);
    connect(&replay, &ReplayManager::timeChanged, this, [this] {
        updateTime();
        m_track->update();
    });
    connect(&replay, &ReplayManager::frameShown, this, [this] { m_track->update(); });
    connect(&replay, &ReplayManager::activityChanged, this, [this] { m_track->update(); });
    updateButtons();
    updateTime();
}

void TimelineBar::updateButtons()
{
    m_play->setIcon(style()->standardIcon(m_replay.playing() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setAccessibleName(m_replay.playing() ? tr("Pause") : tr("Lecture"));
    m_speed->setText(QStringLiteral("×%1").arg(m_replay.speed()));
}

void TimelineBar::updateTime()
{
    m_time->setText(roomTimeText(m_replay.at().msecs, true));
}

ActivityTrack::ActivityTrack(ReplayManager &replay, QWidget *parent) : QWidget(parent), m_replay(replay)
{
    setObjectName(QStringLiteral("ReplayTrack"));
    setFocusPolicy(Qt::NoFocus);
    setMinimumHeight(fontMetrics().height() + 40);
    setToolTip(
        tr("Activité de la main courante : entrées par tranche de temps. Cliquez ou faites glisser pour "
           "afficher la salle à ce moment."));
}

QSize ActivityTrack::sizeHint() const
{
    return {600, fontMetrics().height() + 40}; // bars 34 px high, the time labels below
}

QSize ActivityTrack::minimumSizeHint() const
{
    return {200, fontMetrics().height() + 40};
}

QRect ActivityTrack::barsRect() const
{
    // Room for the time labels below the bars.
    return rect().adjusted(6, 2, -6, -fontMetrics().height() - 2);
}

qint64 ActivityTrack::timeAt(int x) const
{
    const QRect r = barsRect();
    const qint64 first = m_replay.first().msecs, last = m_replay.last().msecs;
    const double f = std::clamp(double(x - r.left()) / std::max(1, r.width()), 0.0, 1.0);
    return first + qint64(f * double(last - first));
}

int ActivityTrack::xOf(qint64 msecs) const
{
    const QRect r = barsRect();
    const qint64 first = m_replay.first().msecs, last = m_replay.last().msecs;
    if (last <= first)
        return r.right();
    return r.left() + int(double(msecs - first) / double(last - first) * r.width());
}

void ActivityTrack::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect r = barsRect();
    p.fillRect(r, palette().base());
    // The bars: one per bucket (a few hundred rectangles: cheap), heights by the square root of the count
    // relative to the busiest, so that a quiet hour still shows beside a burst (a room's first minutes load
    // its whole fleet at once).
    const Activity &a = m_replay.activity();
    if (!a.counts.empty()) {
        const qint64 busiest = std::max<qint64>(1, *std::max_element(a.counts.begin(), a.counts.end()));
        const qint64 width = a.bucketMs();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xC9, 0xB3, 0xDE)); // pale violet: the dark handle stands out on a busy day
        for (std::size_t i = 0; i < a.counts.size(); ++i) {
            if (a.counts[i] == 0)
                continue;
            const int x0 = xOf(a.first.msecs + qint64(i) * width);
            const int x1 = std::max(x0 + 1, xOf(a.first.msecs + qint64(i + 1) * width));
            const int h =
                std::max(2, int(std::sqrt(double(a.counts[i]) / double(busiest)) * (r.height() - 2)));
            p.drawRect(QRect(x0, r.bottom() - h + 1, x1 - x0, h));
        }
    }
    // Time labels at whole hours (every few hours on a long span), in the room's time zone.
    p.setPen(palette().color(QPalette::WindowText));
    const qint64 first = m_replay.first().msecs, last = m_replay.last().msecs;
    if (last > first) {
        const int labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("14/07 22:00")) + 12;
        const int slots = std::max(1, r.width() / labelWidth);
        qint64 stepMs = 3'600'000;
        while ((last - first) / stepMs > slots)
            stepMs *= 2;
        const QDateTime start = roomTime(first);
        QDateTime tick = start;
        tick.setTime(QTime(start.time().hour(), 0));
        for (qint64 t = tick.toMSecsSinceEpoch() + stepMs; t < last; t += stepMs) {
            const int x = xOf(t);
            if (x - labelWidth / 2 < 0 || x + labelWidth / 2 > width())
                continue; // a label cut at the edge reads as another time
            p.drawLine(x, r.bottom() + 1, x, r.bottom() + 4);
            p.drawText(QRect(x - labelWidth / 2, r.bottom() + 2, labelWidth, fontMetrics().height() + 2),
                       Qt::AlignCenter, roomTime(t).toString(QStringLiteral("dd/MM HH:mm")));
        }
    }
    // The time shown, when it lags the handle (the picture is being computed), then the handle itself.
    if (m_replay.busy()) {
        p.setPen(QPen(replayColour.lighter(120), 1, Qt::DashLine));
        const int xs = xOf(m_replay.shownAt().msecs);
        p.drawLine(xs, r.top(), xs, r.bottom());
    }
    // The handle: dark violet edged in white, readable on the bars and on the white of a quiet hour.
    const int x = xOf(m_replay.at().msecs);
    p.setPen(QPen(Qt::white, 5));
    p.drawLine(x, r.top(), x, r.bottom());
    p.setPen(QPen(replayColour.darker(160), 3));
    p.drawLine(x, r.top(), x, r.bottom());
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(replayColour.darker(160));
    p.drawEllipse(QPoint(x, r.top() + 5), 6, 6);
}

void ActivityTrack::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_replay.seek(Timestamp{timeAt(event->position().toPoint().x())});
}

void ActivityTrack::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_replay.seek(Timestamp{timeAt(event->position().toPoint().x())});
}

} // namespace vigie::ui
