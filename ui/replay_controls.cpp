#include "ui/replay_controls.h"

#include "ui/log_panel.h"
#include "ui/main_window.h"
#include "ui/models/log_model.h"
#include "ui/timeline_bar.h"

#include "room/replay_manager.h"

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace vigie::ui {

ReplayControls::ReplayControls(MainWindow &window, ReplayManager &replay)
    : QObject(&window), m_window(window), m_replay(replay)
{
    auto *layout = qobject_cast<QVBoxLayout *>(window.centralWidget()->layout());
    m_banner = new QLabel(window.centralWidget());
    m_banner->setObjectName(QStringLiteral("ReplayBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setMargin(6);
    m_banner->setWordWrap(true); // never wider than the map below it
    QFont f = m_banner->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_banner->setFont(f);
    m_banner->setStyleSheet(QStringLiteral("background:#5B2C83;color:white;"));
    m_banner->hide();
    m_bar = new TimelineBar(replay, window.centralWidget());
    m_bar->hide();
    if (layout) {
        layout->insertWidget(0, m_banner); // above everything: the first thing read
        layout->addWidget(m_bar);          // under the map
    }

    m_toggle = window.viewMenu()->addAction(tr("&Relecture de la salle"));
    m_toggle->setObjectName(QStringLiteral("ReplayToggle"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_toggle->setStatusTip(tr("Revoir la salle à un moment passé : carte, listes et main courante à cette "
                              "heure ; rien ne peut être inscrit pendant la relecture."));
    connect(m_toggle, &QAction::triggered, this, [this](bool on) {
        if (on)
            m_replay.enter(m_replay.last());
        else
            m_replay.leave();
    });
    connect(&replay, &ReplayManager::activeChanged, this, &ReplayControls::activeChanged);
    connect(&replay, &ReplayManager::frameShown, this, &ReplayControls::frameShown);
    connect(&replay, &ReplayManager::playingChanged, this, &ReplayControls::frameShown);
    connect(&replay, &ReplayManager::errorOccurred, this,
            [this](const QString &message) { m_window.statusBar()->showMessage(message, 15000); });
}

void ReplayControls::addWritingAction(QAction *action)
{
    m_writing.append(action);
}

void ReplayControls::activeChanged(bool active)
{
    m_toggle->setChecked(active);
    m_banner->setVisible(active);
    m_bar->setVisible(active);
    for (QAction *a : m_writing)
        a->setEnabled(!active);
    // The suggestions are the live situation's, and accepting one writes: out of reach while replaying.
    if (auto *dock = m_window.findChild<QDockWidget *>(QStringLiteral("SuggestionsDock"));
        dock && dock->widget())
        dock->widget()->setEnabled(!active);
    m_window.statusBar()->setStyleSheet(active ? QStringLiteral("QStatusBar{background:#5B2C83;color:white;}")
                                               : QString());
    if (active) {
        m_title = m_window.windowTitle();
        m_bar->setFocus();
        frameShown();
    } else {
        m_window.setWindowTitle(m_title);
        m_window.statusBar()->showMessage(tr("Retour au direct : la situation actuelle est affichée."), 8000);
    }
}

void ReplayControls::frameShown()
{
    if (!m_replay.active())
        return;
    const QString when = TimelineBar::roomTimeText(m_replay.shownAt().msecs, true);
    m_banner->setText(tr("RELECTURE — %1").arg(when) + QStringLiteral("   ·   ") +
                      (m_replay.playing() ? tr("lecture ×%1").arg(m_replay.speed()) : tr("en pause")) +
                      QStringLiteral("   ·   ") +
                      tr("rien ne peut être inscrit — Ctrl+R : revenir au direct"));
    m_window.setWindowTitle(tr("RELECTURE %1 — %2").arg(when, m_title));
    // The log at the time shown, its latest entry in view. While playing, a few times a second: the rows
    // change little between frames and reading them is not what the eye follows.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_replay.playing() && now - m_logShownMs < 250)
        return;
    m_logShownMs = now;
    m_window.logModel()->showReplay(m_replay.recent());
    if (m_window.logPanel() && !m_window.logPanel()->showsResults())
        m_window.logPanel()->view()->scrollToBottom();
}

} // namespace vigie::ui
